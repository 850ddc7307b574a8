import { describe, expect, it } from 'vitest'
import type { BreakdownQuery } from '../../../core/api.js'
import { MAX_TOP_N, buildBreakdownSql } from '../../../core/reports/breakdown-sql.js'
import { LIVE_SOURCE, type RowSource } from '../../../core/rows/dimensions.js'

const CACHE: RowSource = {
  kind: 'cache',
  tagColumns: { 'iamPrincipal/team': 'tag_1', 'resourceTags/user:x': null },
}

describe('buildBreakdownSql', () => {
  it('binds tag keys and filter values as parameters, never as SQL text', () => {
    const hostile = "x'); DROP TABLE cur; --"
    const { sql, params } = buildBreakdownSql({
      dimensions: [`tag:${hostile}`],
      metric: 'unblended',
      filters: [{ dimension: 'principal', values: [hostile, null] }],
    })
    expect(sql).not.toContain(hostile)
    expect(sql).not.toContain('DROP')
    expect(Object.values(params)).toEqual([hostile, hostile])
  })

  it('groups the cache on its ENUM columns and casts keys to text only after grouping', () => {
    const { sql } = buildBreakdownSql(
      {
        dimensions: ['tag:iamPrincipal/team', 'service'],
        metric: 'amortized',
        filters: [{ dimension: 'service', values: ['Amazon Bedrock'] }],
      },
      CACHE,
    )
    expect(sql).toContain('FROM attribution_store.facts')
    expect(sql).toContain('tag_1 AS key_0')
    expect(sql).toContain('service AS key_1')
    expect(sql).toContain('AS attribution_store.e_service)')
    expect(sql).toContain('CAST(key_0 AS VARCHAR) AS key_0')
  })

  it('reads the live view with tag lookups in the map', () => {
    const { sql, params } = buildBreakdownSql(
      { dimensions: ['tag:iamPrincipal/team'], metric: 'unblended' },
      LIVE_SOURCE,
    )
    expect(sql).toContain('FROM attribution_rows_unjoined_tagged')
    expect(sql).toMatch(/tags\[\$tag_0\] AS key_0/)
    expect(params).toEqual({ tag_0: 'iamPrincipal/team' })
  })

  it('joins on the live side only the lookup tables the columns used need', () => {
    const plain = buildBreakdownSql({ dimensions: ['service', 'month'], metric: 'amortized' })
    expect(plain.sql).toMatch(/FROM attribution_rows_unjoined\n/)
    const person = buildBreakdownSql({ dimensions: ['person', 'service'], metric: 'unblended' })
    expect(person.sql).toMatch(/FROM attribution_rows_principal\n/)
    for (const query of [
      { dimensions: ['model', 'token-type'], metric: 'unblended' },
      { dimensions: ['service'], metric: 'tokens' },
      {
        dimensions: ['service'],
        metric: 'unblended',
        filters: [{ dimension: 'region', values: ['x'] }],
      },
    ] as BreakdownQuery[]) {
      expect(buildBreakdownSql(query).sql).toMatch(/FROM attribution_rows_bedrock\n/)
    }
    for (const query of [
      { dimensions: ['person', 'model'], metric: 'unblended' },
      { dimensions: ['role'], metric: 'tokens' },
    ] as BreakdownQuery[]) {
      expect(buildBreakdownSql(query).sql).toMatch(/FROM attribution_rows\n/)
    }
  })

  it('reads a key the cache does not hold as the untagged group', () => {
    const { sql } = buildBreakdownSql({ dimensions: ['tag:absent'], metric: 'unblended' }, CACHE)
    expect(sql).toContain('CAST(NULL AS VARCHAR) AS key_0')
  })

  it('adds ranking and folding only for a top N, and a period column only for a time grain', () => {
    const plain = buildBreakdownSql({ dimensions: ['service'], metric: 'unblended' })
    expect(plain.sql).not.toContain('ranks')
    expect(plain.sql).not.toContain('period')
    const top = buildBreakdownSql({
      dimensions: ['service', 'region'],
      metric: 'unblended',
      topN: 5,
      timeGrain: 'day',
    })
    expect(top.sql).toContain('ranks AS')
    expect(top.sql).toContain('usage_day AS period')
    expect(top.params).toMatchObject({ top_n_0: 5 })
    expect(top.keyColumns).toEqual(['key_0', 'key_1'])
  })

  it('folds nothing for a top N above the cap', () => {
    const above = buildBreakdownSql({
      dimensions: ['service'],
      metric: 'unblended',
      topN: MAX_TOP_N + 1,
    })
    expect(above.sql).not.toContain('ranks')
    expect(above.sql).toBe(buildBreakdownSql({ dimensions: ['service'], metric: 'unblended' }).sql)
  })

  it('keeps only rows with tokens for the tokens metric, and prints tokens whole', () => {
    const { sql } = buildBreakdownSql({ dimensions: ['model'], metric: 'tokens' })
    expect(sql).toContain('tokens IS NOT NULL')
    expect(sql).toContain('DECIMAL(38, 0)')
  })

  it.each<[string, unknown]>([
    ['no dimensions', { dimensions: [], metric: 'unblended' }],
    [
      'four dimensions',
      { dimensions: ['service', 'region', 'account', 'model'], metric: 'unblended' },
    ],
    ['a repeated dimension', { dimensions: ['service', 'service'], metric: 'unblended' }],
    ['an unknown dimension', { dimensions: ['colour'], metric: 'unblended' }],
    ['an empty tag key', { dimensions: ['tag:'], metric: 'unblended' }],
    ['a prototype key', { dimensions: ['constructor'], metric: 'unblended' }],
    ['an unknown metric', { dimensions: ['service'], metric: 'blended' }],
    ['a zero top N', { dimensions: ['service'], metric: 'unblended', topN: 0 }],
    ['a fractional top N', { dimensions: ['service'], metric: 'unblended', topN: 2.5 }],
    ['an unknown time grain', { dimensions: ['service'], metric: 'unblended', timeGrain: 'week' }],
    ['filters that are not a list', { dimensions: ['service'], metric: 'unblended', filters: {} }],
    [
      'a filter value that is a number',
      {
        dimensions: ['service'],
        metric: 'unblended',
        filters: [{ dimension: 'service', values: [1] }],
      },
    ],
    [
      'a filter on an unknown dimension',
      { dimensions: ['service'], metric: 'unblended', filters: [{ dimension: 'x', values: [] }] },
    ],
  ])('refuses %s', (_, query) => {
    expect(() => buildBreakdownSql(query as BreakdownQuery)).toThrow(
      expect.objectContaining({ code: 'INVALID_QUERY' }),
    )
  })
})
