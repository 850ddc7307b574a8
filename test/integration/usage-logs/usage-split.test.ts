import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BreakdownQuery, Dimension, Metric } from '../../../core/api.js'
import { chargeback, checkRules } from '../../../core/chargeback/index.js'
import { breakdown } from '../../../core/reports/breakdown.js'
import { lineItems } from '../../../core/reports/line-items.js'
import { principalLabels } from '../../../core/rows/principal-labels.js'
import {
  BOTH_BASES,
  decimal,
  openAttributedHandDataset,
  units,
  type HandRows,
} from '../rows/hand-built-cur.js'
import {
  CUR_ROWS,
  GATEWAY,
  LOG_RECORDS,
  createUsageLog,
  largestRemainder,
} from './hand-built-logs.js'

let ds: HandRows

beforeEach(async () => {
  ds = await openAttributedHandDataset(CUR_ROWS)
})

afterEach(async () => {
  await ds.close()
})

async function loadLogs() {
  await createUsageLog(ds.engine, LOG_RECORDS)
  await ds.splitByUsageLog()
}

const [alice, bob, carol] = largestRemainder(units('10.0000000001'), [300n, 200n, 100n])

/** Worked out by hand from CUR_ROWS and LOG_RECORDS (see hand-built-logs.ts). */
const EXPECTED_BY_USER = new Map<string | null, string>([
  ['alice', decimal(alice + units('1.50'))],
  ['bob', decimal(bob)],
  ['carol', decimal(carol + units('3.00'))],
  // The day-2 call names no end user: its principal's person (the session name).
  ['litellm', '2.0000000000'],
  // No log names the developer: its person keeps its cost, Bedrock and storage alike.
  ['javier@example.com', '3.4000000000'],
  // The gateway's day-3 calls are in no log, and storage without a principal.
  [null, '7.7500000000'],
])

const TOTAL = decimal(CUR_ROWS.reduce((sum, r) => sum + units(r.unblended_cost), 0n))

function byKey(rows: { keys: (string | null)[]; value: string }[]): Map<string | null, string> {
  return new Map(rows.map((r) => [r.keys[0], r.value]))
}

describe.each(BOTH_BASES)('the user dimension read from the $name', ({ base }) => {
  const run = (query: BreakdownQuery) => breakdown(ds, query, { base })

  it('splits each Bedrock bucket among its end users by their tokens, exactly', async () => {
    await loadLogs()
    const result = await run({ dimensions: ['user'], metric: 'unblended' })
    expect(byKey(result.rows)).toEqual(EXPECTED_BY_USER)
    expect(result.total).toBe(TOTAL)
    expect(alice + bob + carol).toBe(units('10.0000000001'))
  })

  it('reads the principal person where no logs are loaded', async () => {
    const result = await run({ dimensions: ['user'], metric: 'unblended' })
    expect(byKey(result.rows)).toEqual(
      new Map<string | null, string>([
        ['litellm', '23.5000000001'],
        ['javier@example.com', '3.4000000000'],
        [null, '0.7500000000'],
      ]),
    )
  })

  it('keeps every total of every metric with and without logs, under any second dimension', async () => {
    const metrics: Metric[] = ['unblended', 'net', 'amortized', 'ondemand', 'usage', 'tokens']
    const seconds: Dimension[] = ['model', 'day', 'token-type', 'service', 'log-tag:team']
    const before = new Map<string, string>()
    for (const metric of metrics) {
      before.set(metric, (await run({ dimensions: ['person'], metric })).total)
    }
    await loadLogs()
    for (const metric of metrics) {
      for (const second of seconds) {
        const result = await run({ dimensions: ['user', second], metric })
        const sum = result.rows.reduce((s, r) => s + units(r.value), 0n)
        expect(decimal(sum), `${metric} by ${second}`).toBe(decimal(units(before.get(metric)!)))
        expect(result.total, `${metric} by ${second}`).toBe(before.get(metric))
      }
    }
  })

  it('gives each user the same figure whatever else a read groups by', async () => {
    await loadLogs()
    for (const second of ['day', 'model', 'principal', 'token-type'] as Dimension[]) {
      const result = await run({ dimensions: ['user', second], metric: 'unblended' })
      const sums = new Map<string | null, bigint>()
      for (const r of result.rows) sums.set(r.keys[0], (sums.get(r.keys[0]) ?? 0n) + units(r.value))
      const byUser = new Map([...sums].map(([user, sum]) => [user, decimal(sum)]))
      expect(byUser, `user by ${second}`).toEqual(EXPECTED_BY_USER)
    }
  })

  it('splits tokens as whole tokens by the same shares', async () => {
    await loadLogs()
    const result = await run({
      dimensions: ['user'],
      metric: 'tokens',
      filters: [{ dimension: 'day', values: ['2026-04-01'] }],
    })
    // Day 1 billed 600 input tokens for the gateway (300/200/100) and 150 output (50/0/100), and
    // the developer 1,000 input tokens.
    expect(byKey(result.rows)).toEqual(
      new Map([
        ['alice', '350'],
        ['bob', '200'],
        ['carol', '200'],
        ['javier@example.com', '1000'],
      ]),
    )
  })

  it('filters by user and by log tag, and groups by log tag', async () => {
    await loadLogs()
    const onlyAlice = await run({
      dimensions: ['model'],
      metric: 'unblended',
      filters: [{ dimension: 'user', values: ['alice'] }],
    })
    expect(onlyAlice.total).toBe(EXPECTED_BY_USER.get('alice'))
    const unallocated = await run({
      dimensions: ['day'],
      metric: 'unblended',
      filters: [{ dimension: 'user', values: [null] }],
    })
    expect(byKey(unallocated.rows)).toEqual(
      new Map([
        ['2026-04-03', '7.0000000000'],
        ['2026-04-01', '0.7500000000'],
      ]),
    )
    const teams = await run({ dimensions: ['log-tag:team'], metric: 'unblended' })
    expect(byKey(teams.rows)).toEqual(
      new Map<string | null, string>([
        ['search', decimal(alice + carol + units('4.50') + units('2.00'))],
        ['ads', decimal(bob)],
        [null, decimal(units(TOTAL) - alice - bob - carol - units('6.50'))],
      ]),
    )
    const search = await run({
      dimensions: ['user'],
      metric: 'unblended',
      filters: [{ dimension: 'log-tag:team', values: ['search'] }],
    })
    expect([...byKey(search.rows).keys()].sort()).toEqual(['alice', 'carol', 'litellm'])
  })
})

describe('chargeback rules on the usage logs', () => {
  it('matches end users and log tags, first rule first, with the split shares', async () => {
    await loadLogs()
    const coverage = await checkRules(
      ds,
      {
        version: 1,
        rules: [
          { id: 'alice', recipient: 'Alice', match: { kind: 'user', pattern: 'alice' } },
          {
            id: 'search',
            recipient: 'Search',
            match: { kind: 'log-tag', key: 'team', pattern: 'sea*' },
          },
        ],
      },
      'unblended',
    )
    expect(coverage.rules.map((r) => [r.ruleId, r.matchedCost])).toEqual([
      ['alice', EXPECTED_BY_USER.get('alice')],
      // Carol's share and the day-2 call of team search; Alice's went to the first rule.
      ['search', decimal(carol + units('3.00') + units('2.00'))],
    ])
    expect(coverage.total).toBe(TOTAL)
    const matched = coverage.rules.reduce((s, r) => s + units(r.matchedCost), 0n)
    expect(decimal(matched + units(coverage.unmatched))).toBe(TOTAL)
  })

  it('pays statements by user', async () => {
    await loadLogs()
    const result = await chargeback(ds, { by: 'user', basis: 'unblended' })
    const totals = new Map(result.statements.map((s) => [s.recipient, s.total]))
    expect(totals.get('bob')).toBe('3.33')
    expect(result.reconciles).toBe(true)
  })
})

describe('drilling down into a user', () => {
  it('lists the log records behind a user or a log tag, each call once, failed calls left out', async () => {
    await loadLogs()
    const alice = await lineItems(ds, {
      filters: [{ dimension: 'user', values: ['alice'] }],
      page: 0,
      pageSize: 50,
    })
    expect(alice.totalRows).toBe(1)
    expect(alice.rows[0]).toMatchObject({
      request_id: 'r1',
      user: 'alice',
      model: 'Claude Sonnet 4.6',
      input_tokens: '300',
      output_tokens: '50',
    })
    const search = await lineItems(ds, {
      filters: [
        { dimension: 'log-tag:team', values: ['search'] },
        { dimension: 'day', values: ['2026-04-02'] },
      ],
      page: 0,
      pageSize: 50,
    })
    expect(search.rows.map((r) => [r.request_id, r.user])).toEqual([['r4', 'litellm']])
  })
})

it('labels principals under a user or log-tag filter, last seen as the principal was', async () => {
  await loadLogs()
  const latest = CUR_ROWS.filter((r) => r.principal_arn === GATEWAY)
    .map((r) => r.usage_start)
    .sort()
    .at(-1)!
  for (const filter of [
    { dimension: 'user', values: ['alice'] },
    { dimension: 'log-tag:team', values: ['search'] },
  ] as const) {
    const labels = await principalLabels(ds, {
      level: 'principal',
      values: [GATEWAY],
      filters: [{ ...filter, values: [...filter.values] }],
    })
    expect(labels).toEqual([
      {
        value: GATEWAY,
        label: 'gateway role llm-gateway · litellm',
        lastSeen: `${latest.replace(' ', 'T')}Z`,
      },
    ])
  }
})
