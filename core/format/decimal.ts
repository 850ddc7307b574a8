// Decimal strings (Money) without floating point where it matters: validation, sign tests and
// ordering are exact on the digits. Conversion to a JS number exists only for display geometry
// (bar heights, shares of a total) and is never summed back into money.

const DECIMAL = /^([-+]?)(\d+)(?:\.(\d+))?$/

interface ParsedDecimal {
  negative: boolean
  integer: string
  fraction: string
}

function parse(value: string): ParsedDecimal | null {
  const match = DECIMAL.exec(value.trim())
  if (!match) return null
  const integer = match[2].replace(/^0+(?=\d)/, '')
  const fraction = (match[3] ?? '').replace(/0+$/, '')
  const zero = integer === '0' && fraction === ''
  return { negative: match[1] === '-' && !zero, integer, fraction }
}

/** True for plain decimal text such as "12", "-0.5" or "1234.5600000000". */
export function isDecimal(value: string): boolean {
  return parse(value) !== null
}

/** -1, 0 or 1, read from the digits; non-decimal text counts as 0. */
export function decimalSign(value: string): -1 | 0 | 1 {
  const parsed = parse(value)
  if (!parsed) return 0
  if (parsed.negative) return -1
  return parsed.integer === '0' && parsed.fraction === '' ? 0 : 1
}

function compareMagnitude(a: ParsedDecimal, b: ParsedDecimal): number {
  if (a.integer.length !== b.integer.length) return a.integer.length < b.integer.length ? -1 : 1
  if (a.integer !== b.integer) return a.integer < b.integer ? -1 : 1
  const width = Math.max(a.fraction.length, b.fraction.length)
  const fa = a.fraction.padEnd(width, '0')
  const fb = b.fraction.padEnd(width, '0')
  if (fa === fb) return 0
  return fa < fb ? -1 : 1
}

/** Exact ordering of two decimal strings; text that is not a decimal sorts before any number. */
export function compareDecimal(a: string, b: string): number {
  const pa = parse(a)
  const pb = parse(b)
  if (!pa || !pb) return pa ? 1 : pb ? -1 : 0
  if (pa.negative !== pb.negative) return pa.negative ? -1 : 1
  const magnitude = compareMagnitude(pa, pb)
  return pa.negative ? -magnitude : magnitude
}

/** For display geometry only (chart heights, progress bars); 0 for text that is not a number. */
export function toDisplayNumber(value: string | number | null | undefined): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : 0
  if (value === null || value === undefined) return 0
  const n = Number(value)
  return Number.isFinite(n) ? n : 0
}

/** Share of `part` in `whole` for display (0..1 when both have the same sign); null when whole is 0. */
export function displayShare(part: string, whole: string): number | null {
  const w = toDisplayNumber(whole)
  if (w === 0 || decimalSign(whole) === 0) return null
  return toDisplayNumber(part) / w
}
