// Exact money for assertions: decimal strings summed as scaled integers, rounded to cents half away
// from zero (as Intl.NumberFormat shows them), and amounts read back from what the page displays.
const SCALE = 10

export function toUnits(decimal: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal.trim())
  if (!match) throw new Error(`Not a decimal: ${decimal}`)
  const [, sign, whole, fraction = ''] = match
  if (fraction.length > SCALE) throw new Error(`More than ${SCALE} decimals: ${decimal}`)
  const units = BigInt(whole + fraction.padEnd(SCALE, '0'))
  return sign ? -units : units
}

export function sumDecimals(values: string[]): bigint {
  return values.reduce((sum, v) => sum + toUnits(v), 0n)
}

/** Cents of an amount in units (10 decimals), rounded half away from zero. */
export function unitsToCents(units: bigint): bigint {
  const per = 10n ** BigInt(SCALE - 2)
  const negative = units < 0n
  const magnitude = negative ? -units : units
  const cents = (magnitude + per / 2n) / per
  return negative ? -cents : cents
}

export function centsOf(decimal: string): bigint {
  return unitsToCents(toUnits(decimal))
}

/** Cents of a displayed amount such as "$1,234.57", "-$0.40" or "($0.40)". */
export function displayedCents(text: string): bigint {
  const negative = /^[\s(]*[-−]|\(/.test(text)
  const digits = text.replace(/[^0-9.]/g, '')
  const match = /^(\d+)\.(\d{2})$/.exec(digits)
  if (!match) throw new Error(`Not a displayed amount with cents: "${text}"`)
  const cents = BigInt(match[1] + match[2])
  return negative ? -cents : cents
}
