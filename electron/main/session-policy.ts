// The session's policy: every permission request and check is refused, and every request that is
// not for the app's own files is cancelled, so nothing in the renderer (a hostile value rendered
// as a link or an image, a dependency) can reach the network. DevTools requests pass only when
// DevTools are enabled (unpackaged builds).
import type { Session } from 'electron'
import { isAppUrl } from './app-origin.js'

type PolicySession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onBeforeRequest'>
}

export function isAllowedRequest(url: string, devTools: boolean): boolean {
  if (isAppUrl(url)) return true
  let protocol: string
  try {
    protocol = new URL(url).protocol
  } catch {
    return false
  }
  // data: images are allowed by the CSP (img-src data:) and never touch the network.
  if (protocol === 'data:') return true
  return devTools && (protocol === 'devtools:' || protocol === 'chrome-extension:')
}

export function applySessionPolicy(session: PolicySession, devTools: boolean): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isAllowedRequest(details.url, devTools) }),
  )
}
