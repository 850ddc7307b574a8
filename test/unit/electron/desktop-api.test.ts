import { describe, expect, it } from 'vitest'
import { createDesktopApi } from '../../../electron/main/desktop-api.js'

function api(result: { canceled: boolean; filePaths: string[] }) {
  const calls: unknown[][] = []
  const dialog = {
    showOpenDialog: async (...args: unknown[]) => {
      calls.push(args)
      return result
    },
  }
  const desktop = createDesktopApi({
    dialog: dialog as never,
    window: () => ({ id: 1 }) as never,
    recent: { list: async () => [['/a']], add: async () => [] },
    versions: () => ({
      version: '0.1.0',
      electron: '41',
      chrome: '146',
      node: '24',
      duckdb: '1.5.6',
    }),
  })
  return { desktop, calls }
}

const properties = (call: unknown[]) => (call[1] as { properties: string[] }).properties

describe('the desktop API', () => {
  it('opens several files, or one folder, in a dialog attached to the window', async () => {
    const { desktop, calls } = api({ canceled: false, filePaths: ['/x/a.parquet', '/x/b.parquet'] })
    expect(await desktop.chooseSources('files')).toEqual(['/x/a.parquet', '/x/b.parquet'])
    await desktop.chooseSources('folder')
    expect(calls[0][0]).toEqual({ id: 1 })
    expect(properties(calls[0])).toEqual(['openFile', 'multiSelections'])
    expect(properties(calls[1])).toEqual(['openDirectory'])
  })

  it('returns no paths when the user cancels', async () => {
    const { desktop } = api({ canceled: true, filePaths: ['/ignored'] })
    expect(await desktop.chooseSources('files')).toEqual([])
    expect(await desktop.chooseExportFolder()).toBeNull()
  })

  it('picks an export folder and may create it', async () => {
    const { desktop, calls } = api({ canceled: false, filePaths: ['/exports'] })
    expect(await desktop.chooseExportFolder()).toBe('/exports')
    expect(properties(calls[0])).toEqual(['openDirectory', 'createDirectory'])
  })

  it('refuses an unknown dialog kind', async () => {
    const { desktop, calls } = api({ canceled: false, filePaths: [] })
    await expect(desktop.chooseSources('anything' as 'files')).rejects.toMatchObject({
      code: 'INVALID_QUERY',
    })
    expect(calls).toEqual([])
  })

  it('gives the recent sources and the versions', async () => {
    const { desktop } = api({ canceled: true, filePaths: [] })
    expect(await desktop.recentSources()).toEqual([['/a']])
    expect((await desktop.appInfo()).duckdb).toBe('1.5.6')
  })
})
