import { describe, expect, it } from 'vitest'
import { createMoneyFormatter, formatMoney } from '../../../core/format/money.js'

const usd = { currency: 'USD', locale: 'en-US' }
// Intl separates some currency signs with a no-break space; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ')

describe('formatMoney', () => {
  it('formats an amount in the currency with grouping and two decimals', () => {
    expect(formatMoney('1234.5600000000', usd)).toBe('$1,234.56')
  })

  it('rounds half away from zero on the exact decimal, not on a float', () => {
    // 1.005 is 1.00499999999999989... as a double, so float rounding would give $1.00.
    expect(formatMoney('1.0050000000', usd)).toBe('$1.01')
    expect(formatMoney('-2.6750000000', usd)).toBe('-$2.68')
  })

  it('keeps amounts beyond double precision exact', () => {
    expect(formatMoney('90071992547409.9350000000', usd)).toBe('$90,071,992,547,409.94')
  })

  it('shows a negative credit with a minus sign and a tiny negative as zero', () => {
    expect(formatMoney('-125.4000000000', usd)).toBe('-$125.40')
    expect(formatMoney('-0.0000000001', usd)).toBe('$0.00')
  })

  it('follows the locale and the currency of the bill', () => {
    expect(plain(formatMoney('1234.5', { currency: 'EUR', locale: 'de-DE' }))).toBe('1.234,50 €')
    expect(formatMoney('1234.5', { currency: 'JPY', locale: 'en-US' })).toBe('¥1,235')
  })

  it('falls back to a number with the code when the currency is not a valid ISO code', () => {
    expect(formatMoney('3.5', { currency: 'US', locale: 'en-US' })).toBe('3.50 US')
    expect(formatMoney('3.5', { currency: '', locale: 'en-US' })).toBe('3.50')
  })

  it('returns text that is not a decimal unchanged instead of hiding it', () => {
    expect(formatMoney('n/a', usd)).toBe('n/a')
  })
})

describe('compact money', () => {
  it('shortens large amounts for chart axes', () => {
    const money = createMoneyFormatter(usd)
    expect(money.compact('1234567.89')).toBe('$1.2M')
    expect(money.compact(-1500)).toBe('-$1.5K')
    expect(money.compact('12')).toBe('$12')
  })
})
