// Builds the attribution cache: `attribution_store.facts`, one row per `attribution_rows` row with
// every groupable column as an ENUM (a small integer, so grouping 10 M rows takes tens of ms), the
// most used tag keys as ENUM columns `tag_<n>`, and the metrics exactly as the live view computes
// them. It lives in a DuckDB file in the dataset's private work directory (compressed, so memory
// stays bounded), attached as `attribution_store`. The tag keys and their covered cost are
// computed on the way, from the distinct tag maps.
import { join } from 'node:path'
import type { Engine, Row, SqlParams } from '../engine/duckdb.js'
import { sqlString } from '../sources/sql-text.js'
import { CACHE_STORE, TEXT_COLUMNS } from './dimensions.js'

/** Tag keys beyond this many (by rows carrying them) are grouped from the live view instead. */
export const MAX_CACHED_TAG_KEYS = 100

export const CACHE_FILE = 'attribution-cache.duckdb'

/** Where each ENUM's values come from: distinct values gathered in one scan, or the lookup tables. */
const ENUM_VALUES: Readonly<Record<string, string>> = {
  billing_period: 'SELECT unnest(billing_period) FROM attribution_values',
  account: 'SELECT unnest(account) FROM attribution_values',
  service: 'SELECT unnest(service) FROM attribution_values',
  region:
    'SELECT unnest(region) FROM attribution_values UNION ALL SELECT usage_region FROM bedrock_dim',
  usage_type: 'SELECT unnest(usage_type) FROM attribution_values',
  operation: 'SELECT unnest(operation) FROM attribution_values',
  line_item_type: 'SELECT unnest(line_item_type) FROM attribution_values',
  principal_arn: 'SELECT principal_arn FROM principal_dim',
  principal_person: 'SELECT person FROM principal_dim',
  principal_role: 'SELECT role FROM principal_dim',
  model: 'SELECT model FROM bedrock_dim',
  provider: 'SELECT provider FROM bedrock_dim',
  token_type: 'SELECT token_type FROM bedrock_dim',
  product_code: 'SELECT unnest(product_code) FROM attribution_values',
  principal_kind: 'SELECT kind FROM principal_dim',
  assumed_token_unit: 'SELECT assumed_token_unit FROM bedrock_dim',
}

const GATHER_VALUES = `CREATE OR REPLACE TABLE attribution_values AS
SELECT
  list(DISTINCT billing_period) AS billing_period,
  list(DISTINCT usage_account_id) AS account,
  list(DISTINCT service) AS service,
  list(DISTINCT region) AS region,
  list(DISTINCT usage_type) AS usage_type,
  list(DISTINCT operation) AS operation,
  list(DISTINCT line_item_type) AS line_item_type,
  list(DISTINCT product_code) AS product_code,
  max(abs(usage_amount)) < 1e7 AS usage_fits_int64
FROM cur`

const GATHER_TAG_SETS = `CREATE OR REPLACE TABLE attribution_tag_sets AS
SELECT tags, SUM(unblended) AS unblended, count(*) AS row_count
FROM attribution_rows_unjoined_tagged
GROUP BY tags`

const RANK_TAG_KEYS = `CREATE OR REPLACE TABLE attribution_tag_keys AS
SELECT
  key,
  CAST(covered_cost AS DECIMAL(38, 10)) AS covered_cost,
  CASE WHEN rank <= $max_columns THEN 'tag_' || rank END AS column_name
FROM (
  SELECT
    key,
    SUM(unblended) AS covered_cost,
    row_number() OVER (ORDER BY SUM(row_count) DESC, key) AS rank
  FROM (SELECT unnest(map_keys(tags)) AS key, unblended, row_count FROM attribution_tag_sets)
  GROUP BY key
)`

const TAG_VALUES = `CREATE OR REPLACE TABLE attribution_tag_values AS
SELECT DISTINCT k.column_name, s.tags[k.key] AS value
FROM attribution_tag_sets AS s JOIN attribution_tag_keys AS k ON k.column_name IS NOT NULL
WHERE s.tags[k.key] IS NOT NULL`

export const CREATE_EMPTY_TAG_KEYS = `CREATE OR REPLACE TABLE attribution_tag_keys (
  key VARCHAR, covered_cost DECIMAL(38, 10), column_name VARCHAR)`

function createEnum(type: string, values: string): string {
  return `CREATE TYPE ${CACHE_STORE}.${type} AS ENUM (
  SELECT DISTINCT v FROM (${values}) AS t(v) WHERE v IS NOT NULL ORDER BY v)`
}

/** Runs every step; throws on the first failure (the caller records it). */
export async function buildCacheTables(
  engine: Engine,
  workDirectory: string,
  signal: AbortSignal,
): Promise<void> {
  const run = <T extends Row = Row>(sql: string, params: SqlParams = {}) =>
    engine.query<T>(sql, params, { signal })
  await run(GATHER_TAG_SETS)
  await run(GATHER_VALUES)
  await run(RANK_TAG_KEYS, { max_columns: MAX_CACHED_TAG_KEYS })
  await run(TAG_VALUES)
  await run(`ATTACH ${sqlString(join(workDirectory, CACHE_FILE))} AS ${CACHE_STORE}`)
  for (const column of TEXT_COLUMNS) {
    await run(createEnum(`e_${column}`, ENUM_VALUES[column]))
  }
  const tagColumns = await run<{ key: string; column_name: string }>(
    `SELECT key, column_name FROM attribution_tag_keys
     WHERE column_name IS NOT NULL ORDER BY column_name`,
  )
  for (const { column_name } of tagColumns) {
    // column_name is our own `tag_<n>`, never user text.
    await run(
      createEnum(
        `e_${column_name}`,
        `SELECT value FROM attribution_tag_values WHERE column_name = '${column_name}'`,
      ),
    )
  }
  const params: SqlParams = {}
  const tagSelect = tagColumns.map(({ key, column_name }) => {
    params[column_name] = key
    return `CAST(tags[$${column_name}] AS ${CACHE_STORE}.e_${column_name}) AS ${column_name}`
  })
  const textSelect = TEXT_COLUMNS.map((c) => `CAST(${c} AS ${CACHE_STORE}.e_${c}) AS ${c}`)
  // Same values either way (DECIMAL(18,10) holds anything under 1e8; 1e7 leaves room); a 64-bit
  // decimal just sums several times faster than a 128-bit one.
  const [{ usage_fits_int64: narrow }] = await run<{ usage_fits_int64: boolean | null }>(
    'SELECT usage_fits_int64 FROM attribution_values',
  )
  const usage = narrow === false ? 'usage' : 'CAST(usage AS DECIMAL(18, 10)) AS usage'
  await run(
    `CREATE TABLE ${CACHE_STORE}.facts AS
SELECT
  ${[...textSelect, 'usage_day', ...tagSelect].join(',\n  ')},
  unblended, net, amortized, ondemand, ${usage}, tokens
FROM ${tagColumns.length ? 'attribution_rows_tagged' : 'attribution_rows'}`,
    params,
  )
  const [check] = await run<{ same: boolean }>(
    `SELECT
  (SELECT count(*) FROM ${CACHE_STORE}.facts) = (SELECT count(*) FROM cur)
  AND (SELECT SUM(unblended) FROM ${CACHE_STORE}.facts)
      IS NOT DISTINCT FROM (SELECT SUM(unblended_cost) FROM cur) AS same`,
  )
  if (!check?.same) throw new Error('The attribution cache does not reconcile to the source rows.')
}
