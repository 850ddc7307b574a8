import { describe, expect, it } from 'vitest'
import {
  compareDecimal,
  decimalSign,
  displayShare,
  isDecimal,
  toDisplayNumber,
} from '../../../core/format/decimal.js'

describe('decimal strings', () => {
  it('recognizes plain decimal text and rejects anything else', () => {
    expect(isDecimal('12')).toBe(true)
    expect(isDecimal('-0.5000000000')).toBe(true)
    expect(isDecimal('1e5')).toBe(false)
    expect(isDecimal('$12')).toBe(false)
    expect(isDecimal('')).toBe(false)
  })

  it('reads the sign from the digits, treating negative zero as zero', () => {
    expect(decimalSign('-0.0000000000')).toBe(0)
    expect(decimalSign('-0.0000000001')).toBe(-1)
    expect(decimalSign('0.0000000001')).toBe(1)
    expect(decimalSign('not a number')).toBe(0)
  })

  it('orders amounts exactly where floating point cannot tell them apart', () => {
    // Both parse to the same double.
    expect(Number('9007199254740993.0000000001')).toBe(Number('9007199254740993.0000000002'))
    expect(compareDecimal('9007199254740993.0000000001', '9007199254740993.0000000002')).toBe(-1)
  })

  it('orders negatives, zeros and different widths as numbers', () => {
    const sorted = ['10', '-2.5', '0.10', '-10', '2', '0', '-0.0', '2.0000000000'].sort(
      compareDecimal,
    )
    expect(sorted).toEqual(['-10', '-2.5', '0', '-0.0', '0.10', '2', '2.0000000000', '10'])
    expect(compareDecimal('007.50', '7.5')).toBe(0)
  })

  it('turns text into numbers only for display, with junk as zero', () => {
    expect(toDisplayNumber('12.5')).toBe(12.5)
    expect(toDisplayNumber('abc')).toBe(0)
    expect(toDisplayNumber(null)).toBe(0)
  })

  it('gives a share of a total, or null when the total is zero', () => {
    expect(displayShare('25', '100')).toBe(0.25)
    expect(displayShare('1', '0.0000000000')).toBeNull()
  })
})
