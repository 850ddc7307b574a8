// What an open works out that the persistent cache keeps for the next open of the same files: the
// totals of the one scan on open (by file and summary dimensions), the product names sampled from
// the `product` map, and the files' own unblended total. With them, reopening an unchanged export
// reads no file to the end. Entries are keyed by the files' identities (core/cache), so a changed
// file is a new key; the salt holds the cache format and the CUR Lens version that wrote them.
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import packageJson from '../../package.json' with { type: 'json' }
import { CACHE_FORMAT, type CacheStore } from '../cache/cache-store.js'
import { fileIdentity, identityKey } from '../cache/file-identity.js'
import type { Engine } from '../engine/duckdb.js'
import { PRODUCT_NAMES_TABLE } from './product-names.js'
import { sqlString } from './sql-text.js'
import { TOTALS_TABLE } from './totals.js'

/** The export's place in the persistent cache. */
export interface ExportCache {
  store: CacheStore
  /** The identities of every file the export reads. */
  key: string
  sources: string[]
}

const OPEN_FILE = 'open.duckdb'
const SOURCE_TOTAL_TABLE = 'cur_source_total'
const SALT = `${CACHE_FORMAT}:${packageJson.version}`

export async function exportCache(store: CacheStore, files: string[]): Promise<ExportCache> {
  const identities = await Promise.all(files.map((f) => fileIdentity(f)))
  return { store, key: identityKey(identities, SALT), sources: [...files].sort() }
}

/** The key of one kind of entry of this export (what an open keeps, the attributed rows, …). */
export function entryKey(cache: ExportCache, kind: string): string {
  return createHash('sha256').update(`${kind}\n${cache.key}`).digest('hex').slice(0, 32)
}

/** A CSV file's conversion (of one zip entry, if any), keyed by that file alone. */
export async function conversionKey(file: string, zipEntry = ''): Promise<string> {
  return identityKey([await fileIdentity(file)], `${SALT}:csv:${zipEntry}`)
}

/**
 * Creates the tables an earlier open kept (totals, product names, source total); false when the
 * cache has no such entry, or an unreadable one (then discarded).
 */
export async function restoreOpen(engine: Engine, cache: ExportCache): Promise<boolean> {
  const key = entryKey(cache, 'open')
  const entry = await cache.store.find(key)
  if (!entry) return false
  try {
    await engine.query(`ATTACH ${sqlString(join(entry.directory, OPEN_FILE))} AS kept (READ_ONLY)`)
    const tables = await engine.query<{ name: string }>(
      `SELECT table_name AS name FROM duckdb_tables() WHERE database_name = 'kept'`,
    )
    for (const { name } of tables) {
      if (![TOTALS_TABLE, PRODUCT_NAMES_TABLE, SOURCE_TOTAL_TABLE].includes(name)) continue
      await engine.query(`CREATE TABLE ${name} AS SELECT * FROM kept.${name}`)
    }
    return tables.some((t) => t.name === TOTALS_TABLE)
  } catch {
    for (const name of [TOTALS_TABLE, PRODUCT_NAMES_TABLE, SOURCE_TOTAL_TABLE]) {
      await engine.query(`DROP TABLE IF EXISTS ${name}`).catch(() => undefined)
    }
    await cache.store.discard(key).catch(() => undefined)
    return false
  } finally {
    await engine.query('DETACH DATABASE IF EXISTS kept').catch(() => undefined)
  }
}

/** Keeps what this open worked out, with the files' own total, for the next open. */
export async function saveOpen(engine: Engine, cache: ExportCache, sourceTotal: string) {
  await cache.store.create(
    entryKey(cache, 'open'),
    { kind: 'totals', sources: cache.sources },
    async (folder) => {
      await engine.query(`ATTACH ${sqlString(join(folder, OPEN_FILE))} AS keeping`)
      try {
        const tables = await engine.query<{ name: string }>(
          `SELECT table_name AS name FROM duckdb_tables()
           WHERE database_name = current_database() AND table_name IN ($totals, $names)`,
          { totals: TOTALS_TABLE, names: PRODUCT_NAMES_TABLE },
        )
        for (const { name } of tables) {
          await engine.query(`CREATE TABLE keeping.${name} AS SELECT * FROM ${name}`)
        }
        await engine.query(
          `CREATE TABLE keeping.${SOURCE_TOTAL_TABLE} AS
           SELECT CAST($total AS DECIMAL(38, 10)) AS total`,
          { total: sourceTotal },
        )
      } finally {
        await engine.query('DETACH keeping')
      }
    },
  )
}

/** The files' own total an earlier open kept, or null. */
export async function keptSourceTotal(engine: Engine): Promise<string | null> {
  const kept = await engine.query(
    `SELECT 1 FROM duckdb_tables() WHERE table_name = '${SOURCE_TOTAL_TABLE}'`,
  )
  if (kept.length === 0) return null
  const [row] = await engine.query<{ total: string }>(`SELECT total FROM ${SOURCE_TOTAL_TABLE}`)
  return row?.total ?? null
}
