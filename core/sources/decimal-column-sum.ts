// The exact sum of one CSV column of decimal text, as DuckDB computes it: each value cast to
// DECIMAL(18,10) (rounded half away from zero at the 10th decimal), summed without loss. The Node
// scan of a CSV file feeds it the bytes of each value, so the file's own total needs no second read.
// AWS writes most values as plain decimals and tiny ones with an exponent (8.9E-9); anything else
// (spaces, a word) makes the sum unknown, and reconciliation then lets DuckDB read the column.
import { formatUnits } from '../format/exact-money.js'

const QUOTE = 0x22
const PLUS = 0x2b
const MINUS = 0x2d
const DOT = 0x2e
const ZERO = 0x30
const NINE = 0x39
const LOWER_E = 0x65
const UPPER_E = 0x45
const EXPONENT_FORM = /^([+-]?)(\d*)(?:\.(\d*))?[eE]([+-]?\d{1,4})$/
const UNITS_PER_ONE = 1e10
/** Values below this many whole units, and running totals below `FLUSH_AT`, stay exact as Numbers. */
const SMALL_WHOLE = 400_000
const FLUSH_AT = 4e15
/** DECIMAL(18,10) holds 8 whole digits; DuckDB refuses a larger value, and so does this sum. */
const MAX_WHOLE_DIGITS = 8

export class DecimalColumnSum {
  private total = 0n
  /** Units (1e-10) not yet added to `total`; exact because it stays below 2^53. */
  private pending = 0
  private known = true

  /** Adds the value held in `bytes[start, end)`; empty is NULL, which a sum skips. */
  add(bytes: Buffer, start: number, end: number): void {
    if (!this.known) return
    if (end - start >= 2 && bytes[start] === QUOTE && bytes[end - 1] === QUOTE) {
      start++
      end--
    }
    if (start === end) return
    let i = start
    const negative = bytes[i] === MINUS
    if (negative || bytes[i] === PLUS) i++
    let whole = 0
    let wholeDigits = 0
    for (; i < end && bytes[i] >= ZERO && bytes[i] <= NINE; i++, wholeDigits++) {
      whole = whole * 10 + (bytes[i] - ZERO)
    }
    let fraction = 0
    let fractionDigits = 0
    let roundAway = false
    if (i < end && bytes[i] === DOT) {
      for (i++; i < end && bytes[i] >= ZERO && bytes[i] <= NINE; i++, fractionDigits++) {
        if (fractionDigits < 10) fraction = fraction * 10 + (bytes[i] - ZERO)
        else if (fractionDigits === 10) roundAway = bytes[i] - ZERO >= 5
      }
    }
    if (i < end && (bytes[i] === LOWER_E || bytes[i] === UPPER_E)) {
      this.addExponentForm(bytes.toString('latin1', start, end))
      return
    }
    if (i !== end || wholeDigits + fractionDigits === 0 || wholeDigits > MAX_WHOLE_DIGITS) {
      this.known = false
      return
    }
    fraction = fraction * 10 ** (10 - Math.min(fractionDigits, 10)) + (roundAway ? 1 : 0)
    if (whole < SMALL_WHOLE) {
      if (Math.abs(this.pending) > FLUSH_AT) this.flush()
      const units = whole * UNITS_PER_ONE + fraction
      this.pending += negative ? -units : units
    } else {
      const units = BigInt(whole) * BigInt(UNITS_PER_ONE) + BigInt(fraction)
      this.total += negative ? -units : units
    }
  }

  /** A value known not to be plain decimal text (one too long to be an amount). */
  addNonDecimal(): void {
    this.known = false
  }

  /** The sum as DuckDB prints a DECIMAL(38,10), or undefined when a value was not plain decimal. */
  result(): string | undefined {
    if (!this.known) return undefined
    this.flush()
    return formatUnits(this.total)
  }

  /** 8.9E-9: the digits scaled by the exponent, rounded half away from zero at 10 decimals. */
  private addExponentForm(text: string) {
    const match = EXPONENT_FORM.exec(text)
    if (!match || match[2] + (match[3] ?? '') === '') {
      this.known = false
      return
    }
    const [, sign, whole, fraction = '', exponent] = match
    const digits = BigInt(whole + fraction)
    const shift = 10 - fraction.length + Number(exponent)
    let units: bigint
    if (shift >= 0) units = digits * 10n ** BigInt(shift)
    else {
      const divisor = 10n ** BigInt(-shift)
      units = digits / divisor + (2n * (digits % divisor) >= divisor ? 1n : 0n)
    }
    if (units >= 10n ** BigInt(MAX_WHOLE_DIGITS + 10)) {
      this.known = false
      return
    }
    this.total += sign === '-' ? -units : units
  }

  private flush() {
    this.total += BigInt(this.pending)
    this.pending = 0
  }
}
