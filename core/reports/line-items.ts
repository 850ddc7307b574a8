// Line-item drill-down: the rows behind any breakdown group (same filters, same dimension map),
// one page at a time, with the columns a user needs to check a figure against the bill. Always
// read from the live view: the cache keeps no line items. `page` is 0-based.
import type { LineItemsQuery, LineItemsResult } from '../api.js'
import { CurLensError } from '../errors/curlens-error.js'
import type { Dataset } from '../sources/dataset.js'
import { LIVE_SOURCE, SqlParamBag, filterConditions, readsTags } from '../rows/dimensions.js'
import { resolveFilterValues } from '../rows/filter-values.js'
import { resolveTagNames } from '../rows/tag-names.js'
import { tagSetsSwitched } from '../rows/tag-sets-switch.js'

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

export async function lineItems(dataset: Dataset, query: LineItemsQuery): Promise<LineItemsResult> {
  const { page, pageSize } = query ?? {}
  if (!Number.isInteger(page) || page < 0) {
    throw new CurLensError('INVALID_QUERY', 'page must be a whole number from 0.')
  }
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new CurLensError('INVALID_QUERY', `pageSize must be from 1 to ${MAX_PAGE_SIZE}.`)
  }
  const filtersTags = readsTags({ filters: query.filters })
  if (filtersTags) await tagSetsSwitched(dataset)
  const resolved = await resolveTagNames(dataset.engine, query, LIVE_SOURCE)
  const filters = await resolveFilterValues(dataset.engine, resolved.filters)
  const bag = new SqlParamBag()
  const conditions = filterConditions(filters, LIVE_SOURCE, bag)
  const where = conditions.length > 0 ? conditions.join('\n  AND ') : 'true'
  const from = filtersTags ? 'attribution_rows_tagged' : 'attribution_rows'
  const countParams = { ...bag.params }
  const limit = bag.bind('limit', pageSize)
  const offset = bag.bind('offset', page * pageSize)
  const select = LINE_ITEM_COLUMNS.map(([name, sql]) => `${sql} AS ${name}`).join(',\n  ')
  const [rows, [count]] = await Promise.all([
    dataset.engine.query<Record<string, string | number | null>>(
      `SELECT
  ${select}
FROM ${from}
WHERE ${where}
ORDER BY unblended DESC NULLS LAST, usage_start, source_file, usage_type, resource_id, description
LIMIT ${limit} OFFSET ${offset}`,
      bag.params,
    ),
    dataset.engine.query<{ total_rows: string }>(
      `SELECT count(*) AS total_rows FROM ${from} WHERE ${where}`,
      countParams,
    ),
  ])
  return {
    columns: LINE_ITEM_COLUMNS.map(([name]) => name),
    rows,
    totalRows: Number(count.total_rows),
  }
}
