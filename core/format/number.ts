// Counts, usage quantities, shares and sizes in the user's locale. Numbers arrive either as JS
// numbers or as decimal strings (BIGINT/DECIMAL from the engine); strings are formatted exactly.
import { isDecimal, toDisplayNumber } from './decimal.js'

type NumericText = `${number}`

function exactInput(value: number | string): number | NumericText {
  if (typeof value === 'number') return value
  return isDecimal(value) ? (value.trim() as NumericText) : toDisplayNumber(value)
}

/** "1,234,567" or "12.35": at most `maximumFractionDigits` decimals (default 2). */
export function formatNumber(
  value: number | string,
  locale?: string,
  maximumFractionDigits = 2,
): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits, signDisplay: 'negative' }).format(
    exactInput(value),
  )
}

/** "1.2K", "3.4M": for axes and dense cards. */
export function formatCompactNumber(value: number | string, locale?: string): string {
  return new Intl.NumberFormat(locale, {
    notation: 'compact',
    maximumFractionDigits: 1,
    signDisplay: 'negative',
  }).format(toDisplayNumber(value))
}

/** A 0..1 ratio as "42.5%"; "—" when there is no ratio. */
export function formatPercent(ratio: number | null, locale?: string, fractionDigits = 1): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—'
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(ratio)
}

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const

/** "12.3 MB" (decimal units, as file managers show them). */
export function formatBytes(bytes: number, locale?: string): string {
  let value = Math.max(0, bytes)
  let unit = 0
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000
    unit += 1
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: BYTE_UNITS[unit],
    // The short form of a plain byte count reads "999 byte" in English; the long one "999 bytes".
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value)
}
