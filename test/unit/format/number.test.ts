import { describe, expect, it } from 'vitest'
import {
  formatBytes,
  formatCompactNumber,
  formatNumber,
  formatPercent,
} from '../../../core/format/number.js'

describe('number formatting', () => {
  it('groups digits and limits decimals', () => {
    expect(formatNumber(1234567.891, 'en-US')).toBe('1,234,567.89')
    expect(formatNumber('98765432109876543210', 'en-US', 0)).toBe('98,765,432,109,876,543,210')
  })

  it('writes compact counts for axes', () => {
    expect(formatCompactNumber(2_500_000, 'en-US')).toBe('2.5M')
    expect(formatCompactNumber('950', 'en-US')).toBe('950')
  })

  it('writes shares as percentages and a dash when there is none', () => {
    expect(formatPercent(0.4256, 'en-US')).toBe('42.6%')
    expect(formatPercent(null, 'en-US')).toBe('—')
  })

  it('writes file sizes in decimal units', () => {
    expect(formatBytes(999, 'en-US')).toBe('999 bytes')
    expect(formatBytes(1, 'en-US')).toBe('1 byte')
    expect(formatBytes(12_345_678, 'en-US')).toBe('12.3 MB')
  })
})
