// The minimum-amount cutoff of a breakdown: groups below it (in absolute value) are summed into one
// `under` row, per period in a series, so the listed rows still add up to the total. Expected
// groups are summed here from the generator's rows, never read from the code under test.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { breakdown } from '../../../core/reports/breakdown.js'
import type { Base } from '../../../core/rows/grouped-rows.js'
import {
  generateBilling,
  writeCur2Parquet,
  type Billing,
  type BillingRow,
} from '../../fixtures/cur-generator.js'
import { formatUnits, toUnits } from '../../fixtures/money.js'
import { openRows, type OpenRows } from '../rows/open-rows.js'

/** Units of 1e-10 dollars by key. */
function sums(rows: readonly BillingRow[], key: (row: BillingRow) => string) {
  const totals = new Map<string, bigint>()
  for (const row of rows) {
    totals.set(key(row), (totals.get(key(row)) ?? 0n) + toUnits(row.line_item_unblended_cost))
  }
  return totals
}
const abs = (u: bigint) => (u < 0n ? -u : u)
const usageDay = (row: BillingRow) => row.line_item_usage_start_date.slice(0, 10)

describe('a minimum amount for listed groups', () => {
  let root: string
  let billing: Billing
  let dataset: OpenRows
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'cur-lens-min-amount-'))
    billing = generateBilling({ seed: 3_019, usageRowsPerMonth: 200 })
    await writeCur2Parquet(billing, root)
    dataset = await openRows([root])
    expect(await dataset.cacheReady()).toBe(true)
  })
  afterAll(async () => {
    await dataset?.close()
    await rm(root, { recursive: true, force: true })
  })

  it.each(['files', 'cache'] as Base[])(
    'sums the groups under the cutoff into one row, the total unchanged (%s)',
    async (base) => {
      // Usage types by day: many groups, a good share of them cents or less.
      const key = (r: BillingRow) => `${r.line_item_usage_type}|${usageDay(r)}`
      const expected = sums(billing.rows, key)
      const dollar = 10_000_000_000n // in units of 1e-10
      const below = [...expected].filter(([, u]) => abs(u) < dollar)
      expect(below.length).toBeGreaterThan(3)
      const result = await breakdown(
        dataset,
        { dimensions: ['usage-type', 'day'], metric: 'unblended', minAmount: '1' },
        { base },
      )
      const under = result.rows.filter((r) => r.under !== undefined)
      expect(under).toHaveLength(1)
      expect(under[0].keys).toEqual([null, null])
      expect(under[0].under).toBe(below.length)
      expect(under[0].value).toBe(formatUnits(below.reduce((s, [, u]) => s + u, 0n)))
      const listed = Object.fromEntries(
        result.rows.filter((r) => r.under === undefined).map((r) => [r.keys.join('|'), r.value]),
      )
      expect(listed).toEqual(
        Object.fromEntries(
          [...expected].filter(([, u]) => abs(u) >= dollar).map(([k, u]) => [k, formatUnits(u)]),
        ),
      )
      expect(result.total).toBe(billing.expected.totals.unblended)
      expect(result.rows.at(-1)?.under).toBe(below.length)
    },
  )

  it('folds per period in a series and leaves the (other) row alone', async () => {
    const result = await breakdown(dataset, {
      dimensions: ['usage-type'],
      metric: 'unblended',
      timeGrain: 'month',
      topN: 5,
      minAmount: '0.5',
    })
    const byPeriod = new Map<string, bigint>()
    for (const row of result.rows) {
      byPeriod.set(
        row.period!,
        (byPeriod.get(row.period!) ?? 0n) + BigInt(row.value.replace('.', '')),
      )
    }
    for (const [month, pair] of Object.entries(billing.expected.byMonth)) {
      expect(formatUnits(byPeriod.get(month) ?? 0n)).toBe(pair.unblended)
    }
    expect(result.rows.filter((r) => r.under !== undefined && r.other)).toEqual([])
    expect(new Set(result.rows.filter((r) => r.under).map((r) => r.period)).size).toBe(
      result.rows.filter((r) => r.under).length,
    )
  })

  it('refuses a minimum that is not a plain decimal', async () => {
    await expect(
      breakdown(dataset, { dimensions: ['service'], metric: 'unblended', minAmount: '-1' }),
    ).rejects.toThrow(/minAmount/)
  })
})
