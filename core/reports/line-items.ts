// Line-item drill-down: the rows behind any breakdown group (same filters, same dimension map),
// one page at a time, with the columns a user needs to check a figure against the bill. Always
// read from the live view: the cache keeps no line items. `page` is 0-based. Filtered by `user` or
// a log tag, it gives the usage-log records behind that share instead (log-records.ts).
import type { LineItemsQuery, LineItemsResult } from '../api.js'
import { CurLensError } from '../errors/curlens-error.js'
import type { AttributedRows } from '../rows/attributed-rows.js'
import { SqlParamBag } from '../rows/dimensions.js'
import { rowConditions } from '../rows/grouped-rows.js'
import { resolveNames } from '../rows/resolve-names.js'
import { filtersReadLogs, logRecords } from './log-records.js'

export const MAX_PAGE_SIZE = 10_000

/** Output column → SQL over `attribution_rows`, in display order. */
const LINE_ITEM_COLUMNS: readonly (readonly [string, string])[] = [
  ['period', 'billing_period'],
  ['usage_start', 'CAST(usage_start AS VARCHAR)'],
  ['account', 'account'],
  ['line_item_type', 'line_item_type'],
  ['service', 'service'],
  ['usage_type', 'usage_type'],
  ['operation', 'operation'],
  ['principal', 'principal_arn'],
  ['model', 'model'],
  ['token_type', 'token_type'],
  ['usage_amount', 'usage_amount'],
  ['pricing_unit', 'pricing_unit'],
  ['tokens', 'CAST(tokens AS VARCHAR)'],
  ['unblended_cost', 'unblended'],
  ['amortized_cost', 'amortized'],
  ['resource_id', 'resource_id'],
  ['description', 'description'],
  ['source_file', 'source_file'],
]

export async function lineItems(
  rows: AttributedRows,
  query: LineItemsQuery,
  signal?: AbortSignal,
): Promise<LineItemsResult> {
  const { page, pageSize } = query ?? {}
  if (!Number.isInteger(page) || page < 0) {
    throw new CurLensError('INVALID_QUERY', 'page must be a whole number from 0.')
  }
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new CurLensError('INVALID_QUERY', `pageSize must be from 1 to ${MAX_PAGE_SIZE}.`)
  }
  const { filters } = await resolveNames(rows, { filters: query.filters }, signal)
  if (filters && filtersReadLogs(filters)) return logRecords(rows, filters, page, pageSize, signal)
  // One row per line item: every row needs its principal, model and tags.
  await rows.complete(signal)
  const bag = new SqlParamBag()
  const conditions = rowConditions(filters, bag)
  const where = conditions.length > 0 ? conditions.join('\n  AND ') : 'true'
  const countParams = { ...bag.params }
  const limit = bag.bind('limit', pageSize)
  const offset = bag.bind('offset', page * pageSize)
  const select = LINE_ITEM_COLUMNS.map(([name, sql]) => `${sql} AS ${name}`).join(',\n  ')
  const [items, [count]] = await Promise.all([
    rows.engine.query<Record<string, string | number | null>>(
      `SELECT
  ${select}
FROM attribution_rows
WHERE ${where}
ORDER BY unblended DESC NULLS LAST, usage_start, source_file, usage_type, resource_id, description
LIMIT ${limit} OFFSET ${offset}`,
      bag.params,
      { signal },
    ),
    rows.engine.query<{ total_rows: string }>(
      `SELECT count(*) AS total_rows FROM attribution_rows WHERE ${where}`,
      countParams,
      { signal },
    ),
  ])
  return {
    columns: LINE_ITEM_COLUMNS.map(([name]) => name),
    rows: items,
    totalRows: Number(count.total_rows),
  }
}
