import { describe, expect, it } from 'vitest'
import { parseBenchArgs, rowsLabel } from '../../../bench/bench-args.js'

describe('the bench arguments', () => {
  it('default to 10 million Parquet rows, a tenth of that in CSV.gz and in log records', () => {
    expect(parseBenchArgs([])).toEqual({
      parquetRows: 10_000_000,
      csvRows: 1_000_000,
      logRecords: 1_000_000,
    })
  })

  it('take --rows N or --rows=N', () => {
    expect(parseBenchArgs(['--rows', '50000000'])).toEqual({
      parquetRows: 50_000_000,
      csvRows: 5_000_000,
      logRecords: 5_000_000,
    })
    expect(parseBenchArgs(['--rows=1000000'])).toEqual({
      parquetRows: 1_000_000,
      csvRows: 100_000,
      logRecords: 100_000,
    })
  })

  it('take --log-records N for the usage logs', () => {
    expect(parseBenchArgs(['--rows', '10000000', '--log-records=1000000'])).toEqual({
      parquetRows: 10_000_000,
      csvRows: 1_000_000,
      logRecords: 1_000_000,
    })
    expect(parseBenchArgs(['--log-records', 'x'])).toMatch(/--log-records takes a whole number/)
  })

  it('refuse a missing, fractional or tiny row count and anything else', () => {
    expect(parseBenchArgs(['--rows'])).toMatch(/--rows takes a whole number/)
    expect(parseBenchArgs(['--rows', '1.5e6'])).toMatch(/not 1\.5e6/)
    expect(parseBenchArgs(['--rows', '9'])).toMatch(/10 or more/)
    expect(parseBenchArgs(['--row', '100'])).toBe('Unknown argument --row')
  })

  it('name row counts as the figures do', () => {
    expect([50_000_000, 5_000_000, 100_000, 1_500].map(rowsLabel)).toEqual([
      '50M',
      '5M',
      '100k',
      '1,500',
    ])
  })
})
