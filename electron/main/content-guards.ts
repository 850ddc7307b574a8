// Limits every web contents the app creates (SECURITY.md section 1, items 11-14): navigation only
// within the app origin, no new windows, no webviews. Applied from `web-contents-created`, so it
// covers windows created later too.
import type { WebContents } from 'electron'
import { isAppUrl } from './app-origin.js'

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

interface Preventable {
  preventDefault(): void
}

export function guardWebContents(contents: GuardedContents): void {
  const stayInApp = (event: Preventable, url: string) => {
    if (!isAppUrl(url)) event.preventDefault()
  }
  contents.on('will-navigate', (event, url) => stayInApp(event, url))
  contents.on('will-frame-navigate', (event) => stayInApp(event, event.url))
  contents.on('will-redirect', (event, url) => stayInApp(event, url))
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}
