import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ELECTRON_DIR = fileURLToPath(new URL('../../../electron', import.meta.url))

function sources(): { file: string; text: string }[] {
  return readdirSync(ELECTRON_DIR, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: f, text: readFileSync(join(ELECTRON_DIR, f), 'utf8') }))
}

describe('the desktop shell source', () => {
  it('never opens external URLs (values in CUR files are attacker-controlled, SECURITY.md item 15)', () => {
    for (const { file, text } of sources())
      expect(text, file).not.toMatch(/openExternal|openPath\(/)
  })

  it('has no auto-updater, crash reporter or other network client', () => {
    for (const { file, text } of sources()) {
      expect(text, file).not.toMatch(
        /autoUpdater|crashReporter|net\.request|net\.fetch|from 'node:https?'/,
      )
    }
  })

  it('never loads the renderer from file://', () => {
    for (const { file, text } of sources())
      expect(text, file).not.toMatch(/loadFile\(|loadURL\(\s*['"`]file:/)
  })
})
