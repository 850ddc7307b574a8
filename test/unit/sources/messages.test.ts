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

  it('name the line and the value that is not of its column’s type, in words', () => {
    const duckdb = `Conversion Error: CSV Error on Line: 3\nOriginal Line: lots,2026-05-01,x\nError when converting column "a". Could not convert string "lots" to 'DECIMAL'\n\nColumn a is being converted as type DECIMAL${options}`
    expect(csvReason(duckdb)).toBe('line 3: "lots" in column a is not a number')
  })

  it('name the line whose fields do not match the header', () => {
    const duckdb = `Invalid Input Error: CSV Error on Line: 4\nOriginal Line: 1,2,3,4,5,6\nExpected Number of Columns: 4 Found: 5\nPossible fixes:${options}`
    expect(csvReason(duckdb)).toBe("line 4: the row does not have the header's 4 fields")
  })

  it('say in words that a quoted field is never closed, whatever the original line holds', () => {
    const duckdb = `Invalid Input Error: CSV Error on Line: 201\nOriginal Line: "x,1\n.\n\nValue with unterminated quote found.${options}`
    expect(csvReason(duckdb)).toBe('line 201: a quoted field is never closed')
  })

  it('keep any other reader reason as DuckDB words it', () => {
    const duckdb = `Invalid Input Error: CSV Error on Line: 7\nOriginal Line: x\nSomething else went wrong.${options}`
    expect(csvReason(duckdb)).toBe('line 7: Something else went wrong.')
  })

  it('read any other engine error as engineReason does', () => {
    const duckdb = 'Invalid Input Error: Malformed JSON at byte 3 of input\n\nLINE 1: COPY (SELECT'
    expect(csvReason(duckdb)).toBe('Malformed JSON at byte 3 of input')
  })
})
