// Builds the cache: `attribution_store.facts`, one row per line item with the base columns of
// `rows_base`, every text column as an ENUM (a small integer, so grouping 10 M rows takes tens of
// ms), and the metrics exactly as the base computes them. It holds no mapped column (no person,
// model or merged tag), so what it answers is mapped by the lookups of the day, as a read straight
// from the files is. It lives in a DuckDB file (compressed, so memory stays bounded), attached as
// `attribution_store`; the build checks that it holds every row and the bill's total.
import type { Engine, Row, SqlParams } from '../engine/duckdb.js'
import { sqlString } from '../sources/sql-text.js'
import { BASE_TEXT_COLUMNS } from './dimensions.js'
import { CACHE_STORE } from './grouped-rows.js'

export const CACHE_FILE = 'attribution-cache.duckdb'

const GATHER_VALUES = `CREATE OR REPLACE TABLE attribution_values AS
SELECT
  ${BASE_TEXT_COLUMNS.map((c) => `list(DISTINCT ${c}) AS ${c}`).join(',\n  ')},
  max(abs(usage)) < 1e7 AS usage_fits_int64
FROM rows_base`

function createEnum(column: string): string {
  return `CREATE TYPE ${CACHE_STORE}.e_${column} AS ENUM (
  SELECT DISTINCT v FROM (SELECT unnest(${column}) FROM attribution_values) AS t(v)
  WHERE v IS NOT NULL ORDER BY v)`
}

/** Writes the cache into `file` and leaves it attached; throws on the first failure. */
export async function buildCacheFile(
  engine: Engine,
  file: string,
  signal: AbortSignal,
): Promise<void> {
  const run = <T extends Row = Row>(sql: string, params: SqlParams = {}) =>
    engine.query<T>(sql, params, { signal })
  await run(GATHER_VALUES)
  await run(`ATTACH ${sqlString(file)} AS ${CACHE_STORE}`)
  for (const column of BASE_TEXT_COLUMNS) await run(createEnum(column))
  // Same values either way (DECIMAL(18,10) holds anything under 1e8; 1e7 leaves room); a 64-bit
  // decimal just sums several times faster than a 128-bit one.
  const [{ usage_fits_int64: narrow }] = await run<{ usage_fits_int64: boolean | null }>(
    'SELECT usage_fits_int64 FROM attribution_values',
  )
  await run('DROP TABLE attribution_values')
  const usage = narrow === false ? 'usage' : 'CAST(usage AS DECIMAL(18, 10)) AS usage'
  await run(
    `CREATE TABLE ${CACHE_STORE}.facts AS
SELECT
  ${BASE_TEXT_COLUMNS.map((c) => `CAST(${c} AS ${CACHE_STORE}.e_${c}) AS ${c}`).join(',\n  ')},
  usage_day, tag_set, unblended, net, amortized, ondemand, ${usage}
FROM rows_base`,
  )
  const [check] = await run<{ same: boolean }>(
    `SELECT
  (SELECT count(*) FROM ${CACHE_STORE}.facts) = (SELECT count(*) FROM cur)
  AND (SELECT SUM(unblended) FROM ${CACHE_STORE}.facts)
      IS NOT DISTINCT FROM (SELECT SUM(unblended_cost) FROM cur) AS same`,
  )
  if (!check?.same) throw new Error('The attribution cache does not reconcile to the source rows.')
}
