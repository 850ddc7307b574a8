// The attributed rows of one open dataset, as one handle: the lookup tables (principal roll-ups,
// Bedrock model and token type, tag sets), the views over `cur`, the cache, and the choice of what
// answers a grouped read. Created on open and owned by the dataset, which closes it first.
// A read answers at once, straight from the files: it groups them by the base columns it needs and
// maps only its own groups (grouped-rows.ts), adding the keys they bring to the lookups. Meanwhile,
// in the background, one scan completes the lookups (row-by-row views need every key), then the
// cache is built; reads use it once it has been checked. Both give identical figures.
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { Engine, Row, SqlParams } from '../engine/duckdb.js'
import { cancelledError } from '../errors/curlens-error.js'
import type { Dataset } from '../sources/dataset.js'
import { buildCacheFile, CACHE_FILE } from './cache-build.js'
import { SHAPE_KEYS, type Lookup } from './dimensions.js'
import { compileGroupedRead, type Base, type GroupedRead } from './grouped-rows.js'
import { createLookupTables, extendLookups } from './lookups.js'
import { CREATE_ATTRIBUTION_ROWS, CREATE_CUR_ATTRIBUTED, CREATE_ROWS_BASE } from './row-views.js'
import { createTagSetsTable, extendTagSets, TAG_SETS_TABLE } from './tag-sets.js'

export interface ReadOptions {
  signal?: AbortSignal
  /** Forces where the rows come from (tests compare both); by default the cache once ready. */
  base?: Base
}

export interface AttributedRows {
  readonly dataset: Dataset
  readonly engine: Engine
  /**
   * Runs a grouped read: `outer` receives the SELECT of the mapped groups and returns the statement
   * to run around it (ordering, folding, totals); `params` are the outer statement's own.
   */
  read<T extends Row>(
    read: GroupedRead,
    outer?: (groups: string) => string,
    params?: SqlParams,
    options?: ReadOptions,
  ): Promise<T[]>
  /** Resolves once the lookups hold every key of the export (row-by-row views need them all). */
  complete(signal?: AbortSignal): Promise<void>
  /** Resolves true once the cache answers, false when its build failed. */
  cacheReady(): Promise<boolean>
  /** The tag keys the export has. */
  presentTagKeys(signal?: AbortSignal): Promise<string[]>
  close(): Promise<void>
}

export async function attributeRows(dataset: Dataset): Promise<AttributedRows> {
  const { engine, workDirectory } = dataset
  await createLookupTables(engine)
  await createTagSetsTable(engine)
  for (const view of [CREATE_ROWS_BASE, CREATE_CUR_ATTRIBUTED, CREATE_ATTRIBUTION_ROWS]) {
    await engine.query(view)
  }
  const background = new AbortController()
  let lookupsComplete = false
  let cache: 'building' | 'ready' | 'failed' = 'building'
  // Lookups grow from several reads at once: one extension at a time, so no key is added twice.
  let extending = Promise.resolve()
  const serially = <T>(step: () => Promise<T>): Promise<T> => {
    const next = extending.then(step)
    extending = next.then(
      () => undefined,
      () => undefined,
    )
    return next
  }

  async function extendFrom(relation: string, lookups: ReadonlySet<Lookup>, signal?: AbortSignal) {
    await serially(async () => {
      await extendLookups(
        engine,
        workDirectory,
        relation,
        { principals: lookups.has('principal'), shapes: lookups.has('bedrock') },
        signal,
      )
      if (lookups.has('tags')) await extendTagSets(engine, relation, signal)
    })
  }

  /** One scan for every principal, Bedrock shape and tag set of the export. */
  async function completeLookups(signal: AbortSignal) {
    const table = `lookup_keys_${randomUUID().replaceAll('-', '')}`
    const shape = SHAPE_KEYS.join(', ')
    try {
      await engine.query(
        `CREATE TABLE ${table} AS
         SELECT principal_arn, ${shape}, tag_set, any_value(tag_inputs) AS tag_inputs
         FROM rows_base
         GROUP BY GROUPING SETS ((principal_arn), (${shape}), (tag_set))`,
        {},
        { signal },
      )
      await extendFrom(table, new Set<Lookup>(['principal', 'bedrock', 'tags']), signal)
      lookupsComplete = true
    } finally {
      await engine.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined)
    }
  }

  const completed = completeLookups(background.signal)
  const built = completed
    .then(() => buildCacheFile(engine, join(workDirectory, CACHE_FILE), background.signal))
    .then(
      () => {
        cache = 'ready'
      },
      () => {
        // A failed cache only means reads keep going to the files.
        cache = 'failed'
      },
    )
  completed.catch(() => undefined)

  async function read<T extends Row>(
    groupedRead: GroupedRead,
    outer: (groups: string) => string = (groups) => groups,
    params: SqlParams = {},
    options: ReadOptions = {},
  ): Promise<T[]> {
    const base = options.base ?? (cache === 'ready' ? 'cache' : 'files')
    if (base === 'cache' && cache !== 'ready') await built
    const compiled = compileGroupedRead(groupedRead, base)
    const all = { ...compiled.params, ...params }
    const run = (sql: string) => engine.query<T>(sql, usedParams(sql, all), options)
    if (base === 'cache' || lookupsComplete || compiled.lookups.size === 0) {
      return run(outer(compiled.mapped(`(${compiled.grouped})`)))
    }
    const groups = `groups_${randomUUID().replaceAll('-', '')}`
    try {
      await engine.query(
        `CREATE TABLE ${groups} AS ${compiled.grouped}`,
        usedParams(compiled.grouped, all),
        options,
      )
      await extendFrom(groups, compiled.lookups, options.signal)
      return await run(outer(compiled.mapped(groups)))
    } finally {
      await engine.query(`DROP TABLE IF EXISTS ${groups}`).catch(() => undefined)
    }
  }

  const handle: AttributedRows = {
    dataset,
    engine,
    read,
    async complete(signal) {
      if (!lookupsComplete) await abortable(completed, signal)
    },
    async cacheReady() {
      await built
      return cache === 'ready'
    },
    async presentTagKeys(signal) {
      await handle.complete(signal)
      const rows = await engine.query<{ key: string }>(
        `SELECT DISTINCT unnest(map_keys(tags)) AS key FROM ${TAG_SETS_TABLE} ORDER BY key`,
      )
      return rows.map((r) => r.key)
    },
    async close() {
      // Interrupts the background scans, so no query keeps the engine busy, or the cache file
      // open (Windows cannot delete an open file), once the dataset closes.
      background.abort()
      await built
    },
  }
  dataset.own(handle)
  return handle
}

/** The parameters a statement names: DuckDB refuses values for names it does not have. */
function usedParams(sql: string, params: SqlParams): SqlParams {
  return Object.fromEntries(
    Object.entries(params).filter(([name]) => new RegExp(`\\$${name}\\b`).test(sql)),
  )
}

function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      if (signal.aborted) reject(cancelledError())
      signal.addEventListener('abort', () => reject(cancelledError()), { once: true })
    }),
  ])
}
