// DesktopApi: what only the desktop shell offers, implemented with native dialogs. It is served
// beside CurLensApi on the same bridge; paths come from the user's own choice in a dialog.
import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron'
import type { DesktopApi } from '../../core/api.js'
import { CurLensError } from '../../core/errors/curlens-error.js'
import type { RecentSources } from './recent-sources.js'

export interface DesktopApiOptions {
  dialog: Pick<Dialog, 'showOpenDialog'>
  window: () => BrowserWindow | undefined
  recent: RecentSources
  versions: () => Awaited<ReturnType<DesktopApi['appInfo']>>
}

const SOURCE_FILTERS: OpenDialogOptions['filters'] = [
  { name: 'Cost and Usage Reports', extensions: ['parquet', 'csv', 'gz', 'zip'] },
  { name: 'All files', extensions: ['*'] },
]

export function createDesktopApi({
  dialog,
  window,
  recent,
  versions,
}: DesktopApiOptions): DesktopApi {
  async function showOpen(options: OpenDialogOptions): Promise<string[]> {
    const parent = window()
    const result = parent
      ? await dialog.showOpenDialog(parent, options)
      : await dialog.showOpenDialog(options)
    return result.canceled ? [] : result.filePaths
  }
  return {
    async chooseSources(kind) {
      if (kind !== 'files' && kind !== 'folder') {
        throw new CurLensError('INVALID_QUERY', `chooseSources: unknown kind ${String(kind)}`)
      }
      return kind === 'files'
        ? showOpen({
            title: 'Open cost export files',
            properties: ['openFile', 'multiSelections'],
            filters: SOURCE_FILTERS,
          })
        : showOpen({ title: 'Open a cost export folder', properties: ['openDirectory'] })
    },
    async chooseExportFolder() {
      const [folder] = await showOpen({
        title: 'Export chargeback to folder',
        properties: ['openDirectory', 'createDirectory'],
      })
      return folder ?? null
    },
    recentSources: () => recent.list(),
    async appInfo() {
      return versions()
    },
  }
}
