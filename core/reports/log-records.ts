// Drill-down through the usage logs: the log records behind a user's (or a log tag's) share of
// Bedrock cost, a page at a time, for a line-item query that filters by `user` or `log-tag:`.
// A line item's cost may be split among several users, so its records, not its line items, are
// what lie behind one user's share. The other filters narrow them where the logs know the
// dimension (log-filters.ts: day and date range, week, month, model, account, role, …); filters on
// what the logs do not know (service, tags, …) do not narrow them.
import type { Filter, LineItemsResult } from '../api.js'
import { parseDimension, SqlParamBag } from '../rows/dimensions.js'
import type { AttributedRows } from '../rows/attributed-rows.js'
import { logConditions, loggedCallsCte } from './log-filters.js'

/** Output column → SQL over `calls`, in display order. */
const RECORD_COLUMNS: readonly (readonly [string, string])[] = [
  ['ts_utc', 'CAST(ts_utc AS VARCHAR)'],
  ['source', 'source'],
  ['request_id', 'request_id'],
  ['user', 'log_user'],
  ['principal', 'principal_arn'],
  ['model', 'model'],
  ['region', 'region'],
  ['input_tokens', 'input_tokens'],
  ['cache_read_tokens', 'cache_read_tokens'],
  ['cache_write_tokens', 'cache_write_tokens'],
  ['output_tokens', 'output_tokens'],
  ['estimated_cost', 'CAST(est_cost_usd AS VARCHAR)'],
  ['log_tags', 'CAST(log_tags AS VARCHAR)'],
]

/** Whether the filters read the usage logs' split, so the drill-down shows log records. */
export function filtersReadLogs(filters: readonly Filter[] | undefined): boolean {
  return (filters ?? []).some((f) => {
    const parsed = parseDimension(f.dimension)
    return parsed.kind === 'log-tag' || (parsed.kind === 'flat' && parsed.name === 'user')
  })
}

export async function logRecords(
  rows: AttributedRows,
  filters: readonly Filter[],
  page: number,
  pageSize: number,
  signal?: AbortSignal,
): Promise<LineItemsResult> {
  const bag = new SqlParamBag()
  const calls = await loggedCallsCte(rows.engine, bag, signal)
  const conditions = logConditions(filters, bag, false)
  const where = conditions.length > 0 ? conditions.join('\n  AND ') : 'true'
  const countParams = { ...bag.params }
  const limit = bag.bind('limit', pageSize)
  const offset = bag.bind('offset', page * pageSize)
  const select = RECORD_COLUMNS.map(([name, sql]) => `${sql} AS ${name}`).join(',\n  ')
  const records = await rows.engine.query<Record<string, string | number | null>>(
    `WITH ${calls}
SELECT
  ${select}
FROM calls
WHERE ${where}
ORDER BY ts_utc, source, request_id
LIMIT ${limit} OFFSET ${offset}`,
    bag.params,
    { signal },
  )
  const [count] = await rows.engine.query<{ total_rows: string }>(
    `WITH ${calls} SELECT count(*) AS total_rows FROM calls WHERE ${where}`,
    countParams,
    { signal },
  )
  return {
    columns: RECORD_COLUMNS.map(([name]) => name),
    rows: records,
    totalRows: Number(count.total_rows),
  }
}
