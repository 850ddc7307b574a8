// Public face of core/sources: open files or folders as one normalized dataset.
import type { ProgressEvent } from '../api.js'
import { CurLensError } from '../errors/curlens-error.js'
import type { Dataset } from './dataset.js'

export interface OpenOptions {
  signal?: AbortSignal
  onProgress?: (progress: Omit<ProgressEvent, 'jobId'>) => void
}

export async function openDataset(_paths: string[], _options: OpenOptions = {}): Promise<Dataset> {
  throw new CurLensError('INTERNAL', 'openDataset: not implemented yet')
}
