// The `app://curlens/` handler: serves the built renderer from a fixed allowlist (never `file://`,
// SECURITY.md item 18) with the CSP as a response header, and puts the per-launch style nonce into
// index.html. Anything else (another host, `..`, an absolute path, an unknown file) is a 404.
import {
  contentTypeOf,
  injectNonce,
  resolveRendererFile,
  securityHeaders,
} from '../../core/hosting/renderer-assets.js'
import { APP_HOST, APP_SCHEME } from './app-origin.js'

export interface AppProtocolOptions {
  /** Allowlist from listRendererFiles: relative path → absolute path. */
  files: ReadonlyMap<string, string>
  nonce: string
  readFile: (path: string) => Promise<Buffer>
}

/**
 * Privileges for registerSchemesAsPrivileged: a standard, secure origin that may use fetch. The
 * build loads `<script type="module" crossorigin>`, a CORS-mode request, which Chromium makes only
 * to CORS-enabled schemes; the handler sends no Access-Control-Allow-Origin, so no other origin
 * can read app:// responses. It bypasses nothing (no bypassCSP).
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: true,
    codeCache: true,
  },
} as const

export function createAppProtocolHandler({ files, nonce, readFile }: AppProtocolOptions) {
  const headers = securityHeaders(nonce)
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url)
    const file =
      url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && request.method === 'GET'
        ? resolveRendererFile(url.pathname, files)
        : undefined
    if (!file) return new Response('Not found', { status: 404, headers })
    const bytes = await readFile(file)
    const body = file.endsWith('.html') ? injectNonce(bytes.toString('utf8'), nonce) : bytes
    return new Response(body, {
      status: 200,
      headers: { ...headers, 'Content-Type': contentTypeOf(file) },
    })
  }
}
