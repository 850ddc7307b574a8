// The one implementation of CurLensApi. It runs inside the engine process and owns the session:
// the current dataset and the running jobs. Each method delegates to the module that does the work.
// Opening returns as soon as the files are checked and the view exists; summary and attribution
// then run in that order, and each method waits only for what it needs.
import { randomUUID } from 'node:crypto'
import { cacheLocation } from './cache/cache-location.js'
import { allowCache, cacheAllowed } from './cache/cache-settings.js'
import { cacheStatus, openCacheStore } from './cache/cache-store.js'
import type { CompareSide, OpenRequest, ProgressEvent, SummaryResult } from './api.js'
import { breakdown } from './reports/breakdown.js'
import { compare } from './reports/compare.js'
import { compareLines } from './reports/compare-lines.js'
import { checkMonth, type SideRows } from './reports/compare-sides.js'
import { lineItems } from './reports/line-items.js'
import { modelCoverage } from './reports/model-coverage.js'
import { reconcile } from './reports/reconcile.js'
import {
  noLogsLoaded,
  openUsageLogs,
  usageLogsResult,
  type LoadLogs,
  type LogsState,
} from './reports/usage-logs.js'
import { tagKeys } from './reports/tag-keys.js'
import { tokenUnitCosts } from './reports/token-unit-cost.js'
import { breakdownWorkbook } from './reports/breakdown-workbook.js'
import { attributeRows, type AttributedRows } from './rows/attributed-rows.js'
import {
  chargebackDownload,
  checkRules,
  chargeback,
  exportChargeback,
  exportFocus,
} from './chargeback/index.js'
import { demoPaths } from './demo-paths.js'
import { CurLensError } from './errors/curlens-error.js'
import { openDataset } from './sources/index.js'
import { runSql, sqlCsv, sqlSchema } from './sql-console/index.js'
import type { Dataset } from './sources/dataset.js'
import { summarize } from './sources/summary.js'
import { principalLabels } from './rows/principal-labels.js'
import { loadUsageLogs } from './usage-logs/index.js'
import { loadRules, parseRules } from './workspace/rules-file.js'
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
  /** The usage logs loaded for this export, once some are. */
  logs?: LogsState
}

/** core/usage-logs' loader, reading the end user under the key the user picked. */
const loadLogs: LoadLogs = async (engine, paths, { userKey, ...options }) => {
  const loaded = await loadUsageLogs(engine, paths, {
    ...options,
    metadataKeys: { endUser: userKey },
  })
  return {
    sources: loaded.sources,
    problems: loaded.problems.map((p) => ({ code: p.code, message: p.message, file: p.file })),
  }
}

/** A second export open beside the session's, to compare with it; closed with it. */
interface Comparison {
  dataset: Dataset
  paths: string[]
  rows: Promise<AttributedRows>
}

export function createApi({ emit, cacheRoot = cacheLocation() }: ApiOptions): ClosableApi {
  const store = openCacheStore(cacheRoot)
  let session: Session | undefined
  let comparison: Comparison | undefined
  const jobs = new Map<string, AbortController>()

  /** The session's usage log files and user key, which a chargeback export records. */
  function loadedLogFiles() {
    const logs = session?.logs
    return logs && { userKey: logs.userKey, files: logs.loaded.sources.map((s) => s.path) }
  }

  function current(): Session {
    if (!session)
      throw new CurLensError('NO_DATASET', 'No cost export is open. Open files or a folder first.')
    return session
  }

  function attributed(): Promise<AttributedRows> {
    return current().rows
  }

  async function closeComparison() {
    const closing = comparison
    comparison = undefined
    await closing?.dataset.close()
  }

  /** The rows a side of a comparison reads; the old side is the current export by default. */
  async function side(given: CompareSide | undefined, fallback: CompareSide['export']) {
    const which = given?.export ?? fallback
    if (which !== 'current' && which !== 'comparison') {
      throw new CurLensError('INVALID_QUERY', 'A side is the "current" or the "comparison" export.')
    }
    checkMonth(given?.month)
    if (which === 'comparison' && !comparison) {
      throw new CurLensError(
        'NO_DATASET',
        'No second export is open to compare with. Open one to compare first.',
      )
    }
    const rows = await (which === 'current' ? attributed() : comparison!.rows)
    const result: SideRows & { export: CompareSide['export'] } = { rows, export: which }
    if (given?.month) result.month = given.month
    return result
  }

  /** Opens files as a dataset that may keep its cache, reporting progress under `jobId`. */
  async function open(
    { paths, cache }: OpenRequest,
    jobId: string,
    signal: AbortSignal,
    readDirectories: string[] = [],
  ) {
    const keep = cache !== false && (await cacheAllowed(cacheRoot))
    return openDataset(paths, {
      signal,
      cacheStore: keep ? store : undefined,
      readDirectories,
      onProgress: (p: Omit<ProgressEvent, 'jobId'>) => emit('onDidProgress', { ...p, jobId }),
    })
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
    openSources: ({ jobId = randomUUID(), ...request }) =>
      asJob(jobId, async (signal) => {
        const { paths } = request
        const next = await open(request, jobId, signal)
        const previous = session
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
        // Replaced at once, so a comparison still opening sees it; the comparison's engine reads
        // the work folder of the export it was opened against, so it closes with that export.
        session = { dataset: next, paths, summary, rows }
        await closeComparison()
        await previous?.dataset.close()
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
    exportChargeback: async (request) =>
      exportChargeback(await attributed(), request, loadedLogFiles()),
    exportFocus: async (request) => exportFocus(await attributed(), request),
    downloadChargeback: async (request) =>
      chargebackDownload(await attributed(), request, loadedLogFiles()),
    saveWorkspace: async (path, workspace) => saveWorkspace(path, workspace),
    loadWorkspace: async (path) => loadWorkspace(path),
    loadRules: async (path) => loadRules(path),
    parseRules: async (text, name) => parseRules(text, name),
    demoPaths: async () => demoPaths(),
    breakdownXlsx: (query) =>
      asJob(query.jobId ?? randomUUID(), async (signal) => ({
        name: 'cur-lens-breakdown.xlsx',
        base64: Buffer.from(
          await breakdownWorkbook(await attributed(), query, { signal }),
        ).toString('base64'),
      })),
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
    openComparison: ({ jobId = randomUUID(), ...request }) =>
      asJob(jobId, async (signal) => {
        const base = current()
        const next = await open(request, jobId, signal, [base.dataset.workDirectory])
        await closeComparison()
        // Another export opened meanwhile closed `base`, whose work folder `next` would read.
        if (session !== base) {
          await next.close()
          throw new CurLensError(
            'CANCELLED',
            'Another export was opened while the second export was opening; open it again to compare with the export open now.',
          )
        }
        const rows = attributeRows(next)
        rows.catch(() => {})
        comparison = { dataset: next, paths: request.paths, rows }
        return next.info
      }),
    currentComparison: async () =>
      comparison ? { info: comparison.dataset.info, paths: comparison.paths } : null,
    closeComparison,
    compare: (query) =>
      asJob(query?.jobId ?? randomUUID(), async (signal) =>
        compare(await side(query.old, 'current'), await side(query.new, 'comparison'), query, {
          signal,
        }),
      ),
    compareLines: (query) =>
      asJob(query?.jobId ?? randomUUID(), async (signal) => {
        const old = await side(query.old, 'current')
        const next = await side(query.new, 'comparison')
        // The comparison's engine may read the current export's work folder, not the other way.
        return compareLines(old, next, query, {
          joinOn: old.export === 'comparison' ? 'old' : 'new',
          signal,
        })
      }),
    openUsageLogs: ({ jobId = randomUUID(), ...request }) =>
      asJob(jobId, async (signal) => {
        const opened = current()
        const rows = await opened.rows
        const state = await openUsageLogs(rows, request, loadLogs, signal, (p) =>
          emit('onDidProgress', { ...p, jobId }),
        )
        // The load replaced the logs, with nothing when it found none.
        opened.logs = state.loaded.sources.length > 0 ? state : undefined
        if (!opened.logs) throw noLogsLoaded(state)
        return usageLogsResult(rows, opened.logs, signal)
      }),
    async usageLogs() {
      const logs = session?.logs
      return logs ? usageLogsResult(await attributed(), logs) : null
    },
    reconcile: async (request) => reconcile(await attributed(), request),
    async close() {
      for (const job of jobs.values()) job.abort()
      await closeComparison()
      await session?.dataset.close()
      session = undefined
    },
  }
}
