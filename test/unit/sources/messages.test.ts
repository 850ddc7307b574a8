import { describe, expect, it } from 'vitest'
import { engineReason } from '../../../core/sources/messages.js'

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
