// Composition root of the desktop app, kept thin (STYLE.md item 12): the window and its security
// settings, the app:// protocol, menus and native dialogs, and one IPC bridge to the engine that
// runs in a utilityProcess. No SQL and no CUR logic live here.
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  utilityProcess,
} from 'electron'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { ApiEvents } from '../../core/api.js'
import { serveApi } from '../../core/bridge/server.js'
import { listRendererFiles, newNonce } from '../../core/hosting/renderer-assets.js'
import { createEngineHost } from '../../core/worker/engine-host.js'
import { duckdbVersion, type AppInfo } from './app-info.js'
import { APP_INDEX_URL, APP_SCHEME } from './app-origin.js'
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol.js'
import { writeFileAtomic } from '../../core/files/atomic-write.js'
import { guardWebContents } from './content-guards.js'
import { createDesktopApi } from './desktop-api.js'
import { EVENT_CHANNEL, registerInvokeHandler } from './ipc-bridge.js'
import { buildMenuTemplate } from './menu.js'
import { createRecentSources } from './recent-sources.js'
import { applySessionPolicy } from './session-policy.js'
import { spawnUtilityWorker } from './utility-worker.js'
import { windowOptions } from './window-options.js'

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
app.enableSandbox()
app.on('web-contents-created', (_event, contents) => guardWebContents(contents))
// The engine finds the demo export here (core/demo-paths.ts); electron-builder copies it beside app.asar.
process.env.CURLENS_RESOURCES = app.isPackaged
  ? process.resourcesPath
  : join(app.getAppPath(), 'resources')

app.whenReady().then(start, (e: unknown) => {
  dialog.showErrorBox('CUR Lens could not start', String(e))
  app.exit(1)
})

async function start(): Promise<void> {
  const devTools = !app.isPackaged
  const nonce = newNonce()
  const files = await listRendererFiles(join(import.meta.dirname, '../renderer'))
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ files, nonce, readFile }))
  applySessionPolicy(session.defaultSession, devTools)

  let window: BrowserWindow | undefined
  const send = <K extends keyof ApiEvents>(event: K, payload: ApiEvents[K]) =>
    window?.webContents.send(EVENT_CHANNEL, { event, payload })

  const engineEntry = join(import.meta.dirname, 'engine-main.js')
  const { dispose, ...engineApi } = createEngineHost({
    spawn: () => spawnUtilityWorker(utilityProcess.fork, engineEntry, process.env),
    onEvent: send,
  })
  const versions = (): AppInfo => ({
    version: app.getVersion(),
    electron: process.versions.electron,
    chrome: process.versions.chrome,
    node: process.versions.node,
    duckdb: duckdbVersion(createRequire(import.meta.url)),
  })
  const recent = createRecentSources(join(app.getPath('userData'), 'recent.json'), writeFileAtomic)
  const desktop = createDesktopApi({ dialog, window: () => window, recent, versions })

  const refreshMenu = async () => {
    const template = buildMenuTemplate({
      appName: app.name,
      isMac: process.platform === 'darwin',
      recent: await recent.list(),
      actions: {
        openFiles: () => void openChosen('files'),
        openFolder: () => void openChosen('folder'),
        openRecent: (paths) => send('onDidMenuCommand', { command: 'open-recent', paths }),
        exportChargeback: () => send('onDidMenuCommand', { command: 'export' }),
        // The renderer's About dialog shows appInfo(): app, Electron, Chrome, Node and DuckDB versions.
        about: () => send('onDidMenuCommand', { command: 'about' }),
      },
    })
    Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  }
  const openChosen = async (kind: 'files' | 'folder') => {
    const paths = await desktop.chooseSources(kind)
    if (paths.length > 0)
      send('onDidMenuCommand', { command: kind === 'files' ? 'open-files' : 'open-folder', paths })
  }

  const serve = serveApi({ ...engineApi, ...desktop })
  registerInvokeHandler(ipcMain, async (invocation) => {
    const result = await serve(invocation)
    if (invocation.method === 'openSources' && result.ok) {
      const { paths } = invocation.args[0] as { paths: string[] }
      await recent.add(paths)
      await refreshMenu()
    }
    return result
  })
  await refreshMenu()

  window = new BrowserWindow(
    windowOptions({ preload: join(import.meta.dirname, '../preload/index.cjs'), devTools }),
  )
  window.once('ready-to-show', () => window?.show())
  window.on('closed', () => (window = undefined))
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => dispose())
  await window.loadURL(APP_INDEX_URL)
}
