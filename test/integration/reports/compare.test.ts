// Comparing two deliveries of one export, and two months of one export, through the API. The later
// delivery comes from the generator (test/fixtures/later-delivery.ts), which knows every line it
// changed, removed and added; group figures are summed here from the generator's rows and their
// ground truth, never from the code under test.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CompareResult } from '../../../core/api.js'
import { createApi } from '../../../core/create-api.js'
import {
  generateBilling,
  WRITERS,
  type Billing,
  type BillingRow,
} from '../../fixtures/cur-generator.js'
import { laterDelivery, type LaterDelivery } from '../../fixtures/later-delivery.js'
import { formatUnits, toUnits } from '../../fixtures/money.js'

const MONTH = '2026-06'

/** Unblended cost summed by `key` over the rows, exactly. */
function sums(rows: BillingRow[], key: (r: BillingRow) => string): Map<string, bigint> {
  const result = new Map<string, bigint>()
  for (const row of rows) {
    const k = key(row)
    result.set(k, (result.get(k) ?? 0n) + toUnits(row.line_item_unblended_cost))
  }
  return result
}

/** Old, new and change per key, as the API spells them, from two sides' sums. */
function expectedChange(old: Map<string, bigint>, next: Map<string, bigint>) {
  const keys = new Set([...old.keys(), ...next.keys()])
  return Object.fromEntries(
    [...keys].map((k) => {
      const o = old.get(k) ?? 0n
      const n = next.get(k) ?? 0n
      return [k, { old: formatUnits(o), new: formatUnits(n), change: formatUnits(n - o) }]
    }),
  )
}

function byKey(result: CompareResult) {
  return Object.fromEntries(
    result.rows.map((r) => [String(r.keys[0]), { old: r.old, new: r.new, change: r.change }]),
  )
}

function absChange(change: string): bigint {
  const units = BigInt(change.replace('.', ''))
  return units < 0n ? -units : units
}

describe('comparing two deliveries of a CUR 2.0 export', () => {
  let root: string
  let earlier: Billing
  let later: LaterDelivery
  let api: ReturnType<typeof createApi>

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'cur-lens-compare-'))
    earlier = generateBilling({ seed: 19_03, usageRowsPerMonth: 150 })
    later = laterDelivery(earlier, { seed: 19_15, month: MONTH })
    await WRITERS['cur2-parquet'](earlier, join(root, 'third'))
    await WRITERS['cur2-parquet'](later.billing, join(root, 'fifteenth'))
    api = createApi({ emit: () => {} })
    await api.openSources({ paths: [join(root, 'third')] })
    await api.openComparison({ paths: [join(root, 'fifteenth')] })
  })
  afterAll(async () => {
    await api?.close()
    await rm(root, { recursive: true, force: true })
  })

  it('gives the totals per month, old and new, with only the rewritten month changed', async () => {
    const result = await api.compare({ by: ['service'], metric: 'unblended' })
    const month = (r: BillingRow) => r.bill_billing_period_start_date.slice(0, 7)
    const expected = expectedChange(sums(earlier.rows, month), sums(later.billing.rows, month))
    expect(Object.fromEntries(result.byMonth.map(({ month: m, ...f }) => [m, f]))).toEqual(expected)
    expect(result.byMonth.map((m) => m.month)).toEqual(['2026-05', '2026-06', '2026-07'])
    expect(result.byMonth.filter((m) => m.change !== '0.0000000000').map((m) => m.month)).toEqual([
      MONTH,
    ])
    expect(result.total).toEqual({
      old: earlier.expected.totals.unblended,
      new: later.billing.expected.totals.unblended,
      change: formatUnits(
        toUnits(Number(later.billing.expected.totals.unblended)) -
          toUnits(Number(earlier.expected.totals.unblended)),
      ),
    })
  })

  it('gives old, new and change by service and by account, largest absolute change first', async () => {
    for (const [dimension, key] of [
      ['service', (r: BillingRow) => r.truth.service],
      ['account', (r: BillingRow) => r.truth.account],
    ] as const) {
      const result = await api.compare({ by: [dimension], metric: 'unblended' })
      expect(byKey(result)).toEqual(
        expectedChange(sums(earlier.rows, key), sums(later.billing.rows, key)),
      )
      const changes = result.rows.map((r) => absChange(r.change))
      expect(changes).toEqual([...changes].sort((a, b) => (a === b ? 0 : a > b ? -1 : 1)))
    }
  })

  it('counts line items whole on both sides, as a breakdown does', async () => {
    const result = await api.compare({ by: ['service'], metric: 'count' })
    const counts = (rows: BillingRow[]) => {
      const result = new Map<string, number>()
      for (const r of rows) result.set(r.truth.service, (result.get(r.truth.service) ?? 0) + 1)
      return result
    }
    const old = counts(earlier.rows)
    const next = counts(later.billing.rows)
    const expected = Object.fromEntries(
      [...new Set([...old.keys(), ...next.keys()])].map((k) => {
        const [o, n] = [old.get(k) ?? 0, next.get(k) ?? 0]
        return [k, { old: String(o), new: String(n), change: String(n - o) }]
      }),
    )
    expect(byKey(result)).toEqual(expected)
    expect(result.total).toEqual({
      old: String(earlier.rows.length),
      new: String(later.billing.rows.length),
      change: String(later.billing.rows.length - earlier.rows.length),
    })
  })

  it('gives the change of Bedrock cost by team tag and by model, the untagged and unknown as null', async () => {
    const bedrock = (rows: BillingRow[]) => rows.filter((r) => r.truth.bedrock)
    for (const [dimension, key] of [
      ['tag:iamPrincipal/team', (r: BillingRow) => String(r.truth.team ?? null)],
      ['model', (r: BillingRow) => String(r.truth.model ?? null)],
    ] as const) {
      const result = await api.compare({
        by: [dimension],
        metric: 'unblended',
        filters: [{ dimension: 'service', values: ['Amazon Bedrock'] }],
      })
      expect(byKey(result)).toEqual(
        expectedChange(sums(bedrock(earlier.rows), key), sums(bedrock(later.billing.rows), key)),
      )
    }
  })

  it('compares the old delivery against the new one either way round', async () => {
    const swapped = await api.compare({
      by: ['service'],
      metric: 'unblended',
      old: { export: 'comparison' },
      new: { export: 'current' },
    })
    expect(swapped.total.old).toBe(later.billing.expected.totals.unblended)
    expect(swapped.total.new).toBe(earlier.expected.totals.unblended)
  })

  it('lists the line items added, removed and changed, matched by line item id and usage time', async () => {
    const result = await api.compareLines({})
    expect(result.matchedBy).toBe('line-item-id')
    expect(result.matchColumns).toEqual(['line_item_id', 'usage_start'])
    expect(result.kinds).toEqual(later.kinds)
    const touched = Object.keys(later.byId).length
    expect(result.unchanged).toBe(
      earlier.rows.length - later.kinds.changed.lines - later.kinds.removed.lines,
    )
    expect(result.truncated).toBe(false)
    expect(result.lines).toHaveLength(touched)
    for (const line of result.lines) {
      expect(later.byId[line.lineItemId!]).toEqual({
        kind: line.kind,
        old: line.old,
        new: line.new,
      })
      expect(line.period).toBe(MONTH)
    }
    const changes = result.lines.map((l) => absChange(l.change))
    expect(changes).toEqual([...changes].sort((a, b) => (a === b ? 0 : a > b ? -1 : 1)))
  })

  it('compares two months of one export by service', async () => {
    const result = await api.compare({
      by: ['service'],
      metric: 'unblended',
      old: { export: 'current', month: '2026-05' },
      new: { export: 'current', month: '2026-06' },
    })
    const inMonth = (m: string) =>
      earlier.rows.filter((r) => r.bill_billing_period_start_date.startsWith(m))
    const service = (r: BillingRow) => r.truth.service
    expect(byKey(result)).toEqual(
      expectedChange(sums(inMonth('2026-05'), service), sums(inMonth('2026-06'), service)),
    )
  })

  it('refuses user and log-tag, which usage logs split on the open export only', async () => {
    const refusal = {
      code: 'INVALID_QUERY',
      message: expect.stringMatching(/split only the open export/),
    }
    await expect(api.compare({ by: ['user'], metric: 'unblended' })).rejects.toMatchObject(refusal)
    await expect(api.compare({ by: ['log-tag:team'], metric: 'unblended' })).rejects.toMatchObject(
      refusal,
    )
    await expect(
      api.compare({
        by: ['service'],
        metric: 'unblended',
        filters: [{ dimension: 'user', values: ['maria'] }],
      }),
    ).rejects.toMatchObject(refusal)
    await expect(
      api.compareLines({ filters: [{ dimension: 'log-tag:team', values: ['ml'] }] }),
    ).rejects.toMatchObject(refusal)
  })

  it('refuses a side without a second export and a month that is no month, and closes the comparison with its export', async () => {
    await expect(
      api.compare({
        by: ['service'],
        metric: 'unblended',
        old: { export: 'current', month: '2026-6' },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_QUERY' })
    const alone = createApi({ emit: () => {} })
    try {
      await alone.openSources({ paths: [join(root, 'third')] })
      await expect(alone.compare({ by: ['service'], metric: 'unblended' })).rejects.toMatchObject({
        code: 'NO_DATASET',
      })
      // Opening another export closes the comparison opened against the one before.
      await alone.openComparison({ paths: [join(root, 'fifteenth')] })
      expect((await alone.currentComparison())?.paths).toEqual([join(root, 'fifteenth')])
      await alone.openSources({ paths: [join(root, 'fifteenth')] })
      expect(await alone.currentComparison()).toBeNull()
    } finally {
      await alone.close()
    }
  })
})

describe.each(['cur1-csv', 'focus'] as const)(
  'comparing two deliveries of a %s export',
  (format) => {
    let root: string
    let earlier: Billing
    let later: LaterDelivery
    let api: ReturnType<typeof createApi>

    beforeAll(async () => {
      root = await mkdtemp(join(tmpdir(), 'cur-lens-compare-'))
      earlier = generateBilling({ seed: 19_04, usageRowsPerMonth: 80, months: ['2026-05', MONTH] })
      later = laterDelivery(earlier, { seed: 19_16, month: MONTH })
      await WRITERS[format](earlier, join(root, 'third'))
      await WRITERS[format](later.billing, join(root, 'fifteenth'))
      api = createApi({ emit: () => {} })
      await api.openSources({ paths: [join(root, 'third')] })
      await api.openComparison({ paths: [join(root, 'fifteenth')] })
    })
    afterAll(async () => {
      await api?.close()
      await rm(root, { recursive: true, force: true })
    })

    it('matches lines by id where the format has one, else by stable columns, and reconciles', async () => {
      const result = await api.compareLines({})
      const change = (k: keyof typeof result.kinds) =>
        BigInt(result.kinds[k].change.replace('.', ''))
      const total = change('added') + change('removed') + change('changed')
      const expectedTotal =
        toUnits(Number(later.billing.expected.totals.unblended)) -
        toUnits(Number(earlier.expected.totals.unblended))
      expect(formatUnits(total)).toBe(formatUnits(expectedTotal))
      if (format === 'cur1-csv') {
        expect(result.matchedBy).toBe('line-item-id')
        expect(result.kinds).toEqual(later.kinds)
      } else {
        expect(result.matchedBy).toBe('stable-columns')
        expect(result.matchColumns).toContain('usage_account_id')
      }
    })
  },
)
