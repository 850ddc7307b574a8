// Turns a breakdown into bars for the chart: one bar per group of the first dimension (top N and
// "(other)" last), stacked by the second dimension or by month. Values become numbers here only
// to size the bars; the figures people read come from the engine's decimal strings.
import type { BreakdownResult } from '../../../core/api.js'
import { toDisplayNumber } from '../../../core/format/decimal.js'
import { groupId } from './group-id.js'
import type { ChartStack } from './explore-state.js'

/** Series beyond this many are folded into one "(other)" series so the legend stays readable. */
export const MAX_SERIES = 8
/** Bars beyond this many are folded into the "(other)" bar: the table still lists every group. */
export const MAX_BARS = 40
export const OTHER_SERIES = '\u0000other'
export const TOTAL_SERIES = 'value'

export interface ChartModel {
  /** One datum per bar: `group` is the bar's id, every other field a series value. */
  data: Array<Record<string, string | number>>
  /** Series ids in stacking order. */
  keys: string[]
}

function seriesOf(row: BreakdownResult['rows'][number], stack: ChartStack): string {
  if (stack === 'month') return row.period ?? ''
  if (stack === 'dimension') return groupId(row.keys[1] ?? null, false)
  return TOTAL_SERIES
}

/** Bars in time order when the first dimension is a month, week or day, else largest first. */
export function buildChartModel(result: BreakdownResult, stack: ChartStack): ChartModel {
  const chronological = ['month', 'week', 'day'].includes(result.dimensions[0])
  const bars = new Map<string, Map<string, number>>()
  const barTotals = new Map<string, number>()
  const seriesTotals = new Map<string, number>()
  for (const row of result.rows) {
    // Groups under the minimum amount are too small to draw: their sum joins "(other)".
    const bar = groupId(row.keys[0] ?? null, Boolean(row.other) || row.under !== undefined)
    const series = seriesOf(row, stack)
    const value = toDisplayNumber(row.value)
    const cells = bars.get(bar) ?? new Map<string, number>()
    cells.set(series, (cells.get(series) ?? 0) + value)
    bars.set(bar, cells)
    barTotals.set(bar, (barTotals.get(bar) ?? 0) + value)
    seriesTotals.set(series, (seriesTotals.get(series) ?? 0) + Math.abs(value))
  }

  let keys = [...seriesTotals.keys()]
  if (stack === 'month') keys.sort()
  else keys.sort((a, b) => (seriesTotals.get(b) ?? 0) - (seriesTotals.get(a) ?? 0))
  const folded = stack === 'dimension' && keys.length > MAX_SERIES
  const kept = new Set(folded ? keys.slice(0, MAX_SERIES - 1) : keys)
  if (folded) keys = [...kept, OTHER_SERIES]

  const otherBar = groupId(null, true)
  let order = [...bars.keys()].sort((a, b) => {
    const otherA = a === otherBar
    const otherB = b === otherBar
    if (otherA !== otherB) return otherA ? 1 : -1
    if (chronological) return a < b ? -1 : a > b ? 1 : 0
    return (barTotals.get(b) ?? 0) - (barTotals.get(a) ?? 0)
  })
  if (!chronological && order.length > MAX_BARS) {
    const rest = order.slice(MAX_BARS - 1)
    const into = bars.get(otherBar) ?? new Map<string, number>()
    for (const bar of rest) {
      if (bar === otherBar) continue
      for (const [series, value] of bars.get(bar) ?? [])
        into.set(series, (into.get(series) ?? 0) + value)
    }
    bars.set(otherBar, into)
    order = [...order.slice(0, MAX_BARS - 1), otherBar]
  }

  const data = order.map((bar) => {
    const datum: Record<string, string | number> = { group: bar }
    for (const [series, value] of bars.get(bar) ?? []) {
      const key = kept.has(series) ? series : OTHER_SERIES
      datum[key] = ((datum[key] as number | undefined) ?? 0) + value
    }
    return datum
  })
  return { data, keys }
}
