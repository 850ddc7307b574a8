// Loads electron/main/index.ts against a fake `electron` module (the Electron binary cannot run in
// tests) and checks that the composition root wires each SECURITY.md section 1 measure.
import { EventEmitter } from 'node:events'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type * as RendererAssets from '../../../core/hosting/renderer-assets.js'

const fake = vi.hoisted(() => {
  const userData = { dir: '' }
  const appListeners = new Map<string, ((...args: unknown[]) => void)[]>()
  const windows: { options: Record<string, unknown>; loaded: string[]; sent: unknown[][] }[] = []
  const forks: { path: string; options: unknown; child: unknown }[] = []
  let resolveLoaded: () => void = () => {}
  const loaded = new Promise<void>((r) => (resolveLoaded = r))
  return {
    userData,
    appListeners,
    windows,
    forks,
    loaded,
    resolveLoaded: () => resolveLoaded(),
    schemes: [] as unknown[],
    handlers: new Map<string, (...args: unknown[]) => unknown>(),
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    session: {} as Record<string, (...args: unknown[]) => unknown>,
    menus: [] as unknown[],
    sandboxEnabled: false,
  }
})

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events')
  class BrowserWindow extends Emitter {
    webContents: { send: (...args: unknown[]) => void }
    private record: { options: Record<string, unknown>; loaded: string[]; sent: unknown[][] }
    constructor(options: Record<string, unknown>) {
      super()
      this.record = { options, loaded: [], sent: [] }
      fake.windows.push(this.record)
      this.webContents = { send: (...args: unknown[]) => this.record.sent.push(args) }
    }
    async loadURL(url: string) {
      this.record.loaded.push(url)
      fake.resolveLoaded()
    }
    show() {}
  }
  return {
    app: {
      isPackaged: false,
      name: 'CUR Lens',
      enableSandbox: () => (fake.sandboxEnabled = true),
      on: (event: string, listener: (...args: unknown[]) => void) => {
        fake.appListeners.set(event, [...(fake.appListeners.get(event) ?? []), listener])
      },
      whenReady: () => Promise.resolve(),
      getAppPath: () => '/project',
      getPath: () => fake.userData.dir,
      getVersion: () => '0.1.0',
      quit: () => {},
      exit: () => {},
    },
    BrowserWindow,
    dialog: {
      showErrorBox: (title: string, message: string) => {
        throw new Error(`${title}: ${message}`)
      },
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showMessageBox: async () => ({ response: 0 }),
    },
    ipcMain: {
      handle: (channel: string, h: (...args: unknown[]) => unknown) =>
        fake.handlers.set(channel, h),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: (menu: unknown) => fake.menus.push(menu),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => fake.schemes.push(...schemes),
      handle: (scheme: string, h: (request: Request) => Promise<Response>) =>
        fake.protocolHandlers.set(scheme, h),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: (...args: unknown[]) => unknown) =>
          (fake.session.request = h),
        setPermissionCheckHandler: (h: (...args: unknown[]) => unknown) => (fake.session.check = h),
        webRequest: {
          onBeforeRequest: (h: (...args: unknown[]) => unknown) => (fake.session.beforeRequest = h),
        },
      },
    },
    utilityProcess: {
      fork: (path: string, _args: string[], options: unknown) => {
        const child = new Emitter() as EventEmitter & {
          postMessage(m: unknown): void
          kill(): boolean
        }
        // A stand-in engine: answers every invocation with its method name.
        child.postMessage = (m: unknown) => {
          const { id, invocation } = m as { id: number; invocation: { method: string } }
          setImmediate(() =>
            child.emit('message', {
              type: 'result',
              id,
              result: { ok: true, value: invocation.method },
            }),
          )
        }
        child.kill = () => true
        fake.forks.push({ path, options, child })
        return child
      },
    },
  }
})

vi.mock('../../../core/hosting/renderer-assets.js', async (importOriginal) => ({
  ...(await importOriginal<typeof RendererAssets>()),
  listRendererFiles: async () => new Map([['index.html', '/build/index.html']]),
}))

const previousResources = process.env.CURLENS_RESOURCES
const APP_FRAME = { senderFrame: { url: 'app://curlens/index.html', parent: null } }
const invoke = (event: unknown, request: unknown) =>
  fake.handlers.get('curlens:invoke')!(event, request) as Promise<{
    ok: boolean
    value?: unknown
    error?: { code: string }
  }>

beforeAll(async () => {
  fake.userData.dir = mkdtempSync(join(tmpdir(), 'curlens-main-'))
  await import('../../../electron/main/index.js')
  await fake.loaded
})

afterAll(() => {
  rmSync(fake.userData.dir, { recursive: true, force: true })
  if (previousResources === undefined) delete process.env.CURLENS_RESOURCES
  else process.env.CURLENS_RESOURCES = previousResources
})

describe('the Electron main process', () => {
  it('registers app:// as a privileged scheme and enables the sandbox for every renderer', () => {
    expect(fake.schemes).toEqual([expect.objectContaining({ scheme: 'app' })])
    expect(fake.sandboxEnabled).toBe(true)
  })

  it('opens one window with the secure options, loading the app from app://', () => {
    expect(fake.windows).toHaveLength(1)
    const prefs = fake.windows[0].options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    })
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/)
    expect(fake.windows[0].loaded).toEqual(['app://curlens/index.html'])
  })

  it('guards every web contents it creates', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() })
    for (const listener of fake.appListeners.get('web-contents-created') ?? [])
      listener({}, contents)
    let prevented = false
    contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://x')
    expect(prevented).toBe(true)
    expect(contents.setWindowOpenHandler.mock.calls[0][0]()).toEqual({ action: 'deny' })
  })

  it('installs the permission and network policy on the default session', () => {
    let granted: boolean | undefined
    fake.session.request({}, 'media', (ok: boolean) => (granted = ok))
    expect(granted).toBe(false)
    expect(fake.session.check({}, 'clipboard-read')).toBe(false)
    let cancel: boolean | undefined
    fake.session.beforeRequest(
      { url: 'https://example.com/' },
      (r: { cancel: boolean }) => (cancel = r.cancel),
    )
    expect(cancel).toBe(true)
  })

  it('serves the renderer through the app:// handler with the CSP', async () => {
    const handler = fake.protocolHandlers.get('app')!
    const response = await handler(new Request('app://curlens/missing.js'))
    expect(response.status).toBe(404)
    expect(response.headers.get('content-security-policy')).toMatch(
      /^default-src 'none'; script-src 'self'/,
    )
  })

  it('tells the engine where the demo data is', () => {
    expect(process.env.CURLENS_RESOURCES).toBe(join('/project', 'resources'))
  })

  it('rejects IPC from a foreign frame and serves the app window', async () => {
    await expect(
      invoke(
        { senderFrame: { url: 'https://evil/', parent: null } },
        { method: 'appInfo', args: [] },
      ),
    ).rejects.toThrow()
    const info = await invoke(APP_FRAME, { method: 'appInfo', args: [] })
    expect(info).toMatchObject({
      ok: true,
      value: { version: '0.1.0', duckdb: expect.stringMatching(/^\d+\.\d+\.\d+$/) },
    })
  })

  it('never exposes the engine host’s dispose over IPC', async () => {
    expect(await invoke(APP_FRAME, { method: 'dispose', args: [] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_QUERY' },
    })
  })

  it('runs the engine in a utilityProcess with a minimal environment', async () => {
    expect(await invoke(APP_FRAME, { method: 'summary', args: [] })).toEqual({
      ok: true,
      value: 'summary',
    })
    expect(fake.forks).toHaveLength(1)
    expect(fake.forks[0].path).toMatch(/engine-main\.js$/)
    const options = fake.forks[0].options as { env: Record<string, string>; serviceName: string }
    expect(options.serviceName).toBe('CUR Lens engine')
    expect(Object.keys(options.env).every((k) => !/proxy|NODE_OPTIONS/i.test(k))).toBe(true)
  })

  it('remembers opened sources in recent.json and the Open Recent menu', async () => {
    await invoke(APP_FRAME, { method: 'openSources', args: [{ paths: ['/data/cur-2026-01'] }] })
    const stored = JSON.parse(readFileSync(join(fake.userData.dir, 'recent.json'), 'utf8'))
    expect(stored.recent).toEqual([['/data/cur-2026-01']])
    const file = (
      fake.menus.at(-1) as {
        label?: string
        submenu?: { label?: string; submenu?: { label?: string }[] }[]
      }[]
    ).find((m) => m.label === 'File')
    const recent = file?.submenu?.find((i) => i.label === 'Open Recent')?.submenu
    expect(recent?.map((i) => i.label)).toEqual(['/data/cur-2026-01'])
  })

  it('forwards engine progress to the window as curlens:event', () => {
    const engine = fake.forks[0].child as EventEmitter
    const payload = { jobId: 'j', phase: 'reading', percentage: 50 }
    engine.emit('message', { type: 'event', event: 'onDidProgress', payload })
    expect(fake.windows[0].sent.at(-1)).toEqual([
      'curlens:event',
      { event: 'onDidProgress', payload },
    ])
  })

  it('sends Export and About from the menu to the renderer as onDidMenuCommand', () => {
    type Item = { label?: string; role?: string; submenu?: Item[]; click?: () => void }
    const template = fake.menus.at(-1) as Item[]
    const file = template.find((m) => m.label === 'File')?.submenu ?? []
    const help = template.find((m) => m.role === 'help')?.submenu ?? []
    file.find((i) => i.label === 'Export Chargeback…')?.click?.()
    expect(fake.windows[0].sent.at(-1)).toEqual([
      'curlens:event',
      { event: 'onDidMenuCommand', payload: { command: 'export' } },
    ])
    help[0]?.click?.()
    expect(fake.windows[0].sent.at(-1)).toEqual([
      'curlens:event',
      { event: 'onDidMenuCommand', payload: { command: 'about' } },
    ])
  })
})
