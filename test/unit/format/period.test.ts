import { describe, expect, it } from 'vitest'
import {
  formatDay,
  formatDayShort,
  formatPeriod,
  formatPeriodOrDay,
  formatPeriodRange,
} from '../../../core/format/period.js'

const plain = (s: string) => s.replace(/[\u2009\u202f\u00a0]/g, ' ')

describe('period formatting', () => {
  it('writes a billing period as month and year', () => {
    expect(formatPeriod('2026-07', 'en-US')).toBe('Jul 2026')
    expect(formatPeriod('2026-07', 'en-US', 'long')).toBe('July 2026')
  })

  it('does not shift the month in time zones west of UTC', () => {
    expect(formatPeriod('2026-01', 'en-US')).toBe('Jan 2026')
  })

  it('writes a range of periods from first to last, whatever their order', () => {
    expect(plain(formatPeriodRange(['2026-09', '2026-07', '2026-08'], 'en-US'))).toBe(
      'Jul – Sep 2026',
    )
    expect(formatPeriodRange(['2026-07'], 'en-US')).toBe('Jul 2026')
  })

  it('writes days and keeps text that is not a date', () => {
    expect(formatDay('2026-07-15', 'en-US')).toBe('Jul 15, 2026')
    expect(formatPeriodOrDay('2026-07-15T00:00:00', 'en-US')).toBe('Jul 15, 2026')
    expect(formatPeriod('July', 'en-US')).toBe('July')
  })

  it('writes a day without its year for chart axes', () => {
    expect(formatDayShort('2026-07-15', 'en-US')).toBe('Jul 15')
    expect(formatDayShort('2026-07-15', 'de-DE')).toBe('15. Juli')
  })
})
