// The workspace file a user saves: versioned JSON, written atomically.
import type { Workspace } from '../api.js'
import { CurLensError } from '../errors/curlens-error.js'

export async function saveWorkspace(_path: string, _workspace: Workspace): Promise<void> {
  throw new CurLensError('INTERNAL', 'saveWorkspace: not implemented yet')
}

export async function loadWorkspace(_path: string): Promise<Workspace> {
  throw new CurLensError('INTERNAL', 'loadWorkspace: not implemented yet')
}
