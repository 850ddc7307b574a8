// The desktop app's own bundles in Chromium, with only Electron's plumbing stood in: the renderer
// built by electron-vite, served by the real app:// handler (CSP header, nonce, allowlist); the
// real built preload, given a stand-in `require('electron')`; the real IPC bridge (sender check,
// argument check) in front of the engine and the real DesktopApi with a scripted native dialog.
// The Electron binary cannot run here; this is the closest check that the shell's parts fit.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiEvents } from '../../core/api.js'
import { serveApi } from '../../core/bridge/server.js'
import type { InvokeResult } from '../../core/bridge/protocol.js'
import { listRendererFiles, newNonce } from '../../core/hosting/renderer-assets.js'
import { createEngineHost } from '../../core/worker/engine-host.js'
import { spawnNodeWorker } from '../../core/worker/node-worker.js'
import { writeFileAtomic } from '../../core/files/atomic-write.js'
import { createAppProtocolHandler } from '../../electron/main/app-protocol.js'
import { createDesktopApi } from '../../electron/main/desktop-api.js'
import { registerInvokeHandler } from '../../electron/main/ipc-bridge.js'
import { createRecentSources } from '../../electron/main/recent-sources.js'
import {
  gatewayLogs,
  generateBilling,
  writeCur2Parquet,
  writeInvocationLogs,
  type Billing,
} from '../fixtures/cur-generator.js'
import { readWorkbook } from '../fixtures/read-workbook.js'
import { buildDesktop, launchChromium, ROOT, screenshot } from './harness.js'
import { centsOf, displayedCents } from './money.js'

const PAGE_ORIGIN = 'http://curlens.test'
const APP_FRAME = { senderFrame: { url: 'app://curlens/index.html', parent: null } }

let dir: string
let exportRoot: string
/** What the native open dialog answers next, when a test chooses something else than the export. */
let nextChosen: string | undefined
let billing: Billing
let browser: Browser
let context: BrowserContext
let page: Page
let disposeEngine: (() => void) | undefined
const problems: string[] = []
const foreignRequests: string[] = []

/** The built preload, run in the page with a stand-in for `require('electron')`. */
async function preloadScript(): Promise<string> {
  const preload = await readFile(join(ROOT, 'out', 'preload', 'index.cjs'), 'utf8')
  return `(() => {
    const listeners = new Set()
    window.__curlensEmit = (message) => { for (const l of listeners) l({ sender: 'ipc event' }, message) }
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key, api) => Object.defineProperty(window, key, { value: Object.freeze(api) }) },
      ipcRenderer: {
        invoke: (channel, request) => window.__curlensIpc(channel, request),
        on: (channel, listener) => { if (channel === 'curlens:event') listeners.add(listener) },
        removeListener: (_channel, listener) => listeners.delete(listener),
      },
      webUtils: { getPathForFile: (file) => '/dropped/' + file.name },
    }
    const require = (id) => { if (id !== 'electron') throw new Error('sandboxed preload: ' + id); return fakeElectron }
    ;(function (require) {
    ${preload}
    })(require)
  })()`
}

function emit<K extends keyof ApiEvents>(event: K, payload: ApiEvents[K]): void {
  void page
    ?.evaluate(
      (message) =>
        (globalThis as unknown as { __curlensEmit(m: unknown): void }).__curlensEmit(message),
      { event, payload },
    )
    .catch(() => undefined)
}

beforeAll(async () => {
  buildDesktop()
  dir = await mkdtemp(join(tmpdir(), 'curlens-desktop-'))
  billing = generateBilling({ seed: 4242, usageRowsPerMonth: 160 })
  exportRoot = await writeCur2Parquet(billing, join(dir, 'export'))
  await writeInvocationLogs(join(dir, 'logs'), gatewayLogs(billing))

  const files = await listRendererFiles(join(ROOT, 'out', 'renderer'))
  const appProtocol = createAppProtocolHandler({
    files,
    nonce: newNonce(),
    readFile: (p) => readFile(p),
  })
  const { dispose, ...engineApi } = createEngineHost({
    spawn: () => spawnNodeWorker(),
    onEvent: emit,
  })
  disposeEngine = dispose
  const dialog = {
    showOpenDialog: async (options: { properties?: string[] }) => ({
      canceled: false,
      filePaths: [
        nextChosen ??
          (options.properties?.includes('createDirectory') ? join(dir, 'exports') : exportRoot),
      ],
    }),
  }
  const desktop = createDesktopApi({
    dialog: dialog as never,
    window: () => undefined,
    recent: createRecentSources(join(dir, 'recent.json'), writeFileAtomic),
    versions: () => ({
      version: '0.1.0',
      electron: '41.7.1',
      chrome: '146.0.0.0',
      node: '24.0.0',
      duckdb: '1.5.6',
    }),
  })
  let ipcHandler: ((event: unknown, request: unknown) => Promise<InvokeResult>) | undefined
  registerInvokeHandler(
    { handle: (_channel: string, h: typeof ipcHandler) => (ipcHandler = h) } as never,
    serveApi({ ...engineApi, ...desktop }),
  )

  browser = await launchChromium()
  context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 960 } })
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url())
    if (url.origin !== PAGE_ORIGIN) {
      foreignRequests.push(url.href)
      return route.abort()
    }
    const response = await appProtocol(new Request(`app://curlens${url.pathname}${url.search}`))
    await route.fulfill({
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: Buffer.from(await response.arrayBuffer()),
    })
  })
  await context.exposeFunction('__curlensIpc', (channel: string, request: unknown) => {
    if (channel !== 'curlens:invoke') throw new Error(`unexpected channel ${channel}`)
    return ipcHandler!(APP_FRAME, request)
  })
  await context.addInitScript(await preloadScript())
  page = await context.newPage()
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) {
      problems.push(`${m.text()} (${m.location().url})`)
    }
  })
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
}, 240_000)

afterAll(async () => {
  await context?.close()
  await browser?.close()
  disposeEngine?.()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('the desktop shell parts, assembled in Chromium', () => {
  it('boots the desktop renderer from the app:// handler, in desktop mode (native dialogs, no path field)', async () => {
    await page.goto(`${PAGE_ORIGIN}/index.html`)
    await page.getByTestId('open-folder-button').waitFor({ timeout: 60_000 })
    expect(await page.getByTestId('open-path-input').count()).toBe(0)
    expect(
      await page.evaluate(() =>
        Object.keys((globalThis as unknown as { curlens: object }).curlens).sort(),
      ),
    ).toEqual(['invoke', 'on', 'pathForFile'])
    await screenshot(page, 'desktop-start')
  })

  it('opens the folder chosen in the native dialog and shows the bill total to the cent', async () => {
    await page.getByTestId('open-folder-button').click()
    const total = page.getByTestId('overview-total')
    await expect
      .poll(async () => (await total.textContent()) ?? '', { timeout: 60_000 })
      .toMatch(/\d\.\d\d/)
    expect(displayedCents((await total.textContent()) ?? '')).toBe(
      centsOf(billing.expected.totals.unblended),
    )
    await screenshot(page, 'desktop-overview')
  })

  it('follows File > Export Chargeback… to the export into the folder from the native picker, workbook included', async () => {
    emit('onDidMenuCommand', { command: 'export' })
    await page.getByTestId('export-folder-button').click()
    await expect
      .poll(() => page.getByText(join(dir, 'exports')).count(), { timeout: 30_000 })
      .toBeGreaterThan(0)
    await page.getByTestId('chargeback-quick-mode').click()
    await page.getByTestId('chargeback-by').selectOption('tag:iamPrincipal/team')
    await page.getByTestId('export-button').click()
    await page.getByTestId('export-result').waitFor({ timeout: 60_000 })
    await screenshot(page, 'desktop-export')
    // The workbook is written beside the CSVs, and its summary adds up to the bill.
    const summary = (await readWorkbook(join(dir, 'exports', 'chargeback.xlsx'))).getWorksheet(
      'Summary',
    )!
    let cents = 0n
    for (let r = 2; summary.getRow(r).getCell(1).value !== null; r++) {
      cents += BigInt(Math.round((summary.getRow(r).getCell(7).value as number) * 100))
    }
    const basis = summary.getRow(2).getCell(4).value as 'unblended' | 'amortized'
    expect(cents).toBe(centsOf(billing.expected.totals[basis]))
  })

  it('adds usage logs chosen in the native dialog and shows how much Bedrock cost they split', async () => {
    await page.getByTestId('nav-usage-logs').click()
    expect(await page.getByTestId('logs-path').count()).toBe(0)
    nextChosen = join(dir, 'logs')
    try {
      await page.getByRole('button', { name: 'Choose a log folder…' }).click()
      const coverage = page.getByTestId('logs-coverage')
      await expect
        .poll(async () => (await coverage.textContent()) ?? '', { timeout: 60_000 })
        .toMatch(/\d%$/)
    } finally {
      nextChosen = undefined
    }
    await screenshot(page, 'desktop-usage-logs')
  })

  it('shows Help > About with the versions from appInfo', async () => {
    emit('onDidMenuCommand', { command: 'about' })
    const about = page.getByTestId('about-dialog')
    await about.waitFor({ timeout: 30_000 })
    const text = (await about.textContent()) ?? ''
    for (const version of ['41.7.1', '146.0.0.0', '1.5.6']) expect(text).toContain(version)
    await page.waitForTimeout(500) // the dialog's fade-in
    await screenshot(page, 'desktop-about')
    await page.keyboard.press('Escape')
  })

  it('loaded nothing from outside the app and broke no CSP rule', () => {
    expect(foreignRequests).toEqual([])
    expect(problems).toEqual([])
  })
})
