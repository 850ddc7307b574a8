import { describe, expect, it } from 'vitest'
import { parseFilters } from '../../../cli/arguments.js'
import { parseFixed, parseShared } from '../../../cli/commands/export.js'
import { coverageTable } from '../../../cli/commands/rules.js'
import type { MappingRules } from '../../../core/api.js'

describe('cur-lens export options', () => {
  it('reads one treatment for every bucket, or one per bucket', () => {
    expect(parseShared('even')).toEqual({
      unmatched: { method: 'even' },
      'shared-roles': { method: 'even' },
      tax: { method: 'even' },
      fees: { method: 'even' },
      credits: { method: 'even' },
    })
    expect(parseShared('tax=proportional, credits=keep')).toEqual({
      tax: { method: 'proportional' },
      credits: { method: 'keep' },
    })
    expect(() => parseShared('tax=spread')).toThrow('Unknown --shared treatment "spread"')
    expect(() => parseShared('vat=keep')).toThrow('Unknown shared bucket "vat"')
  })

  it('reads fixed percentages per bucket', () => {
    expect(parseFixed(['tax:backend=60, data=40', 'fees:platform=100'])).toEqual({
      tax: { method: 'fixed', percentages: { backend: 60, data: 40 } },
      fees: { method: 'fixed', percentages: { platform: 100 } },
    })
    expect(() => parseFixed(['backend=60'])).toThrow('--fixed takes <bucket>:<recipient>=<percent>')
    expect(() => parseFixed(['vat:a=100'])).toThrow('Unknown shared bucket "vat"')
    expect(() => parseFixed(['tax:a=half'])).toThrow(
      '--fixed tax: "a=half" is not <recipient>=<percent>.',
    )
  })

  it('reads filters, several values of one dimension being alternatives', () => {
    expect(
      parseFilters(['service=Amazon Bedrock', 'service=Amazon S3', 'tag:team!=(none)', 'x=a=b']),
    ).toEqual([
      { dimension: 'service', values: ['Amazon Bedrock', 'Amazon S3'] },
      { dimension: 'tag:team', values: [null], exclude: true },
      { dimension: 'x', values: ['a=b'] },
    ])
    expect(() => parseFilters(['service'])).toThrow('--filter takes <dimension>=<value>')
  })
})

describe('cur-lens rules check output', () => {
  it('prints each rule, the unmatched rest and the total, cents and shares adding up (largest remainder)', () => {
    const table = coverageTable(
      {
        version: 1,
        rules: [
          { id: 'a', recipient: 'team-a', match: { kind: 'role', pattern: 'A*' } },
          { id: 'b', recipient: 'team-b', match: { kind: 'tag', key: 'team', pattern: 'b' } },
        ],
      },
      {
        rules: [
          { ruleId: 'a', recipient: 'team-a', matchedCost: '0.3333333333', rows: 2 },
          { ruleId: 'b', recipient: 'team-b', matchedCost: '0.3333333333', rows: 1 },
        ],
        unmatched: '0.3333333334',
        unmatchedRows: 4,
        total: '1.0000000000',
      },
      'unblended',
      '2026-07',
    )
    expect(table).toBe(
      [
        'Rule coverage, period 2026-07, unblended cost (first matching rule wins)',
        '',
        '#  rule         recipient  match         line items  cost  share',
        '1  a            team-a     role A*                2  0.33  33.3%',
        '2  b            team-b     tag team = b           1  0.33  33.3%',
        '   (unmatched)                                    4  0.34  33.4%',
        '   total                                          7  1.00',
        '',
      ].join('\n'),
    )
  })

  it('rounds shares to a tenth of a percent, not down, so that they add up to 100.0 %', () => {
    const rules: MappingRules = {
      version: 1,
      rules: [
        { id: 'a', recipient: 'a', match: { kind: 'role', pattern: 'A' } },
        { id: 'b', recipient: 'b', match: { kind: 'role', pattern: 'B' } },
      ],
    }
    const shares = (matched: string[], unmatched: string, total: string) =>
      coverageTable(
        rules,
        {
          rules: matched.map((m, i) => ({
            ruleId: 'ab'[i],
            recipient: 'ab'[i],
            matchedCost: m,
            rows: 1,
          })),
          unmatched,
          unmatchedRows: 1,
          total,
        },
        'unblended',
      )
        .split('\n')
        .slice(3, 6)
        .map((line) => line.split(/\s+/).at(-1))
    // 66.66…, 33.33… and 0.0…: truncated they would read 66.6 + 33.3 + 0.0 = 99.9.
    expect(shares(['2.0000000000', '0.9999999999'], '0.0000000001', '3.0000000000')).toEqual([
      '66.7%',
      '33.3%',
      '0.0%',
    ])
    // 43.875 % rounds up, twice; 12.25 % then gives way, so that the shares add up to 100.0 %.
    expect(shares(['12.2500000000', '43.8750000000'], '43.8750000000', '100.0000000000')).toEqual([
      '12.2%',
      '43.9%',
      '43.9%',
    ])
    // A credit larger than the rest gives negative shares, still adding up to 100.0 %.
    expect(shares(['-30.0000000000', '10.0000000000'], '-0.0100000000', '-20.0100000000')).toEqual([
      '149.9%',
      '-50.0%',
      '0.1%',
    ])
  })
})
