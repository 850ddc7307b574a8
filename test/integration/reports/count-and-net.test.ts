// The `count` metric (line items per group) and the net unblended basis of a chargeback, over a
// generated CUR 2.0 Parquet export. Expected figures are the generator's own (its row counts by
// line item type, its exact net total) or summed here from its rows, never read from the code.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BreakdownResult } from '../../../core/api.js'
import { chargeback, checkRules } from '../../../core/chargeback/index.js'
import { breakdown } from '../../../core/reports/breakdown.js'
import type { Base } from '../../../core/rows/grouped-rows.js'
import { generateBilling, writeCur2Parquet, type Billing } from '../../fixtures/cur-generator.js'
import { toUnits } from '../../fixtures/money.js'
import { openRows, type OpenRows } from '../rows/open-rows.js'

const keyed = (result: BreakdownResult) =>
  Object.fromEntries(result.rows.map((r) => [r.keys[0] ?? '(null)', r.value]))
const cents = (money: string) => BigInt(money.replace('.', ''))
const roundUnits = (u: bigint) =>
  u < 0n ? -((-u + 50_000_000n) / 100_000_000n) : (u + 50_000_000n) / 100_000_000n
const unitsOf = (decimal: string) => BigInt(decimal.replace('.', ''))

describe('line-item counts and the net unblended basis', () => {
  let root: string
  let billing: Billing
  let dataset: OpenRows
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'cur-lens-count-net-'))
    billing = generateBilling({ seed: 2_019 })
    await writeCur2Parquet(billing, root)
    dataset = await openRows([root])
    expect(await dataset.cacheReady()).toBe(true)
  })
  afterAll(async () => {
    await dataset?.close()
    await rm(root, { recursive: true, force: true })
  })

  it.each(['files', 'cache'] as Base[])(
    'counts the line items of each group, whole, adding up to every row (%s)',
    async (base) => {
      const byType = await breakdown(
        dataset,
        { dimensions: ['line-item-type'], metric: 'count' },
        { base },
      )
      expect(keyed(byType)).toEqual(
        Object.fromEntries(
          Object.entries(billing.expected.byLineItemType).map(([k, v]) => [k, String(v.rows)]),
        ),
      )
      expect(byType.total).toBe(String(billing.expected.rows))
      const byTeam = await breakdown(
        dataset,
        {
          dimensions: ['tag:iamPrincipal/team'],
          metric: 'count',
          filters: [{ dimension: 'service', values: ['Amazon Bedrock'] }],
          topN: 2,
        },
        { base },
      )
      const teams = new Map<string, number>()
      for (const row of billing.rows.filter((r) => r.truth.bedrock)) {
        const team = row.truth.team ?? '(null)'
        teams.set(team, (teams.get(team) ?? 0) + 1)
      }
      const ranked = [...teams].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      const expected = Object.fromEntries(ranked.slice(0, 2).map(([k, v]) => [k, String(v)]))
      const others = ranked.slice(2).reduce((s, [, v]) => s + v, 0)
      expect(
        Object.fromEntries(
          byTeam.rows.map((r) => [r.other ? '(other)' : (r.keys[0] ?? '(null)'), r.value]),
        ),
      ).toEqual({ ...expected, '(other)': String(others) })
    },
  )

  it('computes a chargeback on net unblended cost that reconciles to the net total', async () => {
    const all = await chargeback(dataset, { by: 'account', basis: 'net' })
    expect(all.basis).toBe('net')
    expect(cents(all.billTotal)).toBe(roundUnits(unitsOf(billing.expected.totals.net)))
    expect(all.reconciles).toBe(true)
    const direct = new Map<string, bigint>()
    for (const row of billing.rows) {
      if (['Tax', 'Credit', 'Refund', 'Fee'].includes(row.line_item_line_item_type)) continue
      const account = row.line_item_usage_account_id
      direct.set(account, (direct.get(account) ?? 0n) + toUnits(row.line_item_net_unblended_cost))
    }
    for (const statement of all.statements.filter((s) => s.kind === 'recipient')) {
      const diff = cents(statement.direct) - roundUnits(direct.get(statement.recipient) ?? 0n)
      expect(diff >= -1n && diff <= 1n).toBe(true)
    }
    const coverage = await checkRules(
      dataset,
      {
        version: 1,
        rules: [{ id: 'all', recipient: 'everyone', match: { kind: 'account', pattern: '*' } }],
      },
      'net',
    )
    expect(coverage.total).toBe(billing.expected.totals.net)
  })

  it('refuses a basis that is not one of the bases', async () => {
    await expect(
      chargeback(dataset, { by: 'account', basis: 'ondemand' as 'net' }),
    ).rejects.toThrow(/"unblended", "net", "amortized"/)
  })
})
