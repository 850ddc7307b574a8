// Money for people: a decimal-string amount formatted in the user's locale and the bill's currency.
// Intl.NumberFormat formats the decimal string itself (exact rounding, no float detour); only the
// compact axis style goes through a number. Display only: nothing here feeds back into arithmetic.
import { isDecimal, toDisplayNumber } from './decimal.js'

export interface MoneyFormatOptions {
  /** ISO 4217 code from the export, e.g. "USD". Empty or unknown codes fall back to a plain number. */
  currency: string
  /** BCP 47 tag; the runtime default when absent. */
  locale?: string
}

export interface MoneyFormatter {
  /** Full precision for the currency, e.g. "$1,234.57", "-$0.40". */
  format(amount: string): string
  /** Short form for chart axes and dense cards, e.g. "$1.2K", "1,2 Mio. €". */
  compact(amount: string | number): string
}

type NumericText = `${number}`

function currencyFormat(
  options: MoneyFormatOptions,
  extra: Intl.NumberFormatOptions,
): Intl.NumberFormat | null {
  try {
    return new Intl.NumberFormat(options.locale, {
      style: 'currency',
      currency: options.currency,
      signDisplay: 'negative',
      ...extra,
    })
  } catch {
    return null
  }
}

export function createMoneyFormatter(options: MoneyFormatOptions): MoneyFormatter {
  const full =
    currencyFormat(options, {}) ??
    new Intl.NumberFormat(options.locale, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
      signDisplay: 'negative',
    })
  const short =
    currencyFormat(options, {
      notation: 'compact',
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    }) ??
    new Intl.NumberFormat(options.locale, {
      notation: 'compact',
      maximumFractionDigits: 1,
      signDisplay: 'negative',
    })
  const suffix = currencyFormat(options, {}) ? '' : options.currency ? ` ${options.currency}` : ''

  return {
    format(amount) {
      if (!isDecimal(amount)) return amount
      return full.format(amount.trim() as NumericText) + suffix
    },
    compact(amount) {
      if (typeof amount === 'string' && !isDecimal(amount)) return amount
      return short.format(toDisplayNumber(amount)) + suffix
    },
  }
}

/** One-off formatting; prefer createMoneyFormatter in loops. */
export function formatMoney(amount: string, options: MoneyFormatOptions): string {
  return createMoneyFormatter(options).format(amount)
}
