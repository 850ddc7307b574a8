// A breakdown as an Excel workbook: a Breakdown sheet (one column per dimension, the period when
// the query has a time grain, the figure as a number) with the total below it, and an About sheet
// saying what was asked (metric, dimensions, filters, top N) of which files. Empty groups carry
// the CLI's labels (core/format/empty-group.ts); the figure is money in the export's
// currency, usage with decimals, tokens whole. Dated from the export's last billing period.
import type { BreakdownQuery, BreakdownResult, Dimension, Filter, Metric } from '../api.js'
import { COST_METRICS } from '../api-values.js'
import { emptyGroupLabel } from '../format/empty-group.js'
import { toXlsx, type XlsxCell, type XlsxColumnType, type XlsxSheet } from '../format/xlsx.js'
import type { AttributedRows, ReadOptions } from '../rows/attributed-rows.js'
import { breakdown } from './breakdown.js'

const isCost = (metric: Metric) => (COST_METRICS as readonly string[]).includes(metric)
/** `cost` for the cost metrics, else the metric's own name (`usage`, `tokens`). */
const valueName = (metric: Metric) => (isCost(metric) ? 'cost' : metric)
/** Money in the currency format, usage with decimals, counts (tokens) whole. */
const valueType = (metric: Metric): XlsxColumnType =>
  isCost(metric) ? 'money' : metric === 'usage' ? 'number' : 'integer'

export async function breakdownWorkbook(
  rows: AttributedRows,
  query: BreakdownQuery,
  options: ReadOptions = {},
): Promise<Uint8Array> {
  const result = await breakdown(rows, query, options)
  const { info } = rows.dataset
  const last = /^(\d{4})-(\d{2})$/.exec(info.billingPeriods.at(-1) ?? '')
  const date = last ? new Date(Date.UTC(Number(last[1]), Number(last[2]) - 1, 1)) : new Date(0)
  return toXlsx(
    breakdownSheets(
      result,
      query,
      info.files.map((f) => f.path),
    ),
    {
      currency: info.currency,
      date,
    },
  )
}

function breakdownSheets(
  result: BreakdownResult,
  query: BreakdownQuery,
  sources: string[],
): XlsxSheet[] {
  const text = (name: string) => ({ name, type: 'text' as const })
  const timed = result.rows.some((r) => r.period !== undefined)
  const columns = [
    ...result.dimensions.map(text),
    ...(timed ? [text('period')] : []),
    { name: valueName(result.metric), type: valueType(result.metric) },
  ]
  const label = (row: BreakdownResult['rows'][number], d: Dimension, i: number) => {
    if (row.under !== undefined)
      return i === 0
        ? `(${row.under} ${row.under === 1 ? 'group' : 'groups'} under ${query.minAmount})`
        : null
    return row.other ? '(other)' : (row.keys[i] ?? emptyGroupLabel(d))
  }
  const body: XlsxCell[][] = result.rows.map((row) => [
    ...result.dimensions.map((d, i) => label(row, d, i)),
    ...(timed ? [row.period ?? null] : []),
    row.value,
  ])
  const total = {
    columns: [text('total'), { name: valueName(result.metric), type: valueType(result.metric) }],
    rows: [['all groups', result.total]],
  }
  const about = {
    columns: [text('field'), text('value')],
    rows: [
      ['tool', 'CUR Lens'],
      ['metric', result.metric],
      ['dimensions', result.dimensions.join(', ')],
      ['time grain', query.timeGrain ?? null],
      ['top', query.topN === undefined ? null : String(query.topN)],
      ['minimum amount', query.minAmount ?? null],
      ...(query.filters ?? []).map((f) => ['filter', filterText(f)]),
      ...sources.map((path) => ['source file', path]),
    ],
  }
  return [
    { name: 'Breakdown', tables: [{ columns, rows: body }, total] },
    { name: 'About', tables: [about] },
  ]
}

/** "service is one of Amazon Bedrock, AWS Lambda", or for a range of days "day from … to …". */
function filterText(f: Filter): string {
  if (f.range) {
    const { from, to } = f.range
    const ends = [from && `from ${from}`, to && `to ${to}`].filter(Boolean).join(' ')
    return `${f.dimension}${f.exclude ? ' not' : ''} ${ends}`
  }
  const values = f.values.map((v) => v ?? emptyGroupLabel(f.dimension)).join(', ')
  return `${f.dimension} ${f.exclude ? 'is none of' : 'is one of'} ${values}`
}
