import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Invocation } from '../../../core/bridge/protocol.js'
import { MAX_BODY_BYTES } from '../../../cli/web/api-routes.js'
import { startWebServer, type WebServer } from '../../../cli/web/web-server.js'

let dir: string
let server: WebServer
let served: Invocation[]

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'curlens-web-'))
  await mkdir(join(dir, 'assets'))
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><html><head><title>CUR Lens</title></head><body></body></html>',
  )
  await writeFile(join(dir, 'assets', 'index-abc.js'), 'console.log(1)')
  served = []
  server = await startWebServer({
    staticRoot: dir,
    invoke: async (invocation) => {
      served.push(invocation)
      return { ok: true, value: { echo: invocation.args } }
    },
  })
})

afterEach(async () => {
  await server.close()
  await rm(dir, { recursive: true, force: true })
})

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function send(options: {
  method?: string
  path: string
  headers?: Record<string, string>
  body?: string | Buffer
  host?: string
}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: options.host ?? '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${server.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        )
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const invokeRequest = (
  headers: Record<string, string>,
  body = JSON.stringify({ method: 'cancel', args: ['job-1'] }),
) =>
  send({
    method: 'POST',
    path: '/api/invoke',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  })

describe('the local web server', () => {
  it('prints a URL on 127.0.0.1 with a 32-character per-launch token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`)
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{32}$/)
  })

  it('serves the page with a strict CSP whose nonce is also in the page', async () => {
    const reply = await send({ path: `/?token=${server.token}` })
    expect(reply.status).toBe(200)
    const csp = String(reply.headers['content-security-policy'])
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
    expect(nonce).toBeTruthy()
    expect(reply.body).toContain(`<meta name="csp-nonce" content="${nonce}">`)
    expect(csp).toContain("script-src 'self'")
    expect(reply.headers['x-content-type-options']).toBe('nosniff')
    expect(reply.headers['referrer-policy']).toBe('no-referrer')
    expect(reply.headers['cache-control']).toBe('no-store')
  })

  it('gives each page load its own nonce', async () => {
    const a = String((await send({ path: '/' })).headers['content-security-policy'])
    const b = String((await send({ path: '/' })).headers['content-security-policy'])
    expect(a).not.toBe(b)
  })

  it('serves built assets and nothing outside the build', async () => {
    expect((await send({ path: '/assets/index-abc.js' })).body).toBe('console.log(1)')
    for (const path of [
      '/../secret',
      '/assets/%2e%2e/%2e%2e/etc/passwd',
      '/etc/passwd',
      '/assets/missing.js',
    ]) {
      expect((await send({ path })).status, path).toBe(404)
    }
  })

  it('answers an invocation with the right token', async () => {
    const reply = await invokeRequest({ Authorization: `Bearer ${server.token}` })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { echo: ['job-1'] } })
    expect(served).toEqual([{ method: 'cancel', args: ['job-1'] }])
  })

  it('refuses an invocation whose arguments do not have the shape of its method, serving nothing', async () => {
    const auth = { Authorization: `Bearer ${server.token}` }
    for (const [body, problem] of [
      [{ method: 'summary', args: [1] }, /too many arguments/],
      [{ method: 'breakdown', args: ['principal'] }, /must be an object/],
      [{ method: 'constructor', args: [] }, /Unknown API method/],
      [{ method: 'cancel' }, /arguments must be an array/],
    ] as const) {
      const reply = await invokeRequest(auth, JSON.stringify(body))
      expect(reply.status).toBe(200)
      const result = JSON.parse(reply.body)
      expect(result.ok).toBe(false)
      expect(result.error.code).toBe('INVALID_QUERY')
      expect(result.error.message).toMatch(problem)
    }
    expect(served).toEqual([])
  })

  it('refuses /api requests without the token or with a wrong one (403)', async () => {
    expect((await invokeRequest({})).status).toBe(403)
    expect((await invokeRequest({ Authorization: 'Bearer wrong' })).status).toBe(403)
    expect((await invokeRequest({ Authorization: `Bearer ${server.token}x` })).status).toBe(403)
    expect((await invokeRequest({ Authorization: server.token })).status).toBe(403)
    expect((await send({ path: '/api/events' })).status).toBe(403)
    expect((await send({ path: '/api/events?token=nope' })).status).toBe(403)
    expect((await send({ path: `/api/other` })).status).toBe(403)
    expect(served).toEqual([])
  })

  it('refuses a foreign Host header, even with the token (DNS rebinding)', async () => {
    for (const host of [
      'evil.example',
      `evil.example:${server.port}`,
      `127.0.0.1:${server.port + 1}`,
      '127.0.0.1',
    ]) {
      expect(
        (await invokeRequest({ Authorization: `Bearer ${server.token}`, Host: host })).status,
        host,
      ).toBe(403)
      expect((await send({ path: '/', headers: { Host: host } })).status, host).toBe(403)
    }
    expect(served).toEqual([])
  })

  it('accepts localhost:<port> as its own name', async () => {
    const host = `localhost:${server.port}`
    const reply = await invokeRequest({
      Authorization: `Bearer ${server.token}`,
      Host: host,
      Origin: `http://${host}`,
    })
    expect(reply.status).toBe(200)
  })

  it('refuses a foreign Origin header, even with the token', async () => {
    for (const origin of [
      'https://evil.example',
      'null',
      `http://127.0.0.1:${server.port + 1}`,
      `https://127.0.0.1:${server.port}`,
    ]) {
      expect(
        (await invokeRequest({ Authorization: `Bearer ${server.token}`, Origin: origin })).status,
        origin,
      ).toBe(403)
    }
    expect(
      (await invokeRequest({ Authorization: `Bearer ${server.token}`, Origin: server.origin }))
        .status,
    ).toBe(200)
  })

  it('refuses a body over the limit and a body that is not JSON', async () => {
    const auth = { Authorization: `Bearer ${server.token}` }
    const big = JSON.stringify({ method: 'summary', args: ['x'.repeat(MAX_BODY_BYTES)] })
    expect((await invokeRequest(auth, big)).status).toBe(413)
    expect(
      (
        await send({
          method: 'POST',
          path: '/api/invoke',
          headers: { ...auth, 'Content-Type': 'text/plain' },
          body: '{}',
        })
      ).status,
    ).toBe(415)
    const garbled = JSON.parse((await invokeRequest(auth, '{nope')).body)
    expect(garbled).toMatchObject({ ok: false, error: { code: 'INVALID_QUERY' } })
    const shapeless = JSON.parse((await invokeRequest(auth, '{"method":"summary"}')).body)
    expect(shapeless).toMatchObject({ ok: false, error: { code: 'INVALID_QUERY' } })
    expect(served).toEqual([])
  })

  it('streams events to a client holding the token', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: server.port,
          path: `/api/events?token=${server.token}`,
          headers: { Host: `127.0.0.1:${server.port}` },
        },
        (res) => {
          expect(res.headers['content-type']).toMatch(/^text\/event-stream/)
          let text = ''
          res.on('data', (c: Buffer) => {
            text += c.toString()
            if (text.includes(': connected'))
              server.broadcast('onDidProgress', { jobId: 'j', phase: 'reading', percentage: 42 })
            if (text.includes('data: ')) {
              req.destroy()
              resolve(text)
            }
          })
        },
      )
      req.on('error', reject)
      req.end()
    })
    expect(received).toContain(
      'event: onDidProgress\ndata: {"jobId":"j","phase":"reading","percentage":42}\n\n',
    )
  })

  it('listens on 127.0.0.1 only', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)
    if (external) {
      const refused = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: external.address, port: server.port })
        socket.on('connect', () => (socket.destroy(), resolve(false)))
        socket.on('error', () => resolve(true))
      })
      expect(refused, `connection via ${external.address}`).toBe(true)
    }
    const viaIpv6 = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '::1', port: server.port })
      socket.on('connect', () => (socket.destroy(), resolve(false)))
      socket.on('error', () => resolve(true))
    })
    expect(viaIpv6).toBe(true)
  })
})
