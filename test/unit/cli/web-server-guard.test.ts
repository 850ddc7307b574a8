import { describe, expect, it } from 'vitest'
import { parseServeArgs } from '../../../cli/commands/serve.js'
import {
  bearerToken,
  isAllowedHost,
  isAllowedOrigin,
  newToken,
  tokenMatches,
} from '../../../cli/web/request-guard.js'

describe('the web mode request guard', () => {
  it('makes a fresh 24-byte base64url token per launch', () => {
    const token = newToken()
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(Buffer.from(token, 'base64url')).toHaveLength(24)
    expect(newToken()).not.toBe(token)
  })

  it('accepts only its own host names on its own port', () => {
    expect(isAllowedHost('127.0.0.1:8080', 8080)).toBe(true)
    expect(isAllowedHost('localhost:8080', 8080)).toBe(true)
    expect(isAllowedHost('LOCALHOST:8080', 8080)).toBe(true)
    for (const host of [
      undefined,
      '',
      '127.0.0.1',
      '127.0.0.1:8081',
      'evil.com:8080',
      '127.0.0.1.evil.com:8080',
      '[::1]:8080',
      '0.0.0.0:8080',
    ]) {
      expect(isAllowedHost(host, 8080), String(host)).toBe(false)
    }
  })

  it('accepts no Origin, or exactly its own', () => {
    expect(isAllowedOrigin(undefined, 8080)).toBe(true)
    expect(isAllowedOrigin('http://127.0.0.1:8080', 8080)).toBe(true)
    expect(isAllowedOrigin('http://localhost:8080', 8080)).toBe(true)
    for (const origin of [
      'null',
      '',
      'http://127.0.0.1:8080/',
      'https://127.0.0.1:8080',
      'http://127.0.0.1:80',
      'http://evil.com',
    ]) {
      expect(isAllowedOrigin(origin, 8080), origin).toBe(false)
    }
  })

  it('compares tokens exactly, whatever their length', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true)
    expect(tokenMatches('abd', 'abc')).toBe(false)
    expect(tokenMatches('ab', 'abc')).toBe(false)
    expect(tokenMatches('', 'abc')).toBe(false)
    expect(tokenMatches(null, 'abc')).toBe(false)
  })

  it('reads a Bearer token and nothing else', () => {
    expect(bearerToken('Bearer abc_-1')).toBe('abc_-1')
    expect(bearerToken('bearer abc')).toBeUndefined()
    expect(bearerToken('Basic abc')).toBeUndefined()
    expect(bearerToken(undefined)).toBeUndefined()
  })
})

describe('cur-lens serve arguments', () => {
  it('reads paths, --port and --no-open', () => {
    expect(parseServeArgs(['a.parquet', '--port', '8123', 'dir', '--no-open'])).toEqual({
      paths: ['a.parquet', 'dir'],
      port: 8123,
      open: false,
    })
    expect(parseServeArgs(['--port=0'])).toEqual({ paths: [], port: 0, open: true })
  })

  it('rejects a bad port or an unknown option', () => {
    expect(parseServeArgs(['--port', 'x'])).toMatch(/--port/)
    expect(parseServeArgs(['--port', '70000'])).toMatch(/--port/)
    expect(parseServeArgs(['--port'])).toMatch(/--port/)
    expect(parseServeArgs(['--host', '0.0.0.0'])).toMatch(/Unknown option --host/)
  })
})
