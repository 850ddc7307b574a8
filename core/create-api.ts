// The one implementation of CurLensApi. It runs inside the engine process and owns the session:
// the current dataset and the running jobs. Each method delegates to the module that does the work.
import { randomUUID } from 'node:crypto'
import type { ProgressEvent } from './api.js'
import { breakdown, lineItems, prepareAttribution, tagKeys } from './attribution/index.js'
import { checkRules, chargeback, exportChargeback } from './chargeback/index.js'
import { demoPaths } from './demo-paths.js'
import { CurLensError } from './errors/curlens-error.js'
import { openDataset } from './sources/index.js'
import type { Dataset } from './sources/dataset.js'
import { summarize } from './sources/summary.js'
import { loadWorkspace, saveWorkspace } from './workspace/workspace-file.js'
import type { ClosableApi, Emit } from './worker/engine-worker.js'

export interface ApiOptions {
  emit: Emit
}

export function createApi({ emit }: ApiOptions): ClosableApi {
  let dataset: Dataset | undefined
  const jobs = new Map<string, AbortController>()

  function current(): Dataset {
    if (!dataset)
      throw new CurLensError('NO_DATASET', 'No cost export is open. Open files or a folder first.')
    return dataset
  }

  return {
    async openSources({ paths, jobId = randomUUID() }) {
      const controller = new AbortController()
      jobs.set(jobId, controller)
      try {
        const next = await openDataset(paths, {
          signal: controller.signal,
          onProgress: (p: Omit<ProgressEvent, 'jobId'>) => emit('onDidProgress', { ...p, jobId }),
        })
        try {
          await prepareAttribution(next, controller.signal)
        } catch (e) {
          await next.close()
          throw e
        }
        await dataset?.close()
        dataset = next
        return next.info
      } finally {
        jobs.delete(jobId)
      }
    },
    async cancel(jobId) {
      jobs.get(jobId)?.abort()
    },
    summary: async () => summarize(current()),
    breakdown: async (query) => breakdown(current(), query),
    tagKeys: async () => tagKeys(current()),
    lineItems: async (query) => lineItems(current(), query),
    checkRules: async (rules, basis, period) => checkRules(current(), rules, basis, period),
    chargeback: async (request) => chargeback(current(), request),
    exportChargeback: async (request) => exportChargeback(current(), request),
    saveWorkspace: async (path, workspace) => saveWorkspace(path, workspace),
    loadWorkspace: async (path) => loadWorkspace(path),
    demoPaths: async () => demoPaths(),
    async close() {
      for (const job of jobs.values()) job.abort()
      await dataset?.close()
      dataset = undefined
    },
  }
}
