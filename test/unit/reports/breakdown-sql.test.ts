import { describe, expect, it } from 'vitest'
import type { BreakdownQuery } from '../../../core/api.js'
import { MAX_TOP_N, buildBreakdownSql } from '../../../core/reports/breakdown-sql.js'
import { compileGroupedRead, type Base } from '../../../core/rows/grouped-rows.js'

/** The whole statement a breakdown runs on `base`, its step 1 inline. */
function statement(query: BreakdownQuery, base: Base = 'files') {
  const built = buildBreakdownSql(query)
  const compiled = compileGroupedRead(built.read, base)
  return {
    sql: built.outer(compiled.mapped(`(${compiled.grouped})`)),
    grouped: compiled.grouped,
    params: { ...compiled.params, ...built.params },
    lookups: compiled.lookups,
    keyColumns: built.keyColumns,
  }
}

describe('buildBreakdownSql', () => {
  it('binds tag keys and filter values as parameters, never as SQL text', () => {
    const hostile = "x'); DROP TABLE cur; --"
    const { sql, params } = statement({
      dimensions: [`tag:${hostile}`],
      metric: 'unblended',
      filters: [{ dimension: 'principal', values: [hostile, null] }],
    })
    expect(sql).not.toContain(hostile)
    expect(sql).not.toContain('DROP')
    expect(Object.values(params)).toEqual([hostile, hostile])
  })

  it('groups the cache on its ENUM columns and casts keys to text only after grouping', () => {
    const { sql, grouped } = statement(
      {
        dimensions: ['tag:iamPrincipal/team', 'service'],
        metric: 'amortized',
        filters: [{ dimension: 'service', values: ['Amazon Bedrock'] }],
      },
      'cache',
    )
    expect(grouped).toContain('FROM attribution_store.facts')
    expect(grouped).toContain('AS attribution_store.e_service)')
    expect(grouped).not.toContain('tag_inputs')
    expect(sql).toMatch(/ts\.tags\[\$tag_\d+\] AS key_0/)
    expect(sql).toContain('CAST(g.service AS VARCHAR) AS key_1')
    expect(sql).toContain('CAST(key_0 AS VARCHAR) AS key_0')
  })

  it('reads the files grouped by the base columns first, with the raw tags of each tag set', () => {
    const { grouped, params } = statement({
      dimensions: ['tag:iamPrincipal/team'],
      metric: 'unblended',
    })
    expect(grouped).toContain('FROM rows_base')
    expect(grouped).toContain('tag_set')
    expect(grouped).toContain('any_value(tag_inputs) AS tag_inputs')
    expect(Object.values(params)).toEqual(['iamPrincipal/team'])
  })

  it('joins only the lookup tables the columns used need', () => {
    expect(statement({ dimensions: ['service', 'month'], metric: 'amortized' }).lookups).toEqual(
      new Set(),
    )
    expect(statement({ dimensions: ['person', 'service'], metric: 'unblended' }).lookups).toEqual(
      new Set(['principal']),
    )
    for (const query of [
      { dimensions: ['model', 'token-type'], metric: 'unblended' },
      { dimensions: ['service'], metric: 'tokens' },
      {
        dimensions: ['service'],
        metric: 'unblended',
        filters: [{ dimension: 'region', values: ['x'] }],
      },
    ] as BreakdownQuery[]) {
      expect(statement(query).lookups).toEqual(new Set(['bedrock']))
    }
    expect(statement({ dimensions: ['person', 'model'], metric: 'unblended' }).lookups).toEqual(
      new Set(['principal', 'bedrock']),
    )
  })

  it('filters base columns before grouping and mapped ones after', () => {
    const { grouped, sql } = statement({
      dimensions: ['service'],
      metric: 'unblended',
      filters: [
        { dimension: 'account', values: ['111122223333'] },
        { dimension: 'role', values: ['BackendDev'] },
      ],
    })
    expect(grouped).toMatch(/WHERE \(account = TRY_CAST/)
    expect(grouped).not.toContain('p.role')
    expect(sql).toMatch(/WHERE \(p\.role = TRY_CAST/)
  })

  it('adds ranking and folding only for a top N, and a period column only for a time grain', () => {
    const plain = statement({ dimensions: ['service'], metric: 'unblended' })
    expect(plain.sql).not.toContain('ranks')
    expect(plain.sql).not.toContain('period')
    const top = statement({
      dimensions: ['service', 'region'],
      metric: 'unblended',
      topN: 5,
      timeGrain: 'day',
    })
    expect(top.sql).toContain('ranks AS')
    expect(top.sql).toContain('CAST(g.usage_day AS VARCHAR) AS period')
    expect(top.params).toMatchObject({ top_n_0: 5 })
    expect(top.keyColumns).toEqual(['key_0', 'key_1'])
  })

  it('folds nothing for a top N above the cap', () => {
    const above = statement({
      dimensions: ['service'],
      metric: 'unblended',
      topN: MAX_TOP_N + 1,
    })
    expect(above.sql).not.toContain('ranks')
    expect(above.sql).toBe(statement({ dimensions: ['service'], metric: 'unblended' }).sql)
  })

  it('keeps only rows that bill tokens for the tokens metric, and prints tokens whole', () => {
    const { sql, grouped } = statement({ dimensions: ['model'], metric: 'tokens' })
    expect(grouped).toContain('usage <> 0')
    expect(sql).toContain('b.token_scale IS NOT NULL')
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
    ['an unknown time grain', { dimensions: ['service'], metric: 'unblended', timeGrain: 'year' }],
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
    expect(() => statement(query as BreakdownQuery)).toThrow(
      expect.objectContaining({ code: 'INVALID_QUERY' }),
    )
  })
})
