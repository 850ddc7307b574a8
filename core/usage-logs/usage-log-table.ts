// Builds `usage_log` from the records staged as JSON lines in the work directory: one row per
// (source, request_id), the first occurrence by file order and line kept, so a record delivered in
// two files counts once. The staged file is read with a bound path into a table of its own name,
// so two loads never share one; usage_log, exactly the columns of usage-log-columns.ts, is then
// replaced in one statement.
import { randomUUID } from 'node:crypto'
import type { Engine, SqlParams } from '../engine/duckdb.js'
import { USAGE_LOG_COLUMNS } from './usage-log-columns.js'

/** The staged line: a usage_log row (ts_utc as text) plus where it came from. */
export interface StagedRow {
  source: string
  file_index: number
  line: number
  request_id: string
  ts_utc: string
  principal_arn: string | null
  end_user: string | null
  team: string | null
  tags: Record<string, string>
  model_raw: string
  model_key: string
  cross_region: string | null
  region: string | null
  account_id: string | null
  input_tokens: number
  cache_read_tokens: number
  cache_write_tokens: number
  output_tokens: number
  est_cost_usd: string | null
}

const STAGED_TYPES = [
  ...USAGE_LOG_COLUMNS.filter((c) => c.name !== 'ok'),
  { name: 'file_index', type: 'INTEGER' },
  { name: 'line', type: 'BIGINT' },
]

const COLUMN_NAMES = USAGE_LOG_COLUMNS.map((c) => c.name).join(', ')

/** Loads the staged rows; returns the duplicates dropped, by file index. */
export async function createUsageLog(
  engine: Engine,
  stagedPath: string | undefined,
): Promise<Map<number, number>> {
  const columns = STAGED_TYPES.map((c) => `${c.name}: '${c.type}'`).join(', ')
  const staged = stagedPath
    ? `read_json($path, format = 'newline_delimited', columns = {${columns}})`
    : `(SELECT ${STAGED_TYPES.map((c) => `CAST(NULL AS ${c.type}) AS ${c.name}`).join(', ')} LIMIT 0)`
  const params: SqlParams = stagedPath ? { path: stagedPath } : {}
  const table = `usage_log_staged_${randomUUID().replaceAll('-', '')}`
  try {
    await engine.query(
      `CREATE TABLE ${table} AS
       SELECT *, true AS ok,
         row_number() OVER (PARTITION BY source, request_id ORDER BY file_index, line) AS occurrence
       FROM ${staged}`,
      params,
    )
    const duplicates = await engine.query<{ file_index: number; duplicates: string }>(
      `SELECT file_index, count(*) AS duplicates FROM ${table}
       WHERE occurrence > 1 GROUP BY file_index`,
    )
    await engine.query(
      `CREATE OR REPLACE TABLE usage_log AS
       SELECT ${COLUMN_NAMES} FROM ${table} WHERE occurrence = 1
       ORDER BY ts_utc, source, request_id`,
    )
    return new Map(duplicates.map((d) => [d.file_index, Number(d.duplicates)]))
  } finally {
    await engine.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined)
  }
}
