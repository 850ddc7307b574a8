// Billing periods and days as people read them: "Jul 2026", "Jul – Sep 2026", "15 Jul 2026".
// Periods are calendar labels, not instants, so they are formatted in UTC to avoid shifting a day.
// Text that is not a period is returned unchanged rather than hidden.

const MONTH = /^(\d{4})-(\d{2})$/
const DAY = /^(\d{4})-(\d{2})-(\d{2})/

function monthDate(period: string): Date | null {
  const match = MONTH.exec(period)
  if (!match) return null
  const month = Number(match[2])
  if (month < 1 || month > 12) return null
  return new Date(Date.UTC(Number(match[1]), month - 1, 1))
}

/** "Jul 2026" (or "July 2026" with style long). */
export function formatPeriod(
  period: string,
  locale?: string,
  style: 'short' | 'long' = 'short',
): string {
  const date = monthDate(period)
  if (!date) return period
  return new Intl.DateTimeFormat(locale, { month: style, year: 'numeric', timeZone: 'UTC' }).format(
    date,
  )
}

/** First to last of a list of YYYY-MM periods: "Jul – Sep 2026"; a single period alone. */
export function formatPeriodRange(periods: readonly string[], locale?: string): string {
  const sorted = periods.filter((p) => monthDate(p)).sort()
  if (sorted.length === 0) return periods.join(', ')
  const first = monthDate(sorted[0]) as Date
  const last = monthDate(sorted[sorted.length - 1]) as Date
  const format = new Intl.DateTimeFormat(locale, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  })
  return first.getTime() === last.getTime() ? format.format(first) : format.formatRange(first, last)
}

/** "15 Jul 2026" in the locale's order, for YYYY-MM-DD (a time part is ignored). */
export function formatDay(day: string, locale?: string): string {
  const match = DAY.exec(day)
  if (!match) return day
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  if (Number.isNaN(date.getTime())) return day
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date)
}

/** Month or day label for a breakdown period column. */
export function formatPeriodOrDay(value: string, locale?: string): string {
  return MONTH.test(value) ? formatPeriod(value, locale) : formatDay(value, locale)
}

/** "Jul 15": a day without its year, for dense chart axes. */
export function formatDayShort(day: string, locale?: string): string {
  const match = DAY.exec(day)
  if (!match) return day
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  if (Number.isNaN(date.getTime())) return day
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(date)
}
