// The BrowserWindow options, in one pure function so a test can assert each SECURITY.md section 1
// setting. Secure defaults are spelled out on purpose: a reader (or a dependency bump) cannot
// silently change them. webSecurity, allowRunningInsecureContent, experimentalFeatures and
// enableBlinkFeatures are deliberately absent, so they keep their safe defaults.
import type { BrowserWindowConstructorOptions } from 'electron'

export interface WindowSettings {
  preload: string
  /** Only unpackaged builds get DevTools. */
  devTools: boolean
  icon?: string
}

export function windowOptions({
  preload,
  devTools,
  icon,
}: WindowSettings): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 840,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'CUR Lens',
    backgroundColor: '#ffffff',
    ...(icon ? { icon } : {}),
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      // The spellchecker downloads dictionaries from a Google CDN on Windows and Linux.
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools,
    },
  }
}
