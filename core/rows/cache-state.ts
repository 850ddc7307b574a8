// State of the attribution cache (cache-build.ts), kept in the engine rather than in JS module state
// so every caller sees the same answer: `attribution_cache_state` reads 'building' while the
// background build runs, then 'ready' or 'failed'. Until it is ready, and for tag keys it does not
// hold, queries read the live view; both give identical figures, the cache only faster.
import type { Engine } from '../engine/duckdb.js'
import { CurLensError } from '../errors/curlens-error.js'
import { CREATE_EMPTY_TAG_KEYS, buildCacheTables } from './cache-build.js'
import { LIVE_SOURCE, type RowSource } from './dimensions.js'

export type CacheState = 'building' | 'ready' | 'failed'

export async function initCacheState(engine: Engine, signal?: AbortSignal): Promise<void> {
  await engine.query(
    `CREATE OR REPLACE TABLE attribution_cache_state AS
     SELECT 'building' AS state, CAST(NULL AS VARCHAR) AS message,
            CAST(NULL AS DECIMAL(38, 10)) AS total_unblended`,
    {},
    { signal },
  )
  await engine.query(CREATE_EMPTY_TAG_KEYS, {}, { signal })
}

/**
 * Builds the cache and marks it ready, or records why it failed. Never rejects: it runs unawaited,
 * and a failed cache only means queries keep reading the live view.
 */
export async function buildAttributionCache(
  engine: Engine,
  workDirectory: string,
  signal: AbortSignal,
): Promise<void> {
  try {
    await buildCacheTables(engine, workDirectory, signal)
    await engine.query(
      `UPDATE attribution_cache_state
       SET state = 'ready',
           total_unblended = (SELECT CAST(SUM(unblended) AS DECIMAL(38, 10)) FROM attribution_tag_sets)`,
      {},
      { signal },
    )
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    // If the engine is already closed (the dataset was replaced) there is nothing left to record.
    await engine
      .query(`UPDATE attribution_cache_state SET state = 'failed', message = $message`, { message })
      .catch(() => undefined)
  }
}

export async function cacheState(engine: Engine, signal?: AbortSignal): Promise<CacheState> {
  const [row] = await engine.query<{ state: CacheState }>(
    'SELECT state FROM attribution_cache_state',
    {},
    { signal },
  )
  return row?.state ?? 'failed'
}

/** The cache with its tag columns when it is ready, else the live view. One small query. */
export async function currentRowSource(engine: Engine): Promise<RowSource> {
  const rows = await readSourceState(engine)
  if (rows[0]?.state !== 'ready') return LIVE_SOURCE
  const tagColumns: Record<string, string | null> = {}
  for (const row of rows) if (row.key !== null) tagColumns[row.key] = row.column_name
  return { kind: 'cache', tagColumns }
}

type SourceStateRow = { state: CacheState; key: string | null; column_name: string | null }

async function readSourceState(engine: Engine): Promise<SourceStateRow[]> {
  try {
    return await engine.query<SourceStateRow>(
      `SELECT s.state, k.key, k.column_name
       FROM attribution_cache_state AS s
       LEFT JOIN attribution_tag_keys AS k ON s.state = 'ready'`,
    )
  } catch (e) {
    const prepared = await engine.query(
      `SELECT 1 FROM duckdb_tables() WHERE table_name = 'attribution_cache_state'`,
    )
    if (prepared.length > 0) throw e
    throw new CurLensError(
      'INTERNAL',
      'Attribution was not prepared for this dataset: call prepareAttribution after openDataset.',
      { cause: e },
    )
  }
}

const POLL_MS = 50

/** Resolves once the cache is built (true) or has failed (false). For callers that measure speed. */
export async function waitForAttributionCache(
  engine: Engine,
  signal?: AbortSignal,
): Promise<boolean> {
  for (;;) {
    const state = await cacheState(engine, signal)
    if (state !== 'building') return state === 'ready'
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}
