import { describe, expect, it } from 'vitest'
import { csvReason, engineReason } from '../../../core/sources/messages.js'

describe('engine error details shown to users', () => {
  it('keep the reason and drop the error class and the SQL excerpt DuckDB appends', () => {
    const duckdb =
      "Invalid Input Error: Footer length error in file '/tmp/x/corrupt.parquet'\n\nLINE 1: ...LECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet($file))\n                                                  ^"
    expect(engineReason(duckdb)).toBe("Footer length error in file '/tmp/x/corrupt.parquet'")
  })

  it('leave a plain reason as it is', () => {
    expect(engineReason('unexpected end of file')).toBe('unexpected end of file')
  })
})

describe('CSV reader errors shown to users', () => {
  const options =
    '\n\n  file = /tmp/x/cur.csv\n  delimiter = , (Set By User)\n  strict_mode = true (Set By User)'

  it('name the line and the reason, without the original line or the reader options', () => {
    const duckdb = `Conversion Error: CSV Error on Line: 3\nOriginal Line: lots,2026-05-01,x\nError when converting column "a". Could not convert string "lots" to 'DECIMAL'\n\nColumn a is being converted as type DECIMAL${options}`
    expect(csvReason(duckdb)).toBe(
      `line 3: Error when converting column "a". Could not convert string "lots" to 'DECIMAL'`,
    )
  })

  it('read any other engine error as engineReason does', () => {
    const duckdb = 'Invalid Input Error: Malformed JSON at byte 3 of input\n\nLINE 1: COPY (SELECT'
    expect(csvReason(duckdb)).toBe('Malformed JSON at byte 3 of input')
  })
})
