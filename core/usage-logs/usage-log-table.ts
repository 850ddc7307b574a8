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

/** usage_log's columns, read from the staged table `s`. */
const COLUMNS = USAGE_LOG_COLUMNS.map((c) => `s.${c.name}`).join(', ')

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
  const id = randomUUID().replaceAll('-', '')
  const table = `usage_log_staged_${id}`
  const firsts = `usage_log_firsts_${id}`
  try {
    await engine.query(`CREATE TABLE ${table} AS SELECT *, true AS ok FROM ${staged}`, params)
    // The first occurrence of each call by a grouped read, not a window over whole rows: a window
    // holds every row with its tags in memory, which millions of records overflow.
    await engine.query(
      `CREATE TABLE ${firsts} AS
       SELECT source, request_id, min({file_index: file_index, line: line}) AS first
       FROM ${table} GROUP BY ALL`,
    )
    const duplicates = await engine.query<{ file_index: number; duplicates: string }>(
      `SELECT s.file_index, count(*) AS duplicates
       FROM ${table} AS s JOIN ${firsts} AS f USING (source, request_id)
       WHERE {file_index: s.file_index, line: s.line} <> f.first
       GROUP BY s.file_index`,
    )
    await engine.query(
      `CREATE OR REPLACE TABLE usage_log AS
       SELECT ${COLUMNS}
       FROM ${table} AS s JOIN ${firsts} AS f USING (source, request_id)
       WHERE {file_index: s.file_index, line: s.line} = f.first`,
    )
    return new Map(duplicates.map((d) => [d.file_index, Number(d.duplicates)]))
  } finally {
    for (const name of [table, firsts]) {
      await engine.query(`DROP TABLE IF EXISTS ${name}`).catch(() => undefined)
    }
  }
}
