// The app's one origin, `app://curlens`. Every trust decision in main (navigation, IPC sender,
// network) compares parsed URLs against it. Node's URL gives every non-special scheme the origin
// "null", so the comparison is on protocol, host and credentials, never on `origin` or a prefix.
export const APP_SCHEME = 'app'
export const APP_HOST = 'curlens'
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

export function isAppUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  )
}
