// Serving the built renderer, shared by the Electron `app://` handler and the local web server:
// a fixed allowlist of files read once from the build folder, the Content-Security-Policy, and the
// per-launch style nonce that index.html carries for Emotion. Invariant: a request path never
// reaches the file system; it is only a key into the allowlist, and `..`, absolute paths,
// backslashes and unknown extensions never match.
import { randomBytes } from 'node:crypto'
import { readdir } from 'node:fs/promises'
import { extname, join, relative, sep } from 'node:path'

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
}

/** The app's one policy: scripts only from the app itself, styles from it or carrying the nonce. */
export function buildCsp(nonce: string): string {
  if (!/^[A-Za-z0-9+/_-]+=*$/.test(nonce)) throw new Error('A CSP nonce must be base64.')
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

export function newNonce(): string {
  return randomBytes(18).toString('base64')
}

/** Headers every renderer response carries, whatever the file. */
export function securityHeaders(nonce: string): Record<string, string> {
  return {
    'Content-Security-Policy': buildCsp(nonce),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  }
}

/** Maps each servable file of the build, as a `/`-separated relative path, to its absolute path. */
export async function listRendererFiles(root: string): Promise<Map<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  const files = new Map<string, string>()
  for (const entry of entries) {
    if (!entry.isFile() || !(extname(entry.name).toLowerCase() in CONTENT_TYPES)) continue
    const absolute = join(entry.parentPath, entry.name)
    files.set(relative(root, absolute).split(sep).join('/'), absolute)
  }
  return files
}

/** The allowlisted file for a URL pathname (still percent-encoded), or undefined. */
export function resolveRendererFile(
  pathname: string,
  files: ReadonlyMap<string, string>,
): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return undefined
  }
  if (!decoded.startsWith('/')) return undefined
  const key = decoded === '/' ? 'index.html' : decoded.slice(1)
  const unsafe =
    key.includes('\\') ||
    key.includes('\0') ||
    key.startsWith('/') ||
    /^[A-Za-z]:/.test(key) ||
    key.split('/').some((segment) => segment === '..' || segment === '.' || segment === '')
  return unsafe ? undefined : files.get(key)
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/** Puts the nonce where the renderer reads it for its Emotion cache: `<meta name="csp-nonce">`. */
export function injectNonce(html: string, nonce: string): string {
  const head = /<head[^>]*>/i.exec(html)
  if (!head) throw new Error('The renderer index.html has no <head>.')
  const at = head.index + head[0].length
  return `${html.slice(0, at)}<meta name="csp-nonce" content="${nonce}">${html.slice(at)}`
}
