// Builds the cache: a DuckDB file, attached as `attribution_store`, holding `facts`, one row per
// line item with the base columns of `rows_base` (every text column an ENUM, a small integer, so
// grouping 10 M rows takes tens of ms) and the metrics exactly as the base computes them, and the
// keys the lookups were completed from (principal ARNs, Bedrock shapes, raw tag sets). It holds no
// mapped column (no person, model or merged tag), so an export reopened after CUR Lens learns a new
// model name is mapped anew from the same file. The build runs as background steps (background.ts),
// each one statement or safe to run again, and checks that the facts hold every row and the total.
import type { Engine } from '../engine/duckdb.js'
import { sqlString } from '../sources/sql-text.js'
import { BASE_TEXT_COLUMNS } from './dimensions.js'
import { CACHE_STORE } from './grouped-rows.js'
import { BEDROCK_SHAPE_COLUMNS } from './lookups.js'
import { TAG_SETS_TABLE } from './tag-sets.js'

export const CACHE_FILE = 'rows.duckdb'

/** Runs one step of the build, possibly again if it is interrupted. */
export type Step = <T>(body: (signal: AbortSignal) => Promise<T>) => Promise<T>

const GATHER_VALUES = `CREATE OR REPLACE TABLE attribution_values AS
SELECT
  ${BASE_TEXT_COLUMNS.map((c) => `list(DISTINCT ${c}) AS ${c}`).join(',\n  ')},
  max(abs(usage)) < 1e7 AS usage_fits_int64
FROM rows_base`

/**
 * The keys the lookups hold once complete, so a reopen completes them without a scan; the
 * principals as parsed, since parsing tens of thousands takes a second (the entry's key carries
 * the app's version, so another version never reads this parse).
 */
const KEY_TABLES = [
  `CREATE OR REPLACE TABLE ${CACHE_STORE}.keys_principals AS SELECT * FROM principal_dim`,
  `CREATE OR REPLACE TABLE ${CACHE_STORE}.keys_shapes AS
   SELECT ${BEDROCK_SHAPE_COLUMNS.join(', ')}, 'Amazon Bedrock' AS service FROM bedrock_dim`,
  `CREATE OR REPLACE TABLE ${CACHE_STORE}.keys_tag_sets AS
   SELECT tag_set, tag_inputs FROM ${TAG_SETS_TABLE}`,
]

/** Key tables of a cache file, with the columns `copyPrincipals`, `addShapes` and `extendTagSets` read. */
export const CACHED_KEYS = {
  principals: `${CACHE_STORE}.keys_principals`,
  shapes: `${CACHE_STORE}.keys_shapes`,
  tagSets: `${CACHE_STORE}.keys_tag_sets`,
}

/**
 * Writes the cache into `file` and leaves it attached; throws on the first failure. `done` hears
 * how far it has come (0..1), roughly by the scans each step makes.
 */
export async function buildCacheFile(
  engine: Engine,
  file: string,
  step: Step,
  done: (fraction: number) => void = () => undefined,
): Promise<void> {
  const run = (sql: string) => step((signal) => engine.query(sql, {}, { signal }))
  await run(GATHER_VALUES)
  done(0.3)
  await engine.query(`ATTACH ${sqlString(file)} AS ${CACHE_STORE}`)
  for (const column of BASE_TEXT_COLUMNS) {
    const type = `${CACHE_STORE}.e_${column}`
    await step(async (signal) => {
      await engine.query(`DROP TYPE IF EXISTS ${type}`, {}, { signal })
      await engine.query(
        `CREATE TYPE ${type} AS ENUM (
          SELECT DISTINCT v FROM (SELECT unnest(${column}) FROM attribution_values) AS t(v)
          WHERE v IS NOT NULL ORDER BY v)`,
        {},
        { signal },
      )
    })
  }
  // Same values either way (DECIMAL(18,10) holds anything under 1e8; 1e7 leaves room); a 64-bit
  // decimal just sums several times faster than a 128-bit one.
  const [{ usage_fits_int64: narrow }] = await engine.query<{ usage_fits_int64: boolean | null }>(
    'SELECT usage_fits_int64 FROM attribution_values',
  )
  const usage = narrow === false ? 'usage' : 'CAST(usage AS DECIMAL(18, 10)) AS usage'
  done(0.4)
  await run(
    `CREATE OR REPLACE TABLE ${CACHE_STORE}.facts AS
SELECT
  ${BASE_TEXT_COLUMNS.map((c) => `CAST(${c} AS ${CACHE_STORE}.e_${c}) AS ${c}`).join(',\n  ')},
  usage_day, tag_set, unblended, net, amortized, ondemand, ${usage}
FROM rows_base`,
  )
  done(0.8)
  const [check] = await step((signal) =>
    engine.query<{ same: boolean }>(
      `SELECT
  (SELECT count(*) FROM ${CACHE_STORE}.facts) = (SELECT count(*) FROM cur)
  AND (SELECT SUM(unblended) FROM ${CACHE_STORE}.facts)
      IS NOT DISTINCT FROM (SELECT SUM(unblended_cost) FROM cur) AS same`,
      {},
      { signal },
    ),
  )
  if (!check?.same) throw new Error('The attribution cache does not reconcile to the source rows.')
  done(0.9)
  for (const sql of KEY_TABLES) await run(sql)
  await engine.query('DROP TABLE attribution_values')
  done(1)
}
