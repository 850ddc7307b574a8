// Exact money arithmetic for chargeback: amounts are BigInt in units of 1e-10 (DuckDB's
// DECIMAL(38,10) scale), never floats. Rounding to cents happens once, at the end, by largest
// remainder, so that rounded parts always add up to their rounded whole; ties go to the key that
// sorts first (code-point order), which makes every result deterministic.
import { CurLensError } from '../errors/curlens-error.js'

export const DECIMALS = 10
export const UNITS_PER_CENT = 10n ** BigInt(DECIMALS - 2)

/** "-12.3400000000" → -123400000000n. Accepts any plain decimal with at most 10 decimals. */
export function parseUnits(text: string): bigint {
  const m = /^(-)?(\d*)(?:\.(\d*))?$/.exec(text.trim())
  if (!m || (m[2] === '' && !m[3]) || (m[3]?.length ?? 0) > DECIMALS) {
    throw new CurLensError('INTERNAL', `Not a decimal amount: "${text}"`)
  }
  const digits = (m[2] || '0') + (m[3] ?? '').padEnd(DECIMALS, '0')
  const value = BigInt(digits)
  return m[1] ? -value : value
}

/** Units → exact decimal string with 10 decimals, the API's Money. */
export function formatUnits(units: bigint): string {
  return formatScaled(units, DECIMALS)
}

/** Cents → "-1.25", "0.00": a canonical numeric string (`^-?\d+\.\d{2}$`). */
export function formatCents(cents: bigint): string {
  return formatScaled(cents, 2)
}

function formatScaled(value: bigint, decimals: number): string {
  const negative = value < 0n
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, '0')
  const whole = digits.slice(0, digits.length - decimals)
  const fraction = digits.slice(digits.length - decimals)
  return `${negative ? '-' : ''}${whole}.${fraction}`
}

/** Units → cents, half away from zero (commercial rounding). */
export function roundToCents(units: bigint): bigint {
  const negative = units < 0n
  const abs = negative ? -units : units
  const cents = (abs + UNITS_PER_CENT / 2n) / UNITS_PER_CENT
  return negative ? -cents : cents
}

export function sum(values: Iterable<bigint>): bigint {
  let total = 0n
  for (const v of values) total += v
  return total
}

/** One part of a whole to round: its exact quota is `numerator / denominator` cents. */
export interface Quota {
  key: string
  numerator: bigint
}

/**
 * Rounds each quota (numerator / denominator cents, denominator > 0) to whole cents so that the
 * results add up to `target`. Each part gets its floor, then the missing cents go one by one to the
 * largest remainders (ties: smaller key first). Returns cents by key, in the input order.
 */
export function apportion(
  quotas: Quota[],
  denominator: bigint,
  target: bigint,
): Map<string, bigint> {
  if (denominator <= 0n) throw new CurLensError('INTERNAL', 'apportion: denominator must be > 0')
  const result = new Map<string, bigint>()
  if (quotas.length === 0) {
    if (target !== 0n) throw new CurLensError('INTERNAL', 'apportion: nothing to round onto')
    return result
  }
  const parts = quotas.map((q) => {
    const floor = floorDiv(q.numerator, denominator)
    return { key: q.key, floor, remainder: q.numerator - floor * denominator }
  })
  let missing = target - sum(parts.map((p) => p.floor))
  for (const p of parts) result.set(p.key, p.floor)
  const byKey = (a: { key: string }, b: { key: string }) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : 0
  const order = [...parts].sort((a, b) =>
    a.remainder === b.remainder ? byKey(a, b) : a.remainder > b.remainder ? -1 : 1,
  )
  // A target more than one cent per part away from the floors only arises from inconsistent
  // inputs; cycling keeps the sum exact even then.
  const step = missing >= 0n ? 1n : -1n
  const sequence = missing >= 0n ? order : [...order].reverse()
  for (let i = 0; missing !== 0n; i = (i + 1) % sequence.length) {
    const key = sequence[i].key
    result.set(key, (result.get(key) ?? 0n) + step)
    missing -= step
  }
  return result
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q
}
