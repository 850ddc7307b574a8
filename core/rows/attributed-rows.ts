// The attributed rows of one open dataset, as one handle: the lookup tables (principal roll-ups,
// Bedrock model and token type, tag sets), the views over `cur`, the cache, and the choice of what
// answers a grouped read. Created on open and owned by the dataset, which closes it first.
// A read answers at once, straight from the files: it groups them by the base columns it needs and
// maps only its own groups (grouped-rows.ts), adding the keys they bring to the lookups. Meanwhile,
// in the background, one scan completes the lookups (row-by-row views need every key), then the
// cache is built; reads use it once it has been checked. Both give identical figures.
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { RowsCacheState } from '../api.js'
import { usedParams, type Engine, type Row, type SqlParams } from '../engine/duckdb.js'
import { cancelledError } from '../errors/curlens-error.js'
import type { Dataset } from '../sources/dataset.js'
import { entryKey } from '../sources/open-cache.js'
import { sqlString } from '../sources/sql-text.js'
import { createBackground } from './background.js'
import { buildCacheFile, CACHE_FILE, CACHED_KEYS } from './cache-build.js'
import { SHAPE_KEYS, type Lookup } from './dimensions.js'
import {
  baseRelation,
  CACHE_STORE,
  compileGroupedRead,
  type Base,
  type GroupedRead,
} from './grouped-rows.js'
import { addPrincipals, addShapes, copyPrincipals, createLookupTables } from './lookups.js'
import { CREATE_ATTRIBUTION_ROWS, CREATE_CUR_ATTRIBUTED, CREATE_ROWS_BASE } from './row-views.js'
import { createTagSetsTable, extendTagSets, TAG_SETS_TABLE } from './tag-sets.js'
import { buildSplitParts, createSplitParts, SPLIT_PARTS_TABLE } from './split-read.js'
import {
  buildSplit,
  createSplitTables,
  SPLIT_PRINCIPALS_TABLE,
  SPLIT_TABLE,
  USAGE_LOG_TABLE,
} from './usage-split.js'

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
  /** Where the cache stands (kept in the persistent cache, being built, …), once looked up. */
  cacheState(): Promise<RowsCacheState>
  /** Splits Bedrock cost by the records of the engine's `usage_log` (core/usage-logs), for `user` and `log-tag:` reads. */
  splitByUsageLog(signal?: AbortSignal): Promise<void>
  /** Empties the split, as before any logs loaded: `user` reads each principal's person. */
  clearSplit(): Promise<void>
  /** The tag keys the export has. */
  presentTagKeys(signal?: AbortSignal): Promise<string[]>
  close(): Promise<void>
}

export interface AttributeOptions {
  /** How far the background build of the cache has come, 0..100. */
  onCacheProgress?: (percentage: number) => void
}

export async function attributeRows(
  dataset: Dataset,
  options: AttributeOptions = {},
): Promise<AttributedRows> {
  const { engine, workDirectory } = dataset
  await createLookupTables(engine)
  await createTagSetsTable(engine)
  await createSplitTables(engine)
  for (const view of [CREATE_ROWS_BASE, CREATE_CUR_ATTRIBUTED, CREATE_ATTRIBUTION_ROWS]) {
    await engine.query(view)
  }
  await createSplitParts(engine)
  const stop = new AbortController()
  const background = createBackground(stop.signal)
  let lookupsComplete = false
  // Settles once the tag sets are complete (completeTagSets), at once when a cache is reopened.
  let tagSetsScan: Promise<void> | undefined
  let markComplete = () => {
    lookupsComplete = true
  }
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

  async function extendFrom(relations: Partial<Record<Lookup, string>>, signal?: AbortSignal) {
    await serially(async () => {
      const { principal, bedrock, tags } = relations
      if (principal) await addPrincipals(engine, workDirectory, principal, signal)
      if (bedrock) await addShapes(engine, workDirectory, bedrock, signal)
      if (tags) await extendTagSets(engine, tags, signal)
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
      await extendFrom({ principal: table, bedrock: table, tags: table }, signal)
    } finally {
      await engine.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined)
    }
  }

  /**
   * A cache built earlier for the same files: its keys complete the lookups without a scan. The few
   * Bedrock shapes and tag sets are mapped at once, and the principals copied as parsed then.
   */
  async function reopen(file: string) {
    await engine.query(`ATTACH ${sqlString(file)} AS ${CACHE_STORE} (READ_ONLY)`)
    await extendFrom({ bedrock: CACHED_KEYS.shapes, tags: CACHED_KEYS.tagSets })
    await serially(() => copyPrincipals(engine, CACHED_KEYS.principals))
    tagSetsScan = Promise.resolve()
    markComplete()
  }

  async function build(file: string) {
    // The lookups' scan is about a quarter of the work, the cache file the rest; the end (100) is
    // reported once the build has ended, however it ended.
    const progress = (percentage: number) => options.onCacheProgress?.(Math.min(percentage, 99))
    progress(0)
    await background.step((signal) => completeLookups(signal))
    markComplete()
    progress(25)
    await buildCacheFile(engine, file, background.step, (fraction) => progress(25 + 75 * fraction))
  }

  // Settles once the persistent cache has been asked for an earlier build, and one found has been
  // reopened; `found` says whether it was.
  let lookedUp = () => {}
  const looking = new Promise<void>((resolve) => (lookedUp = resolve))
  let found = false

  /** The cache goes to the persistent cache when the dataset may keep one, else to its work folder. */
  async function prepare(): Promise<void> {
    if (!dataset.cache) {
      lookedUp()
      return build(join(workDirectory, CACHE_FILE))
    }
    const { store, sources } = dataset.cache
    const key = entryKey(dataset.cache, 'rows')
    const earlier = await store.find(key)
    if (earlier) {
      try {
        await reopen(join(earlier.directory, CACHE_FILE))
        found = true
        lookedUp()
        return
      } catch {
        // Unreadable or foreign: never trusted, rebuilt below.
        await engine.query(`DETACH DATABASE IF EXISTS ${CACHE_STORE}`).catch(() => undefined)
        await store.discard(key).catch(() => undefined)
      }
    }
    lookedUp()
    const entry = await store.create(key, { kind: 'attributed rows', sources }, async (folder) => {
      await build(join(folder, CACHE_FILE))
      // Detached before the folder is renamed into place (Windows cannot rename open files).
      await engine.query(`DETACH ${CACHE_STORE}`)
    })
    const file = join(entry.directory, CACHE_FILE)
    // Another process may have built the entry meanwhile, and then nothing here completed the lookups.
    if (lookupsComplete)
      await engine.query(`ATTACH ${sqlString(file)} AS ${CACHE_STORE} (READ_ONLY)`)
    else await reopen(file)
  }

  const prepared = prepare()
  // Reads wait for the lookup; a failure before it must not leave them waiting.
  prepared.then(lookedUp, lookedUp)
  // Resolves once the lookups are complete, whether or not the cache is then built.
  const completed = new Promise<void>((resolve, reject) => {
    markComplete = () => {
      lookupsComplete = true
      resolve()
    }
    prepared.catch(reject)
  })
  completed.catch(() => undefined)
  const built = prepared
    .then(
      () => {
        cache = 'ready'
      },
      () => {
        // A failed cache only means reads keep going to the files.
        cache = 'failed'
      },
    )
    .finally(() => options.onCacheProgress?.(100))

  /** What answers by default: the cache once ready, or kept from an earlier open; else the files. */
  const currentBase = (): Base => (cache === 'ready' || found ? 'cache' : 'files')

  async function read<T extends Row>(
    groupedRead: GroupedRead,
    outer: (groups: string) => string = (groups) => groups,
    params: SqlParams = {},
    options: ReadOptions = {},
  ): Promise<T[]> {
    // A cache kept from an earlier open answers from the first read: the files take seconds.
    if (!options.base) await looking
    const base = options.base ?? currentBase()
    if (base === 'cache' && cache !== 'ready') await built
    const compiled = compileGroupedRead(groupedRead, base)
    const all = { ...compiled.params, ...params }
    const run = (sql: string) => engine.query<T>(sql, usedParams(sql, all), options)
    return background.read(async () => {
      // On the cache only principals can be missing (see reopen).
      const missing = base === 'cache' ? ['principal'] : ['principal', 'bedrock', 'tags']
      if (lookupsComplete || !missing.some((l) => compiled.lookups.has(l as Lookup))) {
        return run(outer(compiled.mapped(`(${compiled.grouped})`)))
      }
      const groups = `groups_${randomUUID().replaceAll('-', '')}`
      try {
        await engine.query(
          `CREATE TABLE ${groups} AS ${compiled.grouped}`,
          usedParams(compiled.grouped, all),
          options,
        )
        const from = (lookup: Lookup) =>
          compiled.lookups.has(lookup) && missing.includes(lookup) ? groups : undefined
        await extendFrom(
          { principal: from('principal'), bedrock: from('bedrock'), tags: from('tags') },
          options.signal,
        )
        return await run(outer(compiled.mapped(groups)))
      } finally {
        await engine.query(`DROP TABLE IF EXISTS ${groups}`).catch(() => undefined)
      }
    })
  }

  // Tag names resolve against every tag set of the export: one scan of the tag columns alone, as a
  // user read, rather than waiting for the lookups' whole scan.
  function completeTagSets(signal?: AbortSignal): Promise<void> {
    if (lookupsComplete) return Promise.resolve()
    tagSetsScan ??= background
      .read(() => extendFrom({ tags: 'rows_base' }))
      .catch((e) => {
        tagSetsScan = undefined
        throw e
      })
    return abortable(tagSetsScan, signal)
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
    async cacheState() {
      await Promise.race([looking, built])
      if (cache === 'failed') return 'failed'
      if (!dataset.cache) return 'temporary'
      return cache === 'ready' || found ? 'kept' : 'building'
    },
    async splitByUsageLog(signal) {
      // The split is worked out once, over every principal, Bedrock shape and tag set.
      if (!lookupsComplete) await abortable(completed, signal)
      await looking
      const base = baseRelation(currentBase())
      await serially(async () => {
        await addPrincipals(engine, workDirectory, USAGE_LOG_TABLE, signal)
        await buildSplit(engine)
        await buildSplitParts(engine, base, signal)
      })
    },
    async clearSplit() {
      await serially(async () => {
        for (const table of [SPLIT_TABLE, SPLIT_PRINCIPALS_TABLE, SPLIT_PARTS_TABLE]) {
          await engine.query(`DELETE FROM ${table}`)
        }
      })
    },
    async presentTagKeys(signal) {
      // A kept cache brings every tag set: no scan once it is looked up.
      await looking
      await completeTagSets(signal)
      const rows = await engine.query<{ key: string }>(
        `SELECT DISTINCT unnest(map_keys(tags)) AS key FROM ${TAG_SETS_TABLE} ORDER BY key`,
      )
      return rows.map((r) => r.key)
    },
    async close() {
      // Interrupts the background scans, so no query keeps the engine busy, or the cache file
      // open (Windows cannot delete an open file), once the dataset closes.
      stop.abort()
      await built
      await engine.query(`DETACH DATABASE IF EXISTS ${CACHE_STORE}`).catch(() => undefined)
    },
  }
  dataset.own(handle)
  return handle
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
