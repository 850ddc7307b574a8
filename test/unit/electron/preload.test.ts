import { beforeEach, describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>()
  return {
    exposed: new Map<string, Record<string, unknown>>(),
    listeners,
    invoked: [] as unknown[][],
    contextBridge: {
      exposeInMainWorld(key: string, api: Record<string, unknown>) {
        electron.exposed.set(key, api)
      },
    },
    ipcRenderer: {
      invoke: async (...args: unknown[]) => {
        electron.invoked.push(args)
        return { ok: true, value: 1 }
      },
      on(channel: string, listener: (...args: unknown[]) => void) {
        if (!listeners.has(channel)) listeners.set(channel, new Set())
        listeners.get(channel)!.add(listener)
      },
      removeListener(channel: string, listener: (...args: unknown[]) => void) {
        listeners.get(channel)?.delete(listener)
      },
    },
    webUtils: { getPathForFile: (file: { name: string }) => `/dropped/${file.name}` },
  }
})

vi.mock('electron', () => ({
  contextBridge: electron.contextBridge,
  ipcRenderer: electron.ipcRenderer,
  webUtils: electron.webUtils,
}))

interface Bridge {
  invoke(method: string, args: unknown[]): Promise<unknown>
  on(event: string, listener: (payload: unknown) => void): () => void
  pathForFile(file: unknown): string
}

let bridge: Bridge

beforeEach(async () => {
  vi.resetModules()
  electron.exposed.clear()
  electron.listeners.clear()
  electron.invoked.length = 0
  await import('../../../electron/preload/index.js')
  bridge = electron.exposed.get('curlens') as unknown as Bridge
})

const emit = (message: unknown) => {
  for (const l of electron.listeners.get('curlens:event') ?? [])
    l({ sender: 'ipc event object' }, message)
}

describe('the preload bridge', () => {
  it('exposes only window.curlens with invoke, on and pathForFile', () => {
    expect([...electron.exposed.keys()]).toEqual(['curlens'])
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on', 'pathForFile'])
  })

  it('sends every invocation on the one channel as { method, args }', async () => {
    await expect(bridge.invoke('summary', [])).resolves.toEqual({ ok: true, value: 1 })
    expect(electron.invoked).toEqual([['curlens:invoke', { method: 'summary', args: [] }]])
  })

  it('rejects an invocation whose arguments are not an array', async () => {
    await expect(bridge.invoke('summary', 'x' as unknown as unknown[])).rejects.toThrow(TypeError)
    expect(electron.invoked).toEqual([])
  })

  it('passes listeners only the payload of the event they asked for, never the IPC event', () => {
    const received: unknown[] = []
    bridge.on('onDidProgress', (payload) => received.push(payload))
    emit({ event: 'onDidMenuCommand', payload: { command: 'export' } })
    emit({ event: 'onDidProgress', payload: { jobId: 'j', percentage: 5 } })
    expect(received).toEqual([{ jobId: 'j', percentage: 5 }])
  })

  it('refuses event names outside the onDid… convention', () => {
    for (const name of ['curlens:invoke', 'message', 'onDid', 'ondidProgress', '__proto__']) {
      expect(() => bridge.on(name, () => {}), name).toThrow(TypeError)
    }
    expect(electron.listeners.get('curlens:event')?.size ?? 0).toBe(0)
  })

  it('stops delivering after unsubscribe', () => {
    const received: unknown[] = []
    const off = bridge.on('onDidProgress', (payload) => received.push(payload))
    off()
    emit({ event: 'onDidProgress', payload: 1 })
    expect(received).toEqual([])
  })

  it('gives the path of a dropped file through webUtils', () => {
    expect(bridge.pathForFile({ name: 'cur.parquet' })).toBe('/dropped/cur.parquet')
  })
})
