// Runs a CLI command against the core API in its own engine process: opens the paths, reports
// problems with the files (skipped or missing) on stderr, always disposes the engine, and turns
// errors into a message and exit 1.
import type { CurLensApi, OpenResult } from '../core/api.js'
import { CurLensError } from '../core/errors/curlens-error.js'
import { createEngineHost } from '../core/worker/engine-host.js'
import { spawnNodeWorker } from '../core/worker/node-worker.js'

export async function withOpenApi(
  paths: string[],
  command: (api: CurLensApi, opened: OpenResult) => Promise<number>,
): Promise<number> {
  const api = createEngineHost({ spawn: () => spawnNodeWorker() })
  try {
    const opened = await api.openSources({ paths })
    for (const p of opened.problems) process.stderr.write(`warning: ${p.message}\n`)
    return await command(api, opened)
  } catch (e) {
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
