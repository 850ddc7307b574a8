// Exact decimal arithmetic for the tests' independent sums: decimal text (as a CSV holds it, with an
// optional exponent: "-9.8E-9") to units of 1e-10, rounded half away from zero like DuckDB's cast.
import { formatUnits } from '../../fixtures/money.js'

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/

export function decimalUnits(text: string): bigint {
  const match = DECIMAL_TEXT.exec(text.trim())
  if (!match || (match[2] === '' && !match[3])) throw new Error(`not a decimal: ${text}`)
  const [, sign, whole, fraction = '', exponent = '0'] = match
  const digits = BigInt(`${whole}${fraction}` || '0')
  const shift = Number(exponent) - fraction.length + 10
  let units: bigint
  if (shift >= 0) {
    units = digits * 10n ** BigInt(shift)
  } else {
    const divisor = 10n ** BigInt(-shift)
    units = (digits + divisor / 2n) / divisor
  }
  return sign === '-' ? -units : units
}

/** Sum of decimal texts, empty and "NULL" cells counting as nothing, formatted like DECIMAL(38,10). */
export function sumDecimals(values: readonly (string | undefined)[]): string {
  let total = 0n
  for (const value of values) {
    if (value === undefined || value === '' || value === 'NULL') continue
    total += decimalUnits(value)
  }
  return formatUnits(total)
}

export { formatUnits }
