import { describe, expect, it } from 'vitest'
import { clipMiddle } from '../../../renderer/src/model/clip-label.js'

describe('axis labels', () => {
  it('keeps short labels whole', () => {
    expect(clipMiddle('Amazon Bedrock', 28)).toBe('Amazon Bedrock')
  })

  it('cuts the middle of long labels so the end that tells them apart stays', () => {
    const javier = clipMiddle('assumed-role/BackendDev/javier@example.com', 28)
    const luis = clipMiddle('assumed-role/BackendDev/luis@example.com', 28)
    expect(javier).toBe('assumed-rol…vier@example.com')
    expect(luis).toBe('assumed-rol…luis@example.com')
  })
})
