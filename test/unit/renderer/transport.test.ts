import { describe, expect, it } from 'vitest'
import {
  createTransport,
  type DesktopBridge,
  type TransportEnvironment,
} from '../../../renderer/src/api/transport.js'

interface Sent {
  url: string
  init: { method: string; headers: Record<string, string>; body: string }
}

function webEnvironment(
  reply: () => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>,
) {
  const sent: Sent[] = []
  const listeners = new Map<string, (event: { data: string }) => void>()
  const sources: string[] = []
  const env: TransportEnvironment = {
    search: '?token=s3cret%2Bx',
    fetch: async (url, init) => {
      sent.push({ url, init })
      return reply()
    },
    createEventSource: (url) => {
      sources.push(url)
      return {
        addEventListener: (type, listener) => listeners.set(type, listener),
        removeEventListener: (type) => listeners.delete(type),
      }
    },
  }
  return { env, sent, listeners, sources }
}

const okReply = (value: unknown) => async () => ({
  ok: true,
  status: 200,
  json: async () => ({ ok: true, value }),
})

describe('web transport', () => {
  it('posts the invocation with the page token as a bearer token', async () => {
    const { env, sent } = webEnvironment(okReply(['/demo']))
    const transport = createTransport(env)
    expect(transport.kind).toBe('web')
    const result = await transport.invoke({ method: 'demoPaths', args: [] })
    expect(result).toEqual({ ok: true, value: ['/demo'] })
    expect(sent[0].url).toBe('/api/invoke')
    expect(sent[0].init.method).toBe('POST')
    expect(sent[0].init.headers.Authorization).toBe('Bearer s3cret+x')
    expect(JSON.parse(sent[0].init.body)).toEqual({ method: 'demoPaths', args: [] })
  })

  it('passes engine errors through with their code and file', async () => {
    const error = { code: 'FILE_NOT_FOUND', message: 'No such folder', file: '/x' }
    const { env } = webEnvironment(async () => ({
      ok: true,
      status: 200,
      json: async () => ({ ok: false, error }),
    }))
    expect(await createTransport(env).invoke({ method: 'openSources', args: [] })).toEqual({
      ok: false,
      error,
    })
  })

  it('explains a refused token and a lost server as errors, not crashes', async () => {
    const refused = webEnvironment(async () => ({ ok: false, status: 401, json: async () => ({}) }))
    const denied = await createTransport(refused.env).invoke({ method: 'summary', args: [] })
    expect(denied.ok).toBe(false)
    if (!denied.ok) expect(denied.error.message).toMatch(/cur-lens serve/)

    const lost = webEnvironment(async () => {
      throw new TypeError('Failed to fetch')
    })
    const gone = await createTransport(lost.env).invoke({ method: 'summary', args: [] })
    expect(gone.ok).toBe(false)
  })

  it('listens to named server events on one event source with the token', () => {
    const { env, listeners, sources } = webEnvironment(okReply(null))
    const transport = createTransport(env)
    const seen: unknown[] = []
    const stop = transport.on('onDidProgress', (p) => seen.push(p))
    transport.on('onDidMenuCommand', () => {})
    expect(sources).toEqual(['/api/events?token=s3cret%2Bx'])
    listeners.get('onDidProgress')?.({ data: '{"jobId":"j","phase":"reading","percentage":5}' })
    listeners.get('onDidProgress')?.({ data: 'not json' })
    expect(seen).toEqual([{ jobId: 'j', phase: 'reading', percentage: 5 }])
    stop()
    expect(listeners.has('onDidProgress')).toBe(false)
  })
})

describe('desktop transport', () => {
  it('uses the preload bridge for calls, events and dropped file paths', async () => {
    const calls: unknown[] = []
    const bridge: DesktopBridge = {
      invoke: async (method, args) => {
        calls.push([method, args])
        return { ok: true, value: 'v' }
      },
      on: (_event, listener) => {
        listener({ command: 'about' })
        return () => {}
      },
      pathForFile: () => '/dropped/file.parquet',
    }
    const transport = createTransport({
      curlens: bridge,
      search: '',
      fetch: async () => {
        throw new Error('web transport used in the desktop app')
      },
      createEventSource: () => {
        throw new Error('web transport used in the desktop app')
      },
    })
    expect(transport.kind).toBe('desktop')
    expect(await transport.invoke({ method: 'summary', args: [1] })).toEqual({
      ok: true,
      value: 'v',
    })
    expect(calls).toEqual([['summary', [1]]])
    const commands: unknown[] = []
    transport.on('onDidMenuCommand', (c) => commands.push(c))
    expect(commands).toEqual([{ command: 'about' }])
    expect(transport.pathForFile?.({})).toBe('/dropped/file.parquet')
  })
})
