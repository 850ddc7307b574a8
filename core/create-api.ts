// The one implementation of CurLensApi. It runs inside the engine process and owns the session:
// the current dataset and the running jobs. Each method delegates to the module that does the work.
// Opening returns as soon as the files are checked and the view exists; summary and attribution
// then run in that order, and each method waits only for what it needs.
import { randomUUID } from 'node:crypto'
import { cacheLocation } from './cache/cache-location.js'
import { allowCache, cacheAllowed } from './cache/cache-settings.js'
import { cacheStatus, openCacheStore } from './cache/cache-store.js'
import type { ProgressEvent, SummaryResult } from './api.js'
import { breakdown } from './reports/breakdown.js'
import { lineItems } from './reports/line-items.js'
import { modelCoverage } from './reports/model-coverage.js'
import { tagKeys } from './reports/tag-keys.js'
import { tokenUnitCosts } from './reports/token-unit-cost.js'
import { attributeRows, type AttributedRows } from './rows/attributed-rows.js'
import { checkRules, chargeback, exportChargeback } from './chargeback/index.js'
import { demoPaths } from './demo-paths.js'
import { CurLensError } from './errors/curlens-error.js'
import { openDataset } from './sources/index.js'
import { runSql, sqlCsv, sqlSchema } from './sql-console/index.js'
import type { Dataset } from './sources/dataset.js'
import { summarize } from './sources/summary.js'
import { principalLabels } from './rows/principal-labels.js'
import { loadRules } from './workspace/rules-file.js'
import { loadWorkspace, saveWorkspace } from './workspace/workspace-file.js'
import type { ClosableApi, Emit } from './worker/engine-worker.js'

export interface ApiOptions {
  emit: Emit
  /** The persistent cache's folder; the OS's per-user cache folder by default (cache-location.ts). */
  cacheRoot?: string
}

/**
 * An open dataset and its two follow-ups, started on open so that the first screen is quick: the
 * summary (what every front end shows first), then the attributed rows every other query reads.
 */
interface Session {
  dataset: Dataset
  paths: string[]
  summary: Promise<SummaryResult>
  rows: Promise<AttributedRows>
}

export function createApi({ emit, cacheRoot = cacheLocation() }: ApiOptions): ClosableApi {
  const store = openCacheStore(cacheRoot)
  let session: Session | undefined
  const jobs = new Map<string, AbortController>()

  function current(): Session {
    if (!session)
      throw new CurLensError('NO_DATASET', 'No cost export is open. Open files or a folder first.')
    return session
  }

  function attributed(): Promise<AttributedRows> {
    return current().rows
  }

  /** Runs `body` as a cancellable job: `cancel(jobId)` aborts its signal. */
  async function asJob<T>(jobId: string, body: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController()
    jobs.set(jobId, controller)
    try {
      return await body(controller.signal)
    } finally {
      jobs.delete(jobId)
    }
  }

  return {
    openSources: ({ paths, jobId = randomUUID(), cache }) =>
      asJob(jobId, async (signal) => {
        const keep = cache !== false && (await cacheAllowed(cacheRoot))
        const next = await openDataset(paths, {
          signal,
          cacheStore: keep ? store : undefined,
          onProgress: (p: Omit<ProgressEvent, 'jobId'>) => emit('onDidProgress', { ...p, jobId }),
        })
        await session?.dataset.close()
        const summary = summarize(next)
        const caching = {
          onCacheProgress: (percentage: number) =>
            emit('onDidProgress', { jobId, phase: 'caching', percentage }),
        }
        const rows = summary.then(
          () => attributeRows(next, caching),
          () => attributeRows(next, caching),
        )
        // Failures reach whoever asks for these; nobody may be asking yet.
        summary.catch(() => {})
        rows.catch(() => {})
        session = { dataset: next, paths, summary, rows }
        return next.info
      }),
    async cancel(jobId) {
      jobs.get(jobId)?.abort()
    },
    currentDataset: async () =>
      session ? { info: session.dataset.info, paths: session.paths } : null,
    summary: async () => current().summary,
    breakdown: (query) =>
      asJob(query.jobId ?? randomUUID(), async (signal) =>
        breakdown(await attributed(), query, { signal }),
      ),
    modelCoverage: async () => modelCoverage(await attributed()),
    principalLabels: async (request) => principalLabels(await attributed(), request),
    tokenUnitCosts: async (query) => tokenUnitCosts(await attributed(), query),
    tagKeys: async () => tagKeys(await attributed()),
    lineItems: async (query) => lineItems(await attributed(), query),
    checkRules: async (rules, basis, period) =>
      checkRules(await attributed(), rules, basis, period),
    chargeback: async (request) => chargeback(await attributed(), request),
    exportChargeback: async (request) => exportChargeback(await attributed(), request),
    saveWorkspace: async (path, workspace) => saveWorkspace(path, workspace),
    loadWorkspace: async (path) => loadWorkspace(path),
    loadRules: async (path) => loadRules(path),
    demoPaths: async () => demoPaths(),
    cacheStatus: async () => cacheStatus(store, await cacheAllowed(cacheRoot)),
    async rowsCache(wait) {
      const rows = await attributed()
      if (wait) await rows.cacheReady()
      return await rows.cacheState()
    },
    clearCache: () => store.clear(),
    setCacheEnabled: (enabled) => allowCache(cacheRoot, enabled),
    runSql: (request) =>
      asJob(request?.jobId ?? randomUUID(), async (signal) =>
        runSql(await attributed(), request, signal),
      ),
    sqlCsv: (request) =>
      asJob(request?.jobId ?? randomUUID(), async (signal) =>
        sqlCsv(await attributed(), request, signal),
      ),
    sqlSchema: async () => sqlSchema(await attributed()),
    async close() {
      for (const job of jobs.values()) job.abort()
      await session?.dataset.close()
      session = undefined
    },
  }
}
