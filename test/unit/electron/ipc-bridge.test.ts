import { describe, expect, it } from 'vitest'
import type { Invocation, InvokeResult } from '../../../core/bridge/protocol.js'
import {
  INVOKE_CHANNEL,
  isTrustedSender,
  registerInvokeHandler,
} from '../../../electron/main/ipc-bridge.js'

type Handler = (event: unknown, request: unknown) => Promise<InvokeResult>

function bridge() {
  const served: Invocation[] = []
  const handlers = new Map<string, Handler>()
  const ipcMain = { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) }
  registerInvokeHandler(
    ipcMain as unknown as Parameters<typeof registerInvokeHandler>[0],
    async (inv) => {
      served.push(inv)
      return { ok: true, value: 'served' }
    },
  )
  const top = (url: string) => ({ senderFrame: { url, parent: null } })
  return {
    served,
    handlers,
    top,
    call: (event: unknown, request: unknown) => handlers.get(INVOKE_CHANNEL)!(event, request),
  }
}

describe('the IPC bridge', () => {
  it('registers exactly one channel, curlens:invoke', () => {
    expect([...bridge().handlers.keys()]).toEqual(['curlens:invoke'])
  })

  it('serves a well-formed call from the app window', async () => {
    const b = bridge()
    await expect(
      b.call(b.top('app://curlens/index.html'), { method: 'summary', args: [] }),
    ).resolves.toEqual({ ok: true, value: 'served' })
    expect(b.served).toEqual([{ method: 'summary', args: [] }])
  })

  it('rejects a call from a frame on another origin, and serves nothing', async () => {
    const b = bridge()
    for (const url of [
      'https://evil.example/',
      'file:///tmp/x.html',
      'app://curlens.evil/index.html',
      'about:blank',
      '',
    ]) {
      await expect(b.call(b.top(url), { method: 'summary', args: [] }), url).rejects.toThrow(
        /Refused/,
      )
    }
    expect(b.served).toEqual([])
  })

  it('rejects a call from a subframe, even one on the app origin', async () => {
    const b = bridge()
    const event = {
      senderFrame: { url: 'app://curlens/index.html', parent: { url: 'app://curlens/index.html' } },
    }
    await expect(b.call(event, { method: 'summary', args: [] })).rejects.toThrow(/Refused/)
    await expect(b.call({ senderFrame: null }, { method: 'summary', args: [] })).rejects.toThrow(
      /Refused/,
    )
    expect(b.served).toEqual([])
  })

  it('answers a call with an extra or ill-typed argument with INVALID_QUERY, without serving it', async () => {
    const b = bridge()
    const from = b.top('app://curlens/index.html')
    const bad = [
      { method: 'summary', args: ['extra'] },
      { method: 'breakdown', args: ['not an object'] },
      { method: 'cancel', args: [42] },
      { method: 'openSources', args: [{ paths: [() => 1] }] },
      { method: 'constructor', args: [] },
      { method: 'dispose', args: [] },
      { method: 'summary' },
      'summary',
    ]
    for (const request of bad) {
      const result = await b.call(from, request)
      expect(result.ok, JSON.stringify(request)).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('INVALID_QUERY')
    }
    expect(b.served).toEqual([])
  })

  it('trusts only a top frame whose URL is on the app origin', () => {
    expect(isTrustedSender({ url: 'app://curlens/index.html', parent: null })).toBe(true)
    expect(isTrustedSender({ url: 'https://curlens/index.html', parent: null })).toBe(false)
    expect(isTrustedSender(undefined)).toBe(false)
  })
})
