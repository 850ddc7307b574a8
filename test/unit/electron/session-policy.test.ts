import { describe, expect, it } from 'vitest'
import { applySessionPolicy, isAllowedRequest } from '../../../electron/main/session-policy.js'

function fakeSession(devTools = false) {
  const s = {
    request: undefined as
      undefined | ((w: unknown, p: string, cb: (ok: boolean) => void, d: unknown) => void),
    check: undefined as
      undefined | ((w: unknown, p: string, origin: string, d: unknown) => boolean),
    beforeRequest: undefined as
      undefined | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  }
  const session = {
    setPermissionRequestHandler: (h: typeof s.request) => (s.request = h),
    setPermissionCheckHandler: (h: typeof s.check) => (s.check = h),
    webRequest: { onBeforeRequest: (h: typeof s.beforeRequest) => (s.beforeRequest = h) },
  }
  applySessionPolicy(session as unknown as Parameters<typeof applySessionPolicy>[0], devTools)
  return s
}

const PERMISSIONS = [
  'media',
  'notifications',
  'geolocation',
  'clipboard-read',
  'openExternal',
  'fileSystem',
]

describe('the session policy', () => {
  it('refuses every permission request', () => {
    const s = fakeSession()
    for (const permission of PERMISSIONS) {
      let granted: boolean | undefined
      s.request?.({}, permission, (ok) => (granted = ok), {})
      expect(granted, permission).toBe(false)
    }
  })

  it('fails every permission check', () => {
    const s = fakeSession()
    for (const permission of PERMISSIONS) {
      expect(s.check?.({}, permission, 'app://curlens', {}), permission).toBe(false)
    }
  })

  it('cancels every request that is not for the app itself', () => {
    const s = fakeSession()
    const cancelled = (url: string) => {
      let result: boolean | undefined
      s.beforeRequest?.({ url }, (r) => (result = r.cancel))
      return result
    }
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:9/',
      'ws://x/',
      'file:///etc/passwd',
      'ftp://x/',
      'devtools://devtools/bundled/x.html',
      'app://other/x.js',
    ]) {
      expect(cancelled(url), url).toBe(true)
    }
    expect(cancelled('app://curlens/assets/index.js')).toBe(false)
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false)
  })

  it('lets DevTools load only when DevTools are enabled', () => {
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', false)).toBe(false)
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', true)).toBe(true)
    expect(isAllowedRequest('https://example.com/', true)).toBe(false)
  })
})
