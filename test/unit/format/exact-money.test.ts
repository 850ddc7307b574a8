import { describe, expect, it } from 'vitest'
import {
  apportion,
  formatCents,
  formatUnits,
  parseUnits,
  roundToCents,
} from '../../../core/format/exact-money.js'

describe('exact money', () => {
  it('parses DuckDB decimals into units of 1e-10 and formats them back', () => {
    expect(parseUnits('142.3000000000')).toBe(1_423_000_000_000n)
    expect(parseUnits('-0.0000000001')).toBe(-1n)
    expect(parseUnits('5')).toBe(50_000_000_000n)
    expect(formatUnits(-1n)).toBe('-0.0000000001')
    expect(formatUnits(1_423_000_000_000n)).toBe('142.3000000000')
  })

  it('refuses text that is not a plain decimal with at most ten decimals', () => {
    expect(() => parseUnits('1e5')).toThrow()
    expect(() => parseUnits('0.00000000001')).toThrow()
    expect(() => parseUnits('')).toThrow()
  })

  it('formats cents as canonical numbers, negative credits included', () => {
    expect(formatCents(-125n)).toBe('-1.25')
    expect(formatCents(0n)).toBe('0.00')
    expect(formatCents(5n)).toBe('0.05')
    expect(formatCents(-5n)).toBe('-0.05')
    expect(formatCents(1_234_567n)).toBe('12345.67')
  })

  it('rounds half away from zero', () => {
    expect(roundToCents(parseUnits('0.005'))).toBe(1n)
    expect(roundToCents(parseUnits('0.0049999999'))).toBe(0n)
    expect(roundToCents(parseUnits('-0.005'))).toBe(-1n)
    expect(roundToCents(parseUnits('-1.234'))).toBe(-123n)
  })
})

describe('largest-remainder rounding', () => {
  it('splits 1.00 three ways into 0.34, 0.33, 0.33, the extra cent to the first name', () => {
    const parts = apportion(
      ['c', 'a', 'b'].map((key) => ({ key, numerator: 100n })),
      3n,
      100n,
    )
    expect(Object.fromEntries(parts)).toEqual({ a: 34n, b: 33n, c: 33n })
  })

  it('gives the missing cents to the largest remainders, whatever the names', () => {
    // quotas in cents: 10.7, 20.2, 30.1 → floors 10, 20, 30 = 60; target 61 → the 0.7 gets it
    const parts = apportion(
      [
        { key: 'a', numerator: 107n },
        { key: 'b', numerator: 202n },
        { key: 'c', numerator: 301n },
      ],
      10n,
      61n,
    )
    expect(Object.fromEntries(parts)).toEqual({ a: 11n, b: 20n, c: 30n })
  })

  it('handles negative quotas (credits) and still adds up to the target', () => {
    // -1.00 split three ways: quotas -33.33… cents each, floors -34, sum -102, target -100
    const parts = apportion(
      ['x', 'y', 'z'].map((key) => ({ key, numerator: -100n })),
      3n,
      -100n,
    )
    expect(Object.fromEntries(parts)).toEqual({ x: -33n, y: -33n, z: -34n })
  })

  it('adds up exactly even when the target is far from the quotas', () => {
    const parts = apportion(
      [
        { key: 'a', numerator: 1n },
        { key: 'b', numerator: 1n },
      ],
      1n,
      7n,
    )
    expect(parts.get('a')! + parts.get('b')!).toBe(7n)
  })
})
