import { afterEach, describe, expect, it } from 'vitest'
import type { Filter, ReconcileRow } from '../../../core/api.js'
import { logCoverage } from '../../../core/reports/log-coverage.js'
import { logRecords } from '../../../core/reports/log-records.js'
import { reconcile } from '../../../core/reports/reconcile.js'
import { openAttributedHandDataset, type HandRows } from '../rows/hand-built-cur.js'
import {
  CUR_ROWS,
  DEVELOPER,
  GATEWAY,
  LOG_RECORDS,
  createUsageLog,
  type LogRecord,
} from './hand-built-logs.js'

let ds: HandRows | undefined

afterEach(async () => {
  await ds?.close()
  ds = undefined
})

async function open(records: readonly LogRecord[] = LOG_RECORDS, extra = CUR_ROWS) {
  ds = await openAttributedHandDataset(extra)
  await createUsageLog(ds.engine, records)
  await ds.splitByUsageLog()
  return ds
}

const pick = (r: ReconcileRow) => ({
  keys: r.keys,
  billedCost: r.billedCost,
  billedTokens: r.billedTokens,
  loggedTokens: r.loggedTokens,
  estimatedCost: r.estimatedCost,
  tokenDrift: r.tokenDrift,
  costDrift: r.costDrift,
  flagged: r.flagged,
  causes: r.causes,
})

describe('reconciling usage logs with the bill', () => {
  it('compares billed and logged tokens by day and model, and flags calls missing from the logs', async () => {
    const rows = await open()
    const result = await reconcile(rows, {})
    expect(result.by).toEqual(['day', 'model'])
    // Day 1: the gateway billed 600 input + 150 output tokens, the developer 1,000 input, and the
    // logs hold 750 of them (the failed and the repeated call count for nothing).
    expect(result.rows.map(pick)).toEqual([
      {
        keys: ['2026-04-01', 'Claude Sonnet 4.6'],
        billedCost: '17.5000000001',
        billedTokens: '1750',
        loggedTokens: '750',
        estimatedCost: null,
        tokenDrift: -0.571429,
        costDrift: null,
        flagged: true,
        causes: ['calls-missing'],
      },
      {
        keys: ['2026-04-02', 'Amazon Nova Lite'],
        billedCost: '2.0000000000',
        billedTokens: '1000',
        loggedTokens: '1000',
        estimatedCost: null,
        tokenDrift: 0,
        costDrift: null,
        flagged: false,
        causes: [],
      },
      {
        keys: ['2026-04-03', 'Claude Sonnet 4.6'],
        billedCost: '7.0000000000',
        billedTokens: '5000',
        loggedTokens: '0',
        estimatedCost: null,
        tokenDrift: -1,
        costDrift: null,
        flagged: true,
        causes: ['calls-missing'],
      },
    ])
    expect(result.total.billedCost).toBe('26.5000000001')
    expect(result.total.loggedTokens).toBe('1750')
  })

  it('groups by principal and user, and filters both sides on what the logs know', async () => {
    const rows = await open()
    const byPrincipal = await reconcile(rows, { by: ['principal'] })
    const gateway = byPrincipal.rows.find((r) => r.keys[0] === GATEWAY)!
    expect([gateway.billedTokens, gateway.loggedTokens]).toEqual(['6750', '1750'])
    const alice = await reconcile(rows, {
      by: ['user'],
      filters: [{ dimension: 'user', values: ['alice'] }],
    })
    // Alice's share of day 1's tokens is hers alone: 300 input and 50 output.
    expect(alice.rows.map((r) => [r.keys[0], r.billedTokens, r.loggedTokens])).toEqual([
      ['alice', '350', '350'],
    ])
  })

  it('names list price against billed price when tokens agree and the estimate does not', async () => {
    const priced = LOG_RECORDS.map((r) =>
      r.request_id === 'r4' ? { ...r, est_cost_usd: '2.50', source: 'litellm' } : r,
    )
    const rows = await open(priced)
    const result = await reconcile(rows, {
      by: ['day'],
      filters: [{ dimension: 'day', values: ['2026-04-02'] }],
    })
    expect(result.rows.map(pick)).toEqual([
      {
        keys: ['2026-04-02'],
        billedCost: '2.0000000000',
        billedTokens: '1000',
        loggedTokens: '1000',
        estimatedCost: '2.5000000000',
        tokenDrift: 0,
        costDrift: 0.25,
        flagged: true,
        causes: ['list-price'],
      },
    ])
  })

  it('names cache tokens counted as input', async () => {
    const cacheRead = {
      ...CUR_ROWS[0],
      usage_start: '2026-04-04 00:00:00',
      usage_type: 'USE1-Claude4.6Sonnet-cache-read-input-token-count',
      usage_amount: 0.9,
      unblended_cost: '0.27',
      amortized_cost: '0.27',
    }
    const input = {
      ...cacheRead,
      usage_type: 'USE1-Claude4.6Sonnet-input-tokens',
      usage_amount: 0.1,
    }
    const records = [
      ...LOG_RECORDS,
      {
        ...LOG_RECORDS[0],
        request_id: 'r9',
        ts_utc: '2026-04-04 09:00:00',
        input_tokens: 1000,
        output_tokens: 0,
      },
    ]
    const rows = await open(records, [...CUR_ROWS, cacheRead, input])
    const result = await reconcile(rows, {
      by: ['day'],
      filters: [{ dimension: 'day', values: ['2026-04-04'] }],
    })
    expect(result.rows.map((r) => [r.billedTokens, r.loggedTokens, r.flagged, r.causes])).toEqual([
      ['1000', '1000', true, ['cache-as-input']],
    ])
  })

  it('gives the share of Bedrock cost the logs split', async () => {
    const rows = await open()
    // Split: day 1's gateway buckets (14.5000000001) and day 2's (2.00), of 26.5000000001.
    expect(await logCoverage(rows)).toEqual({
      bedrockCost: '26.5000000001',
      splitCost: '16.5000000001',
      coverage: 0.622641,
    })
  })

  it('applies role, week, month and date-range filters to the logs as to the bill', async () => {
    // The developer's day-1 call, 1,000 input tokens, as billed.
    const developer: LogRecord = {
      ...LOG_RECORDS[0],
      request_id: 'd1',
      principal_arn: DEVELOPER,
      end_user: null,
      tags: {},
      input_tokens: 1000,
      output_tokens: 0,
    }
    const rows = await open([...LOG_RECORDS, developer])
    const totals = async (filters: Filter[]) => {
      const { total } = await reconcile(rows, { by: ['day'], filters })
      return [total.billedTokens, total.loggedTokens]
    }
    // Gateway: billed 600 + 150 + 1,000 + 5,000; logged r1 350, r2 200, r3 200, r4 1,000.
    expect(await totals([{ dimension: 'role', values: ['llm-gateway'] }])).toEqual(['6750', '1750'])
    expect(await totals([{ dimension: 'role', values: ['BackendDev'] }])).toEqual(['1000', '1000'])
    expect(await totals([{ dimension: 'month', values: ['2026-04'] }])).toEqual(['7750', '2750'])
    // 2026-04-01 is a Wednesday: its ISO week starts on Monday 2026-03-30.
    const week = { dimension: 'week', values: ['2026-03-30'] } as const
    expect(await totals([{ ...week, values: [...week.values] }])).toEqual(['7750', '2750'])
    expect(await totals([{ ...week, values: [...week.values], exclude: true }])).toEqual(['0', '0'])
    const range = { dimension: 'day', values: [], range: { from: '2026-04-02' } } as const
    expect(await totals([{ ...range, values: [] }])).toEqual(['6000', '1000'])
    // The drill-down's records narrow the same way.
    const alice = { dimension: 'user', values: ['alice'] } satisfies Filter
    const records = async (filter: Filter) =>
      (await logRecords(rows, [alice, filter], 0, 50)).rows.map((r) => r.request_id)
    expect(await records({ dimension: 'role', values: ['BackendDev'] })).toEqual([])
    expect(await records({ dimension: 'role', values: ['llm-gateway'] })).toEqual(['r1'])
    expect(await records({ ...week, values: [...week.values], exclude: true })).toEqual([])
  })

  it('refuses a filter the logs cannot apply rather than showing drift', async () => {
    const rows = await open()
    for (const dimension of ['service', 'tag:team', 'usage-type'] as const) {
      await expect(
        reconcile(rows, { by: ['day'], filters: [{ dimension, values: ['x'] }] }),
      ).rejects.toMatchObject({ code: 'INVALID_QUERY', message: expect.stringContaining(dimension) })
    }
  })
})
