import { describe, expect, it } from 'vitest'
import { sqlIdentifier, sqlString, sqlStringList } from '../../../core/sources/sql-text.js'

describe('the quoting helper', () => {
  it('doubles single quotes in string literals', () => {
    expect(sqlString("/tmp/it's; DROP TABLE cur; --.parquet")).toBe(
      "'/tmp/it''s; DROP TABLE cur; --.parquet'",
    )
    expect(sqlStringList(['a', "b'c"])).toBe("['a', 'b''c']")
  })

  it('doubles double quotes in identifiers', () => {
    expect(sqlIdentifier('lineItem/UnblendedCost')).toBe('"lineItem/UnblendedCost"')
    expect(sqlIdentifier('x"y')).toBe('"x""y"')
  })
})
