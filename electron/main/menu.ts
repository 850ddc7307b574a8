// The application menu as a pure template. Commands that need the renderer (open, export) are
// sent to it as onDidMenuCommand events; native dialogs run in main so the event carries paths.
import type { MenuItemConstructorOptions } from 'electron'

export interface MenuActions {
  openFiles(): void
  openFolder(): void
  openRecent(paths: string[]): void
  exportChargeback(): void
  about(): void
}

export interface MenuSettings {
  appName: string
  isMac: boolean
  recent: string[][]
  actions: MenuActions
}

const RECENT_LABEL_LENGTH = 80

export function recentLabel(paths: string[]): string {
  const first = paths[0] ?? ''
  const label = paths.length > 1 ? `${first} (+${paths.length - 1} more)` : first
  return label.length > RECENT_LABEL_LENGTH ? `…${label.slice(-RECENT_LABEL_LENGTH)}` : label
}

export function buildMenuTemplate({
  appName,
  isMac,
  recent,
  actions,
}: MenuSettings): MenuItemConstructorOptions[] {
  const recentItems: MenuItemConstructorOptions[] =
    recent.length > 0
      ? recent.map((paths) => ({
          label: recentLabel(paths),
          click: () => actions.openRecent(paths),
        }))
      : [{ label: 'No recent sources', enabled: false }]
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Open Files…', accelerator: 'CmdOrCtrl+O', click: () => actions.openFiles() },
      {
        label: 'Open Folder…',
        accelerator: 'CmdOrCtrl+Shift+O',
        click: () => actions.openFolder(),
      },
      { label: 'Open Recent', submenu: recentItems },
      { type: 'separator' },
      {
        label: 'Export Chargeback…',
        accelerator: 'CmdOrCtrl+E',
        click: () => actions.exportChargeback(),
      },
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  }
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: `About ${appName}`, click: () => actions.about() }],
  }
  const edit: MenuItemConstructorOptions = { role: 'editMenu' }
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  }
  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { label: `About ${appName}`, click: () => actions.about() },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  }
  return isMac ? [appMenu, file, edit, view, help] : [file, edit, view, help]
}
