// The change between two sides (two deliveries of an export, or two months of one) by up to three
// dimensions: each side is read as a breakdown of its own attributed rows, then the groups are
// matched on their keys and subtracted in exact integer units, largest absolute change first. A
// group one side lacks is 0 there. Totals per billing period come the same way.
import type {
  BreakdownResult,
  CompareFigures,
  CompareQuery,
  CompareResult,
  CompareRow,
  Dimension,
  Filter,
  GroupValue,
  Metric,
} from '../api.js'
import { formatUnits, parseUnits } from '../format/exact-money.js'
import type { ReadOptions } from '../rows/attributed-rows.js'
import { validateBreakdownQuery } from './breakdown-sql.js'
import { readBreakdown } from './breakdown.js'
import { resolveSides, type SideRows } from './compare-sides.js'

export async function compare(
  old: SideRows,
  next: SideRows,
  query: CompareQuery,
  options: ReadOptions = {},
): Promise<CompareResult> {
  validateBreakdownQuery({ dimensions: query?.by, metric: query.metric, filters: query.filters })
  const { metric } = query
  const resolved = await resolveSides([old, next], {
    dimensions: query.by,
    filters: query.filters,
  })
  const read = (side: SideRows, filters: Filter[], dimensions: Dimension[]) =>
    readBreakdown(side.rows, { dimensions, metric, filters }, options)
  const [oldGroups, newGroups, oldMonths, newMonths] = await Promise.all([
    read(old, resolved.filters[0], resolved.dimensions),
    read(next, resolved.filters[1], resolved.dimensions),
    read(old, resolved.filters[0], ['month']),
    read(next, resolved.filters[1], ['month']),
  ])
  const rows = matched(oldGroups, newGroups, metric).sort(
    (a, b) => compareUnits(abs(b.units), abs(a.units)) || compareKeys(a.keys, b.keys),
  )
  const byMonth = matched(oldMonths, newMonths, metric).sort((a, b) => compareKeys(a.keys, b.keys))
  return {
    by: query.by,
    metric,
    rows: rows.map(({ keys, figures }): CompareRow => ({ keys, ...figures })),
    byMonth: byMonth.map(({ keys, figures }) => ({ month: keys[0] ?? '', ...figures })),
    total: figures(oldGroups.total, newGroups.total, metric),
  }
}

interface Matched {
  keys: GroupValue[]
  figures: CompareFigures
  units: bigint
}

/** Every group of either side with its value on both. */
function matched(old: BreakdownResult, next: BreakdownResult, metric: Metric): Matched[] {
  const groups = new Map<string, { keys: GroupValue[]; old: string; new: string }>()
  for (const row of old.rows)
    groups.set(JSON.stringify(row.keys), { keys: row.keys, old: row.value, new: '0' })
  for (const row of next.rows) {
    const key = JSON.stringify(row.keys)
    const group = groups.get(key) ?? { keys: row.keys, old: '0', new: '0' }
    group.new = row.value
    groups.set(key, group)
  }
  return [...groups.values()].map((g) => {
    const result = figures(g.old, g.new, metric)
    return { keys: g.keys, figures: result, units: parseUnits(result.change) }
  })
}

/** Old and new as given, in the metric's form, and their exact difference. */
export function figures(old: string, next: string, metric: Metric): CompareFigures {
  const units = (value: string) => parseUnits(value)
  return {
    old: asMetric(units(old), metric),
    new: asMetric(units(next), metric),
    change: asMetric(units(next) - units(old), metric),
  }
}

/** Money and usage keep 10 decimals; tokens and counts are whole, as a breakdown gives them. */
function asMetric(units: bigint, metric: Metric): string {
  const text = formatUnits(units)
  return metric === 'tokens' || metric === 'count' ? text.slice(0, -11) : text
}

function abs(units: bigint): bigint {
  return units < 0n ? -units : units
}

function compareUnits(a: bigint, b: bigint): number {
  return a === b ? 0 : a < b ? -1 : 1
}

/** Keys in order, each as text, a null (the no-value group) after every value. */
function compareKeys(a: GroupValue[], b: GroupValue[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue
    if (a[i] === null) return 1
    if (b[i] === null) return -1
    return a[i]! < b[i]! ? -1 : 1
  }
  return 0
}
