import { describe, expect, it } from 'vitest'
import { isSpreadsheetTimestamp, SPREADSHEET_ACCOUNT } from '../../../core/sources/spreadsheet.js'
import { timestampFormat, unreadableTimestamp } from '../../../core/sources/timestamp-text.js'

describe('the format a typed read of timestamps is told', () => {
  it('is written out in full for each UTC form the first row shows', () => {
    expect(timestampFormat(['2026-04-01T00:00:00.000Z'])).toBe('%Y-%m-%dT%H:%M:%S.%gZ')
    expect(timestampFormat(['2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z'])).toBe(
      '%Y-%m-%dT%H:%M:%SZ',
    )
    expect(timestampFormat(['2024-09-01 00:00:00'])).toBe('%Y-%m-%d %H:%M:%S')
    expect(timestampFormat(['2024-06-01T00:00Z'])).toBe('%Y-%m-%dT%H:%MZ')
    expect(timestampFormat(['2024-06-01T00:00:00.123456+00:00'])).toBe('%Y-%m-%dT%H:%M:%S.%f+00:00')
    expect(timestampFormat(['2024-06-01'])).toBe('%Y-%m-%d')
  })

  it('is none when an offset other than UTC shows, or the columns differ, or a value is unknown', () => {
    expect(timestampFormat(['2024-06-01T02:00:00+02:00'])).toBeUndefined()
    expect(timestampFormat(['2024-06-01', '2024-06-01T00:00:00Z'])).toBeUndefined()
    expect(timestampFormat(['06/01/2024'])).toBeUndefined()
  })
})

describe('a timestamp the text parse could not read', () => {
  it('is read back from the engine error with its column and value', () => {
    const detail =
      'Invalid Input Error: CUR Lens: unreadable timestamp\u001fline_item_usage_start_date\u001fsoon'
    expect(unreadableTimestamp(detail)).toEqual({
      column: 'line_item_usage_start_date',
      value: 'soon',
    })
    expect(unreadableTimestamp('Invalid Input Error: something else')).toBeUndefined()
  })
})

describe('what a spreadsheet writes', () => {
  it('is told from what exports write', () => {
    for (const value of ['00:00.0', '45:12.5', '6/1/2026 0:00', '01.06.2026 13:00', '6/1/26'])
      expect(isSpreadsheetTimestamp(value), value).toBe(true)
    for (const value of ['2026-06-01', '2026-06-01T00:00Z', '2026-06-01 00:00:00'])
      expect(isSpreadsheetTimestamp(value), value).toBe(false)
    expect(SPREADSHEET_ACCOUNT.test('8.91377E+11')).toBe(true)
    expect(SPREADSHEET_ACCOUNT.test('891377123456')).toBe(false)
  })
})
