import { describe, expect, it } from 'vitest'
import { createBackground } from '../../../core/rows/background.js'

/** A step that runs until aborted, or until `finish` is called. */
function longStep(log: string[]) {
  let finish = () => {}
  const body = (signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      log.push('step starts')
      finish = () => resolve('done')
      signal.addEventListener('abort', () => {
        log.push('step interrupted')
        reject(new Error('Interrupted!'))
      })
    })
  return { body, finish: () => finish() }
}

describe('background steps', () => {
  it('give way to a read: the step under way stops, and runs again once the read is done', async () => {
    const log: string[] = []
    const background = createBackground(new AbortController().signal)
    const step = longStep(log)
    const result = background.step(step.body)
    await new Promise((resolve) => setTimeout(resolve, 5))
    await background.read(async () => {
      log.push('read runs')
      await new Promise((resolve) => setTimeout(resolve, 5))
    })
    await new Promise((resolve) => setTimeout(resolve, 5))
    step.finish()
    expect(await result).toBe('done')
    expect(log).toEqual(['step starts', 'step interrupted', 'read runs', 'step starts'])
  })

  it('waits for the reads under way before starting a step', async () => {
    const log: string[] = []
    const background = createBackground(new AbortController().signal)
    let endRead = () => {}
    const reading = background.read(
      () => new Promise<void>((resolve) => (endRead = () => (log.push('read ends'), resolve()))),
    )
    const stepping = background.step(async () => log.push('step runs'))
    await new Promise((resolve) => setTimeout(resolve, 5))
    endRead()
    await Promise.all([reading, stepping])
    expect(log).toEqual(['read ends', 'step runs'])
  })

  it('passes on a step failure that no read caused, and stops when closed', async () => {
    const stop = new AbortController()
    const background = createBackground(stop.signal)
    await expect(
      background.step(async () => Promise.reject(new Error('disk full'))),
    ).rejects.toThrow('disk full')
    stop.abort()
    await expect(background.step(async () => 'never')).rejects.toMatchObject({ code: 'CANCELLED' })
  })
})
