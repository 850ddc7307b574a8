import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { buildMenuTemplate, recentLabel } from '../../../electron/main/menu.js'

function actions() {
  return {
    openFiles: vi.fn(),
    openFolder: vi.fn(),
    openRecent: vi.fn(),
    exportChargeback: vi.fn(),
    about: vi.fn(),
  }
}

const submenu = (item: MenuItemConstructorOptions | undefined) =>
  (item?.submenu ?? []) as MenuItemConstructorOptions[]
const byLabel = (items: MenuItemConstructorOptions[], label: string) =>
  items.find((i) => i.label === label)
const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as unknown as () => void)()

describe('the application menu', () => {
  it('has File with open, recent, export and quit, and Help with About', () => {
    const a = actions()
    const template = buildMenuTemplate({
      appName: 'CUR Lens',
      isMac: false,
      recent: [],
      actions: a,
    })
    const file = submenu(byLabel(template, 'File'))
    expect(file.filter((i) => i.label).map((i) => i.label)).toEqual([
      'Open Files…',
      'Open Folder…',
      'Open Recent',
      'Export Chargeback…',
    ])
    expect(file.some((i) => i.role === 'quit')).toBe(true)
    click(byLabel(file, 'Open Files…'))
    click(byLabel(file, 'Open Folder…'))
    click(byLabel(file, 'Export Chargeback…'))
    click(submenu(template.find((i) => i.role === 'help'))[0])
    expect(a.openFiles).toHaveBeenCalledOnce()
    expect(a.openFolder).toHaveBeenCalledOnce()
    expect(a.exportChargeback).toHaveBeenCalledOnce()
    expect(a.about).toHaveBeenCalledOnce()
  })

  it('lists recent sources and reopens the chosen one', () => {
    const a = actions()
    const recent = [['/data/2026-01'], ['/data/a.parquet', '/data/b.parquet']]
    const template = buildMenuTemplate({ appName: 'CUR Lens', isMac: false, recent, actions: a })
    const items = submenu(byLabel(submenu(byLabel(template, 'File')), 'Open Recent'))
    expect(items.map((i) => i.label)).toEqual(['/data/2026-01', '/data/a.parquet (+1 more)'])
    click(items[1])
    expect(a.openRecent).toHaveBeenCalledWith(['/data/a.parquet', '/data/b.parquet'])
  })

  it('shows a disabled placeholder when nothing was opened yet', () => {
    const template = buildMenuTemplate({
      appName: 'CUR Lens',
      isMac: false,
      recent: [],
      actions: actions(),
    })
    const items = submenu(byLabel(submenu(byLabel(template, 'File')), 'Open Recent'))
    expect(items).toEqual([{ label: 'No recent sources', enabled: false }])
  })

  it('puts About and Quit in the app menu on macOS', () => {
    const template = buildMenuTemplate({
      appName: 'CUR Lens',
      isMac: true,
      recent: [],
      actions: actions(),
    })
    expect(template[0].label).toBe('CUR Lens')
    expect(submenu(template[0]).some((i) => i.role === 'quit')).toBe(true)
    expect(submenu(byLabel(template, 'File')).some((i) => i.role === 'quit')).toBe(false)
  })

  it('shortens long recent labels from the left, keeping the file name', () => {
    const label = recentLabel([`/very/${'deep/'.repeat(40)}cur.parquet`])
    expect(label.length).toBeLessThanOrEqual(81)
    expect(label.startsWith('…')).toBe(true)
    expect(label.endsWith('cur.parquet')).toBe(true)
  })
})
