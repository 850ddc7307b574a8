import { describe, expect, it } from 'vitest'
import {
  buildCsp,
  injectNonce,
  newNonce,
  resolveRendererFile,
} from '../../../core/hosting/renderer-assets.js'

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/)
      return [name, sources] as [string, string[]]
    }),
  )
}

describe('the Content-Security-Policy', () => {
  const nonce = newNonce()
  const csp = buildCsp(nonce)
  const parsed = directives(csp)

  it('has no unsafe-eval, no wildcard and no http: or https: source', () => {
    for (const [name, sources] of parsed) {
      for (const source of sources) {
        expect(source, name).not.toMatch(/unsafe-eval|unsafe-inline|\*|^https?:|^ws/)
      }
    }
  })

  it('allows scripts only from the app itself and styles from it or with the nonce', () => {
    expect(parsed.get('default-src')).toEqual(["'none'"])
    expect(parsed.get('script-src')).toEqual(["'self'"])
    expect(parsed.get('style-src')).toEqual(["'self'", `'nonce-${nonce}'`])
    expect(parsed.get('connect-src')).toEqual(["'self'"])
    expect(parsed.get('img-src')).toEqual(["'self'", 'data:'])
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-ancestors']) {
      expect(parsed.get(name), name).toEqual(["'none'"])
    }
  })

  it('refuses a nonce that could inject a directive', () => {
    expect(() => buildCsp("x'; script-src *")).toThrow()
  })

  it('gives a fresh nonce on every call', () => {
    expect(newNonce()).not.toBe(newNonce())
    expect(newNonce()).toMatch(/^[A-Za-z0-9+/]{24}$/)
  })
})

describe('renderer file resolution', () => {
  const files = new Map([
    ['index.html', '/b/index.html'],
    ['assets/a.js', '/b/assets/a.js'],
  ])

  it('maps / to index.html and listed paths to their files', () => {
    expect(resolveRendererFile('/', files)).toBe('/b/index.html')
    expect(resolveRendererFile('/assets/a.js', files)).toBe('/b/assets/a.js')
    expect(resolveRendererFile('/assets/%61.js', files)).toBe('/b/assets/a.js')
  })

  it('never resolves traversal, absolute, backslash or unlisted paths', () => {
    for (const p of [
      '/../index.html',
      '/assets/../index.html',
      '/assets/./a.js',
      '//index.html',
      '/%2Fb%2Findex.html',
      '/assets%5Ca.js',
      '/C:/x',
      '/x.js',
      'index.html',
      '/%00',
    ]) {
      expect(resolveRendererFile(p, files), p).toBeUndefined()
    }
  })
})

describe('nonce injection', () => {
  it('puts the meta tag first in the head', () => {
    expect(injectNonce('<html><head lang="en"><title>x</title></head></html>', 'abc')).toBe(
      '<html><head lang="en"><meta name="csp-nonce" content="abc"><title>x</title></head></html>',
    )
  })
})
