// The week dimension and the date-range filter over a generated CUR 2.0 Parquet export that spans
// a year boundary (December 2026 and January 2027: the week of Monday 2026-12-28 holds 2027-01-01).
// Expected figures are summed here from the generator's rows, Monday-start weeks worked out in
// JavaScript, never read from the code under test.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BreakdownResult, Filter } from '../../../core/api.js'
import { breakdown } from '../../../core/reports/breakdown.js'
import { lineItems } from '../../../core/reports/line-items.js'
import type { Base } from '../../../core/rows/grouped-rows.js'
import {
  generateBilling,
  writeCur2Parquet,
  type Billing,
  type BillingRow,
} from '../../fixtures/cur-generator.js'
import { formatUnits, toUnits } from '../../fixtures/money.js'
import { openRows, type OpenRows } from '../rows/open-rows.js'

/** The Monday (YYYY-MM-DD, UTC) of the week a row's usage started in. */
function mondayOf(row: BillingRow): string {
  const start = new Date(row.line_item_usage_start_date)
  const day = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()))
  const sinceMonday = (day.getUTCDay() + 6) % 7
  return new Date(day.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10)
}

const usageDay = (row: BillingRow) => row.line_item_usage_start_date.slice(0, 10)

function sums(rows: readonly BillingRow[], key: (row: BillingRow) => string) {
  const totals = new Map<string, bigint>()
  for (const row of rows) {
    totals.set(key(row), (totals.get(key(row)) ?? 0n) + toUnits(row.line_item_unblended_cost))
  }
  return Object.fromEntries([...totals].map(([k, v]) => [k, formatUnits(v)]))
}

function keyed(result: BreakdownResult): Record<string, string> {
  return Object.fromEntries(result.rows.map((r) => [r.keys[0] ?? '(null)', r.value]))
}

const range = (from?: string, to?: string): Filter => ({
  dimension: 'day',
  values: [],
  range: { ...(from ? { from } : {}), ...(to ? { to } : {}) },
})

describe('weeks and date ranges across a year boundary', () => {
  let root: string
  let billing: Billing
  let dataset: OpenRows
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'cur-lens-weeks-'))
    billing = generateBilling({
      seed: 19_2026,
      months: ['2026-12', '2027-01'],
      usageRowsPerMonth: 150,
    })
    await writeCur2Parquet(billing, root)
    dataset = await openRows([root])
    expect(await dataset.cacheReady()).toBe(true)
  })
  afterAll(async () => {
    await dataset?.close()
    await rm(root, { recursive: true, force: true })
  })

  const bases: Base[] = ['files', 'cache']

  it.each(bases)(
    'sums cost by Monday-start week, the week of 2026-12-28 across the new year (%s)',
    async (base) => {
      const result = await breakdown(
        dataset,
        { dimensions: ['week'], metric: 'unblended' },
        { base },
      )
      const expected = sums(billing.rows, mondayOf)
      expect(keyed(result)).toEqual(expected)
      expect(result.total).toBe(billing.expected.totals.unblended)
      // The generator has usage on both sides of 2027-01-01, and it falls in one week.
      const crossing = billing.rows.filter((r) => mondayOf(r) === '2026-12-28').map(usageDay)
      expect(
        crossing.some((d) => d < '2027-01-01') && crossing.some((d) => d >= '2027-01-01'),
      ).toBe(true)
      expect(Object.keys(keyed(result))).toContain('2026-12-28')
    },
  )

  it.each(bases)(
    'gives a weekly series as the time grain and filters by a week (%s)',
    async (base) => {
      const series = await breakdown(
        dataset,
        {
          dimensions: ['line-item-type'],
          metric: 'unblended',
          timeGrain: 'week',
          filters: [{ dimension: 'week', values: ['2026-12-28'] }],
        },
        { base },
      )
      const inWeek = billing.rows.filter((r) => mondayOf(r) === '2026-12-28')
      expect(series.rows.every((r) => r.period === '2026-12-28')).toBe(true)
      expect(keyed(series)).toEqual(sums(inWeek, (r) => r.line_item_line_item_type))
    },
  )

  it.each(bases)(
    'keeps the usage days of an inclusive range, open at either end (%s)',
    async (base) => {
      const cases: [string | undefined, string | undefined][] = [
        ['2026-12-28', '2027-01-03'],
        ['2027-01-01', '2027-01-01'],
        [undefined, '2026-12-15'],
        ['2027-01-20', undefined],
      ]
      for (const [from, to] of cases) {
        const result = await breakdown(
          dataset,
          { dimensions: ['service'], metric: 'unblended', filters: [range(from, to)] },
          { base },
        )
        const kept = billing.rows.filter(
          (r) =>
            (from === undefined || usageDay(r) >= from) && (to === undefined || usageDay(r) <= to),
        )
        expect(kept.length).toBeGreaterThan(0)
        expect(keyed(result)).toEqual(sums(kept, (r) => r.truth.service))
      }
    },
  )

  it('drills down to the line items of a range and of a week', async () => {
    const items = await lineItems(dataset, {
      filters: [range('2026-12-28', '2027-01-03')],
      page: 0,
      pageSize: 1,
    })
    const inRange = billing.rows.filter(
      (r) => usageDay(r) >= '2026-12-28' && usageDay(r) <= '2027-01-03',
    )
    expect(items.totalRows).toBe(inRange.length)
    const week = await lineItems(dataset, {
      filters: [{ dimension: 'week', values: ['2026-12-28'] }],
      page: 0,
      pageSize: 1,
    })
    expect(week.totalRows).toBe(billing.rows.filter((r) => mondayOf(r) === '2026-12-28').length)
  })

  it('refuses a malformed day, a range on another dimension, and a range that ends before it starts', async () => {
    const query = (filter: Filter) =>
      breakdown(dataset, { dimensions: ['service'], metric: 'unblended', filters: [filter] })
    await expect(query(range('2027-02-30'))).rejects.toThrow(/YYYY-MM-DD/)
    await expect(query(range('2027-01-05', '2027-01-01'))).rejects.toThrow(/after it ends/)
    await expect(
      query({ dimension: 'month', values: [], range: { from: '2027-01-01' } }),
    ).rejects.toThrow(/day only/)
  })
})
