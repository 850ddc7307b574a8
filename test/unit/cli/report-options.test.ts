import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseFilters } from '../../../cli/arguments.js'
import { parseOptions, render } from '../../../cli/commands/report.js'
import type { BreakdownResult } from '../../../core/api.js'

describe('report options', () => {
  it('reads dimensions, metric, filters, top N and format', () => {
    const options = parseOptions([
      'a',
      'b',
      '--by',
      'tag:team, person',
      '--metric',
      'amortized',
      '--filter',
      'service=Amazon Bedrock',
      '--filter',
      'service=Amazon S3',
      '--filter',
      'tag:team!=(none)',
      '--top',
      '5',
      '--format',
      'json',
    ])
    if (options === 'help') throw new Error('unexpected help')
    expect(options.sources).toEqual({ paths: [resolve('a'), resolve('b')], cache: true })
    expect(options.format).toBe('json')
    expect(options.query).toEqual({
      dimensions: ['tag:team', 'person'],
      metric: 'amortized',
      topN: 5,
      filters: [
        { dimension: 'service', values: ['Amazon Bedrock', 'Amazon S3'] },
        { dimension: 'tag:team', values: [null], exclude: true },
      ],
    })
  })

  it('keeps = signs inside a filter value and reads the named empty groups as null', () => {
    expect(parseFilters(['tag:iamPrincipal/x=a=b', 'principal=(no principal)'])).toEqual([
      { dimension: 'tag:iamPrincipal/x', values: ['a=b'] },
      { dimension: 'principal', values: [null] },
    ])
  })

  it.each([
    [['x', '--metric', 'blended', '--by', 'service'], /--metric/],
    [['x', '--by', 'service', '--format', 'xml'], /--format/],
    [['x', '--by', 'service', '--top', '0'], /--top/],
    [['--by', 'service'], /files or folders/],
    [['x', '--by', 'service', '--filter', 'no-operator'], /--filter/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseOptions(argv)).toThrow(message)
  })
})

describe('report output', () => {
  const result: BreakdownResult = {
    dimensions: ['tag:team', 'principal'],
    metric: 'unblended',
    total: '100.0050000000',
    rows: [
      { keys: ['=cmd', 'arn:a'], value: '80.0050000000' },
      { keys: [null, null], value: '25.0000000000' },
      { keys: [null, null], value: '-5.0000000000', other: true },
    ],
  }

  it('labels empty groups in tables and CSV, and leaves them null in JSON', () => {
    const table = render(result, 'table')
    expect(table).toContain('(untagged)')
    expect(table).toContain('(no principal)')
    expect(table).toContain('(other)')
    expect(table).toMatch(/80\.01\n/)
    expect(table.trimEnd().split('\n').at(-1)).toMatch(/^Total\s+100\.01$/)
    expect(JSON.parse(render(result, 'json'))).toEqual([
      { 'tag:team': '=cmd', principal: 'arn:a', cost: 80.005 },
      { 'tag:team': null, principal: null, cost: 25 },
      { 'tag:team': null, principal: null, cost: -5, other: true },
    ])
  })

  it('escapes formula text in CSV and keeps negative amounts numeric', () => {
    const lines = render(result, 'csv').replace('\uFEFF', '').split('\r\n')
    expect(lines[0]).toBe('tag:team,principal,cost')
    expect(lines[1]).toBe("'=cmd,arn:a,80.005")
    expect(lines[3]).toBe('(other),(other),-5')
  })
})
