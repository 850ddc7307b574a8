import { describe, expect, it } from 'vitest'
import {
  cellText,
  isNumericType,
  plainNumber,
  trimDecimal,
} from '../../../core/format/sql-values.js'

describe('SQL result cells', () => {
  it('tells numeric DuckDB types from the others', () => {
    for (const type of [
      'DECIMAL(18,10)',
      'DECIMAL(38, 10)',
      'BIGINT',
      'HUGEINT',
      'DOUBLE',
      'INTEGER',
    ])
      expect(isNumericType(type), type).toBe(true)
    for (const type of ['VARCHAR', 'DATE', 'TIMESTAMP', 'INTEGER[]', 'MAP(VARCHAR, VARCHAR)'])
      expect(isNumericType(type), type).toBe(false)
  })

  it('writes numbers as plain decimals, digit for digit, never in exponent notation', () => {
    expect(plainNumber('-1.2500000000')).toBe('-1.2500000000')
    expect(plainNumber('123456789012345678901234567890')).toBe('123456789012345678901234567890')
    expect(plainNumber(1e-7)).toBe('0.0000001')
    expect(plainNumber(-1.5e-10)).toBe('-0.00000000015')
    expect(plainNumber(2.5e21)).toBe('2500000000000000000000')
    expect(plainNumber(12.75)).toBe('12.75')
    for (const none of [null, 'NaN', 'Infinity', '-Infinity', '1e5', 'abc'])
      expect(plainNumber(none), String(none)).toBeNull()
  })

  it('drops trailing zeros of a fraction for reading', () => {
    expect(trimDecimal('142.3000000000')).toBe('142.3')
    expect(trimDecimal('3.0000')).toBe('3')
    expect(trimDecimal('-0.0000')).toBe('0')
    expect(trimDecimal('100')).toBe('100')
  })

  it('shows a MAP as DuckDB prints it, lists and structs as JSON', () => {
    const tags = [
      { key: 'iamPrincipal/team', value: 'data' },
      { key: 'resourceTags/user:Project', value: null },
    ]
    expect(cellText(tags, 'MAP(VARCHAR, VARCHAR)')).toBe(
      '{iamPrincipal/team=data, resourceTags/user:Project=NULL}',
    )
    expect(cellText([1, 2], 'INTEGER[]')).toBe('[1,2]')
    expect(cellText({ a: 1 }, 'STRUCT(a INTEGER)')).toBe('{"a":1}')
    expect(cellText(true, 'BOOLEAN')).toBe('true')
    expect(cellText(null, 'VARCHAR')).toBeNull()
  })
})
