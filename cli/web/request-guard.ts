// The checks every local web mode request passes before it is served: the Host header names this
// server (DNS rebinding), an Origin header, when present, is this server's own (cross-site
// requests from other pages), and /api requests carry the per-launch token (any other local user
// or process). Token comparison takes constant time.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

export function newToken(): string {
  return randomBytes(24).toString('base64url')
}

/** The hosts the server answers to, e.g. `127.0.0.1:5173` and `localhost:5173`. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`]
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase())
}

/** No Origin (a plain navigation or same-origin GET) passes; otherwise it must be `http://<host>`. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true
  return allowedHosts(port).some((host) => origin === `http://${host}`)
}

export function tokenMatches(candidate: string | null | undefined, token: string): boolean {
  if (typeof candidate !== 'string') return false
  const digest = (s: string) => createHash('sha256').update(s).digest()
  return timingSafeEqual(digest(candidate), digest(token))
}

/** The token of an `Authorization: Bearer <token>` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(header ?? '')
  return match?.[1]
}
