// The real `cur-lens serve` process, probed from outside: it listens on 127.0.0.1 only and refuses
// API calls without its token, with a wrong one, with a foreign Host or with a foreign Origin.
import { readFileSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import { networkInterfaces } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServe, type ServeProcess } from './harness.js'

let serve: ServeProcess

beforeAll(async () => {
  serve = await startServe([])
})

afterAll(async () => {
  await serve?.stop()
})

function invoke(headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: serve.port,
        method: 'POST',
        path: '/api/invoke',
        headers: {
          Host: `127.0.0.1:${serve.port}`,
          'Content-Type': 'application/json',
          ...headers,
        },
      },
      (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      },
    )
    req.on('error', reject)
    req.end(JSON.stringify({ method: 'demoPaths', args: [] }))
  })
}

const auth = () => ({ Authorization: `Bearer ${serve.token}` })

describe('cur-lens serve, probed from outside', () => {
  it('prints a URL on 127.0.0.1 carrying a 24-byte token', () => {
    expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/)
  })

  it('answers an API call with the right token', async () => {
    expect(await invoke(auth())).toBe(200)
  })

  it('refuses an API call without a token or with a wrong one', async () => {
    expect(await invoke({})).toBe(403)
    expect(await invoke({ Authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })).toBe(403)
  })

  it('refuses a foreign Host and a foreign Origin, even with the token', async () => {
    expect(await invoke({ ...auth(), Host: 'attacker.example' })).toBe(403)
    expect(await invoke({ ...auth(), Host: `attacker.example:${serve.port}` })).toBe(403)
    expect(await invoke({ ...auth(), Origin: 'https://attacker.example' })).toBe(403)
  })

  it('cannot be reached through any other interface', async () => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal)
      .map((i) => i!.address)
    for (const host of [...others, '::1']) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = connect({ host, port: serve.port })
        socket.on('connect', () => (socket.destroy(), resolve(true)))
        socket.on('error', () => resolve(false))
      })
      expect(reached, host).toBe(false)
    }
  })

  it.runIf(process.platform === 'linux')(
    'has its only listening socket on 127.0.0.1 (socket audit)',
    () => {
      const hexPort = serve.port.toString(16).toUpperCase().padStart(4, '0')
      const listening = ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) =>
        readFileSync(table, 'utf8')
          .split('\n')
          .slice(1)
          .map((line) => line.trim().split(/\s+/))
          .filter((cols) => cols.length > 3 && cols[3] === '0A' && cols[1].endsWith(`:${hexPort}`))
          .map((cols) => cols[1]),
      )
      expect(listening).toEqual([`0100007F:${hexPort}`])
    },
  )
})
