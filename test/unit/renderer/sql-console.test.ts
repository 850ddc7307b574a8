import { describe, expect, it } from 'vitest'
import type { SqlResult } from '../../../core/api.js'
import { CurLensError } from '../../../core/errors/curlens-error.js'
import {
  csvFileName,
  describeSqlError,
  gridColumns,
  gridRows,
  pagerCount,
  rowRange,
  rowTotal,
} from '../../../renderer/src/model/sql-console.js'

function result(overrides: Partial<SqlResult> = {}): SqlResult {
  return {
    columns: [
      { name: 'service', type: 'VARCHAR' },
      { name: 'cost', type: 'DECIMAL(38,10)' },
      { name: 'tags', type: 'MAP(VARCHAR, VARCHAR)' },
    ],
    rows: [
      ['Amazon Bedrock', '142.3000000000', [{ key: 'team', value: 'data' }]],
      [null, '-0.0500000000', []],
    ],
    page: 0,
    pageSize: 100,
    totalRows: 2,
    truncated: false,
    ordered: true,
    ...overrides,
  }
}

describe('the SQL screen model', () => {
  it('shows numbers as plain decimals without trailing zeros, NULL as null, MAPs as DuckDB prints them', () => {
    expect(gridRows(result({ page: 3 }))).toEqual([
      { id: 300, c0: 'Amazon Bedrock', c1: '142.3', c2: '{team=data}' },
      { id: 301, c0: null, c1: '-0.05', c2: '{}' },
    ])
  })

  it('types each grid column, widens it to its longest value and notes the widest fraction', () => {
    const shown = result()
    const columns = gridColumns(shown, gridRows(shown))
    expect(columns.map((c) => [c.field, c.numeric, c.fraction])).toEqual([
      ['c0', false, 0],
      ['c1', true, 3],
      ['c2', false, 0],
    ])
    const long = result({ rows: [['x'.repeat(1000), '1', []]] })
    const [wide, narrow] = gridColumns(long, gridRows(long))
    expect(wide.width).toBeGreaterThan(columns[0].width)
    expect(wide.width).toBeLessThanOrEqual(400)
    expect(narrow.width).toBe(columns[1].width)
  })

  it('says which rows a page holds, and how many the result has when known', () => {
    const locale = 'en-US'
    const known = result({ page: 1, pageSize: 2, totalRows: 4321, truncated: true })
    expect(rowRange(known, locale)).toBe('3–4 of 4,321')
    expect(rowTotal(known, locale)).toBe('4,321 rows')
    const unknown = result({ page: 0, pageSize: 2, totalRows: undefined, truncated: true })
    expect(pagerCount(unknown)).toBe(-1)
    expect(rowRange(unknown, locale)).toBe('1–2 of more than 2')
    expect(rowTotal(unknown, locale)).toBe('More than 2 rows')
    const last = result({ page: 2, pageSize: 2, totalRows: undefined, truncated: false })
    expect(pagerCount(last)).toBe(6)
    expect(rowTotal(result({ rows: [], totalRows: 0 }), locale)).toBe('No rows')
    expect(rowTotal(result({ rows: [['x', '1', []]], totalRows: 1 }), locale)).toBe('1 row')
  })

  it('words a refused or failed query as such, and keeps the engine message', () => {
    const refused = describeSqlError(
      new CurLensError('INVALID_QUERY', 'Only a SELECT query can run here.'),
    )
    expect(refused).toMatchObject({
      title: 'Query refused',
      message: 'Only a SELECT query can run here.',
    })
    expect(describeSqlError(new CurLensError('QUERY_FAILED', 'Conversion Error')).title).toBe(
      'Query failed',
    )
    expect(describeSqlError(new CurLensError('CANCELLED', 'x')).title).toBe('Cancelled')
  })

  it('names the CSV by the local day', () => {
    expect(csvFileName(new Date(2026, 10, 3, 23, 59))).toBe('cur-lens-query-2026-11-03.csv')
  })
})
