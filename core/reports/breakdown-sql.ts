// A BreakdownQuery as a grouped read of the attributed rows (core/rows) and the statement around
// it: up to three dimensions (plus a period for time series), groups outside the top N of the first
// dimension folded into one `(other)` row per period, groups below the minimum amount summed into
// one `under` row per period, and one total row. Every value is an exact
// DECIMAL (or whole-token) sum and every row falls into exactly one group, NULL keys included, so
// the total equals the sum of the rows to the last digit.
import type { BreakdownQuery } from '../api.js'
import type { SqlParams } from '../engine/duckdb.js'
import { CurLensError } from '../errors/curlens-error.js'
import {
  FLAT_DIMENSION_COLUMNS,
  SqlParamBag,
  dimensionRead,
  metricColumn,
  metricOutputType,
  parseDimension,
} from '../rows/dimensions.js'
import { validateFilters, type GroupedRead } from '../rows/grouped-rows.js'

export const MAX_DIMENSIONS = 3
/** A topN above this keeps every group, as one above the number of groups does. */
export const MAX_TOP_N = 10_000

export interface BreakdownSql {
  read: GroupedRead
  /** The statement around the grouped rows. */
  outer(groups: string): string
  params: SqlParams
  /** Output columns holding the group keys, in the query's dimension order. */
  keyColumns: string[]
}

export function validateBreakdownQuery(query: BreakdownQuery): void {
  if (!query || !Array.isArray(query.dimensions)) {
    throw new CurLensError('INVALID_QUERY', 'A breakdown needs a list of dimensions.')
  }
  const count = query.dimensions.length
  if (count < 1 || count > MAX_DIMENSIONS) {
    throw new CurLensError(
      'INVALID_QUERY',
      `A breakdown takes 1 to ${MAX_DIMENSIONS} dimensions; got ${count}.`,
    )
  }
  for (const dimension of query.dimensions) parseDimension(dimension)
  if (new Set(query.dimensions).size !== count) {
    throw new CurLensError('INVALID_QUERY', 'Each dimension may appear only once in a breakdown.')
  }
  metricColumn(query.metric)
  validateFilters(query.filters)
  const { topN, timeGrain } = query
  if (topN !== undefined && !(Number.isInteger(topN) && topN >= 1)) {
    throw new CurLensError('INVALID_QUERY', 'topN must be a whole number from 1.')
  }
  const { minAmount } = query
  if (
    minAmount !== undefined &&
    !(typeof minAmount === 'string' && /^\d+(\.\d+)?$/.test(minAmount))
  ) {
    throw new CurLensError('INVALID_QUERY', 'minAmount is a decimal number from 0, e.g. "0.01".')
  }
  if (timeGrain !== undefined && !['month', 'week', 'day'].includes(timeGrain)) {
    throw new CurLensError('INVALID_QUERY', 'timeGrain must be "month", "week" or "day".')
  }
}

export function buildBreakdownSql(query: BreakdownQuery): BreakdownSql {
  validateBreakdownQuery(query)
  const bag = new SqlParamBag()
  const keyColumns = query.dimensions.map((_, i) => `key_${i}`)
  const columns = query.dimensions.map((d, i) => ({ name: keyColumns[i], read: dimensionRead(d) }))
  if (query.timeGrain) {
    columns.push({ name: 'period', read: { column: FLAT_DIMENSION_COLUMNS[query.timeGrain] } })
  }
  const metric = metricColumn(query.metric)
  const read: GroupedRead = {
    columns,
    filters: query.filters,
    metrics: [metric],
    // Rows without tokens (non-Bedrock, images, throughput hours, credits) form no token group.
    billsTokens: query.metric === 'tokens',
  }
  const groupKeys = query.timeGrain ? [...keyColumns, 'period'] : keyColumns
  const valueType = metricOutputType(query.metric)
  const folding = query.topN !== undefined && query.topN <= MAX_TOP_N
  const topN = folding ? bag.bind('top_n', query.topN!) : ''
  const minAmount = query.minAmount === undefined ? null : bag.bind('min_amount', query.minAmount)
  const kept = (column: string) => `CASE WHEN r.rank > ${topN} THEN NULL ELSE g.${column} END`
  const order = [
    'is_total',
    ...(query.timeGrain ? ['period ASC'] : []),
    'under ASC',
    'value DESC',
    ...keyColumns.map((k) => `${k} ASC NULLS LAST`),
  ]
  const outer = (groups: string) => {
    const ctes = [
      `grouped AS (
  SELECT ${groupKeys.join(', ')}, COALESCE(${metric}, 0) AS value FROM (${groups})
)`,
    ]
    if (folding) {
      ctes.push(
        `ranks AS (
  SELECT
    key_0,
    row_number() OVER (ORDER BY SUM(value) DESC, CAST(key_0 AS VARCHAR) ASC NULLS LAST) AS rank
  FROM grouped
  GROUP BY key_0
)`,
        `folded AS (
  SELECT
    r.rank > ${topN} AS other,
    ${keyColumns.map((k) => `${kept(k)} AS ${k}`).join(',\n    ')},
    ${query.timeGrain ? 'g.period,' : ''}
    SUM(g.value) AS value
  FROM grouped AS g JOIN ranks AS r ON g.key_0 IS NOT DISTINCT FROM r.key_0
  GROUP BY ALL
)`,
      )
    }
    ctes.push(
      `listed AS (
  SELECT ${folding ? 'other' : 'false AS other'}, ${groupKeys.join(', ')}, value,
    ${minAmount === null ? 'false' : `${folding ? 'NOT other AND ' : ''}abs(value) < CAST(${minAmount} AS DECIMAL(38, 10))`} AS under
  FROM ${folding ? 'folded' : 'grouped'}
)`,
    )
    const asText = groupKeys.map((k) => `CAST(${k} AS VARCHAR) AS ${k}`).join(', ')
    const nulls = groupKeys.map((k) => `NULL AS ${k}`).join(', ')
    const underKeys = keyColumns.map((k) => `NULL AS ${k}`)
    const underPeriod = query.timeGrain ? ['CAST(period AS VARCHAR) AS period'] : []
    return `WITH ${ctes.join(',\n')}
SELECT false AS is_total, other, 0 AS under, ${asText}, CAST(value AS ${valueType}) AS value
FROM listed WHERE NOT under
UNION ALL
SELECT false, false, count(*), ${[...underKeys, ...underPeriod].join(', ')}, CAST(SUM(value) AS ${valueType})
FROM listed WHERE under ${query.timeGrain ? 'GROUP BY period' : 'HAVING count(*) > 0'}
UNION ALL
SELECT true, false, 0, ${nulls}, CAST(COALESCE(SUM(value), 0) AS ${valueType}) FROM grouped
ORDER BY ${order.join(', ')}`
  }
  return { read, outer, params: bag.params, keyColumns }
}
