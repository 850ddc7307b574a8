import { describe, expect, it } from 'vitest'
import { windowOptions } from '../../../electron/main/window-options.js'

describe('the main window options', () => {
  const options = windowOptions({ preload: '/app/out/preload/index.cjs', devTools: false })
  const prefs = options.webPreferences ?? {}

  it('isolate the page, sandbox it and give it no Node (SECURITY.md items 2-4)', () => {
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
    })
  })

  it('turn off the spellchecker, which downloads dictionaries', () => {
    expect(prefs.spellcheck).toBe(false)
  })

  it('leave web security, insecure content and experimental features at their safe defaults', () => {
    for (const key of [
      'webSecurity',
      'allowRunningInsecureContent',
      'experimentalFeatures',
      'enableBlinkFeatures',
    ]) {
      expect(prefs).not.toHaveProperty(key)
    }
  })

  it('offer DevTools only when asked (unpackaged builds)', () => {
    expect(prefs.devTools).toBe(false)
    expect(windowOptions({ preload: 'p', devTools: true }).webPreferences?.devTools).toBe(true)
  })

  it('set nothing else in webPreferences', () => {
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'contextIsolation',
        'devTools',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webviewTag',
      ].sort(),
    )
    expect(prefs.navigateOnDragDrop).toBe(false)
  })
})
