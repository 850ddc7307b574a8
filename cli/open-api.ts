// Runs a CLI command against the core API in its own engine process: opens the export (with a
// progress line on a terminal), reports problems with the files (skipped or missing) on stderr,
// always disposes the engine, and turns errors into a message and exit 1. When the command has
// answered from the files, the export's cache is built by a background process for the next one.
import { randomUUID } from 'node:crypto'
import type { CurLensApi, OpenResult, UsageLogsRequest } from '../core/api.js'
import { CurLensError } from '../core/errors/curlens-error.js'
import { createEngineHost } from '../core/worker/engine-host.js'
import { spawnNodeWorker } from '../core/worker/node-worker.js'
import type { Sources } from './arguments.js'
import { buildCacheInBackground } from './background-cache.js'
import { progressLine } from './progress-line.js'

export interface OpenApiOptions {
  /** Shows the cache's build on the progress line too (`cur-lens cache build`), and starts none. */
  buildingCache?: boolean
  /** Usage logs to load after the export, splitting its Bedrock cost by end user. */
  logs?: UsageLogsRequest
}

export async function withOpenApi(
  sources: Sources,
  command: (api: CurLensApi, opened: OpenResult) => Promise<number>,
  { buildingCache = false, logs }: OpenApiOptions = {},
): Promise<number> {
  const progress = progressLine()
  const jobId = randomUUID()
  // The job whose progress the line shows: the open, then the usage logs' load.
  let shown: string | null = jobId
  const api = createEngineHost({
    spawn: () => spawnNodeWorker(),
    onEvent: (event, payload) => {
      if (event !== 'onDidProgress' || !('phase' in payload)) return
      const caching = buildingCache && payload.jobId === jobId && payload.phase === 'caching'
      if (payload.jobId === shown || caching) progress.show(payload)
    },
  })
  try {
    const opened = await api.openSources({ paths: sources.paths, cache: sources.cache, jobId })
    shown = null
    progress.clear()
    for (const p of opened.problems) process.stderr.write(`warning: ${p.message}\n`)
    if (logs) {
      shown = randomUUID()
      const loaded = await api.openUsageLogs({ ...logs, jobId: shown })
      shown = null
      progress.clear()
      for (const p of loaded.problems) process.stderr.write(`warning: ${p.message}\n`)
    }
    const code = await command(api, opened)
    progress.clear()
    if (!buildingCache && sources.cache && (await api.rowsCache(false)) === 'building') {
      buildCacheInBackground(sources.paths)
    }
    return code
  } catch (e) {
    progress.clear()
    return reportError(e)
  } finally {
    api.dispose()
  }
}

export function reportError(e: unknown): number {
  if (e instanceof CurLensError) {
    process.stderr.write(`error [${e.code}]: ${e.message}\n`)
  } else {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`)
  }
  return 1
}
