import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listRendererFiles } from '../../../core/hosting/renderer-assets.js'
import {
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
} from '../../../electron/main/app-protocol.js'

const NONCE = 'bm9uY2Utb2YtdGhpcy1sYXVuY2g='
let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'curlens-app-protocol-'))
  await mkdir(join(dir, 'build', 'assets'), { recursive: true })
  await writeFile(
    join(dir, 'build', 'index.html'),
    '<!doctype html><html><head><title>t</title></head><body></body></html>',
  )
  await writeFile(join(dir, 'build', 'assets', 'index-abc.js'), 'console.log(1)')
  await writeFile(join(dir, 'build', 'assets', 'notes.exe'), 'MZ')
  await writeFile(join(dir, 'secret.txt'), 'secret')
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function handler() {
  const files = await listRendererFiles(join(dir, 'build'))
  return createAppProtocolHandler({ files, nonce: NONCE, readFile: (p) => readFile(p) })
}

describe('the app:// protocol handler', () => {
  it('registers app as a standard, secure scheme that bypasses nothing', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app')
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true })
    expect(APP_SCHEME_PRIVILEGES.privileges).not.toHaveProperty('bypassCSP')
  })

  it('serves index.html with the CSP header and the nonce in a meta tag', async () => {
    const response = await (await handler())(new Request('app://curlens/index.html'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toContain(
      `style-src 'self' 'nonce-${NONCE}'`,
    )
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
    const html = await response.text()
    expect(html).toContain(`<head><meta name="csp-nonce" content="${NONCE}"><title>`)
  })

  it('serves the root as index.html and an allowlisted asset as JavaScript', async () => {
    const h = await handler()
    expect((await h(new Request('app://curlens/'))).status).toBe(200)
    const js = await h(new Request('app://curlens/assets/index-abc.js'))
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await js.text()).toBe('console.log(1)')
  })

  it('refuses .., absolute paths, unknown files and other hosts', async () => {
    const h = await handler()
    const refused = [
      'app://curlens/assets/%2e%2e/%2e%2e/secret.txt',
      'app://curlens/assets/..%2f..%2fsecret.txt',
      'app://curlens/%2Fetc%2Fpasswd',
      'app://curlens//etc/passwd',
      'app://curlens/C:%5CWindows%5Cwin.ini',
      'app://curlens/assets%5Cindex-abc.js',
      'app://curlens/assets/notes.exe',
      'app://curlens/missing.js',
      'app://curlens/%E0%A4%A',
      'app://other/index.html',
    ]
    for (const url of refused) {
      const response = await h(new Request(url))
      expect(response.status, url).toBe(404)
      expect(await response.text(), url).not.toContain('secret')
    }
  })

  it('answers only GET', async () => {
    const h = await handler()
    expect(
      (await h(new Request('app://curlens/index.html', { method: 'POST', body: 'x' }))).status,
    ).toBe(404)
  })
})
