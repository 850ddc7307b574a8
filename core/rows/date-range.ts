// The date-range filter: `{ dimension: 'day', values: [], range: { from, to } }` keeps line items
// whose usage started on a day from `from` to `to`, both inclusive (YYYY-MM-DD, UTC, as `usage_day`
// reads usage start), either end open when absent. Rows without a usage start are outside every
// range. The one checker of such filters and the one SQL condition for them.
import type { DateRange, Filter } from '../api.js'
import { CurLensError } from '../errors/curlens-error.js'
import type { SqlParamBag } from './dimensions.js'

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDay(text: unknown): text is string {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}

/** Refuses a range on another dimension than `day`, beside values, with bad days or from > to. */
export function validateRange(filter: Filter): void {
  const range: unknown = filter.range
  if (range === undefined) return
  const invalid = (message: string) => new CurLensError('INVALID_QUERY', message)
  if (filter.dimension !== 'day') throw invalid('A date range filters the dimension day only.')
  if (filter.values.length > 0) throw invalid('A date-range filter takes no values.')
  if (typeof range !== 'object' || range === null) throw invalid('range is {from?, to?}.')
  const { from, to } = range as DateRange
  for (const [name, day] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (day !== undefined && !isIsoDay(day)) {
      throw invalid(
        `The range's ${name} must be a day written YYYY-MM-DD, not ${JSON.stringify(day)}.`,
      )
    }
  }
  if (from !== undefined && to !== undefined && from > to) {
    throw invalid(`The range starts (${from}) after it ends (${to}).`)
  }
}

/** Whether `expr`, a DATE, lies in the range (with exclude: outside it, or NULL). */
export function rangeCondition(
  range: DateRange,
  expr: string,
  exclude: boolean,
  bag: SqlParamBag,
): string {
  const ends = [
    range.from === undefined ? '' : `${expr} >= CAST(${bag.bind('from', range.from)} AS DATE)`,
    range.to === undefined ? '' : `${expr} <= CAST(${bag.bind('to', range.to)} AS DATE)`,
  ].filter(Boolean)
  const inside = ends.length > 0 ? `(${ends.join(' AND ')})` : `(${expr} IS NOT NULL)`
  return exclude ? `(${expr} IS NULL OR NOT ${inside})` : inside
}
