import { describe, expect, it } from 'vitest'
import { menuIntent } from '../../../renderer/src/model/menu-commands.js'

describe('menu commands', () => {
  it('asks for a native dialog when the command carries no paths', () => {
    expect(menuIntent({ command: 'open-files' })).toEqual({ kind: 'choose', what: 'files' })
    expect(menuIntent({ command: 'open-folder' })).toEqual({ kind: 'choose', what: 'folder' })
  })

  it('opens the paths a command carries, e.g. a recent export', () => {
    expect(menuIntent({ command: 'open-recent', paths: ['/cur/a'] })).toEqual({
      kind: 'open',
      paths: ['/cur/a'],
    })
    expect(menuIntent({ command: 'open-recent' })).toEqual({ kind: 'start' })
  })

  it('routes export and about', () => {
    expect(menuIntent({ command: 'export' })).toEqual({ kind: 'export' })
    expect(menuIntent({ command: 'about' })).toEqual({ kind: 'about' })
  })
})
