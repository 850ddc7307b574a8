// Seeded synthetic billing written as each export format: the normalized totals by line item type,
// month and service equal the generator's exact expectations (to the 10th decimal), the formats agree
// with one another, and the merged tag map carries exactly the row's tags.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SummaryResult } from '../../../core/api.js'
import type { CurLensError } from '../../../core/errors/curlens-error.js'
import { CUR_COLUMNS } from '../../../core/sources/cur-columns.js'
import type { Dataset } from '../../../core/sources/dataset.js'
import { openDataset } from '../../../core/sources/index.js'
import { summarize } from '../../../core/sources/summary.js'
import {
  generateBilling,
  writeCur2CsvGz,
  writeCur2Parquet,
  WRITERS,
  type Billing,
  type BillingRow,
} from '../../fixtures/cur-generator.js'
import { formatUnits, toUnits } from '../../fixtures/money.js'

type Format = keyof typeof WRITERS

/** FOCUS ChargeCategory of each CUR line item type (as the FOCUS writer maps them), after our map. */
const FOCUS_TYPE: Record<string, string> = {
  Usage: 'Usage',
  DiscountedUsage: 'Usage',
  SavingsPlanCoveredUsage: 'Usage',
  SavingsPlanNegation: 'Usage',
  SavingsPlanRecurringFee: 'Fee',
  SavingsPlanUpfrontFee: 'Fee',
  RIFee: 'Fee',
  Fee: 'Fee',
  Tax: 'Tax',
  Credit: 'Credit',
  Refund: 'Credit',
  EdpDiscount: 'Credit',
}

let dir: string
let billing: Billing
const datasets = new Map<Format, Dataset>()
const summaries = new Map<Format, SummaryResult>()

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-generated-'))
  billing = generateBilling({ seed: 20260701 })
  for (const [format, write] of Object.entries(WRITERS) as [Format, (typeof WRITERS)[Format]][]) {
    const folder = await write(billing, join(dir, format))
    const dataset = await openDataset([folder])
    datasets.set(format, dataset)
    summaries.set(format, await summarize(dataset))
  }
})

afterAll(async () => {
  for (const dataset of datasets.values()) await dataset.close()
  await rm(dir, { recursive: true, force: true })
})

const byKey = <T extends { unblended: string; amortized: string }>(
  items: T[],
  key: (t: T) => string,
) =>
  Object.fromEntries(items.map((t) => [key(t), { unblended: t.unblended, amortized: t.amortized }]))

/** Sums of the generator's rows grouped by `key`, as decimal strings. */
function expectedBy(rows: BillingRow[], key: (row: BillingRow) => string) {
  const sums = new Map<string, bigint>()
  for (const row of rows)
    sums.set(key(row), (sums.get(key(row)) ?? 0n) + toUnits(row.line_item_unblended_cost))
  return Object.fromEntries([...sums].map(([k, v]) => [k, formatUnits(v)]))
}

describe.each(Object.keys(WRITERS) as Format[])('generated billing as %s', (format) => {
  it('loads in its format with every row and reconciles to the files', () => {
    const summary = summaries.get(format)!
    expect(summary.format).toBe(format)
    expect(summary.rows).toBe(billing.expected.rows)
    expect(summary.billingPeriods).toEqual(['2026-05', '2026-06', '2026-07'])
    expect(summary.reconciliation.matches).toBe(true)
    expect(datasets.get(format)!.info.problems).toEqual([])
  })

  it('has exactly the columns of the normalized view, with their types', async () => {
    const columns = await datasets
      .get(format)!
      .engine.query<{ name: string; type: string }>(
        'SELECT column_name AS name, column_type AS type FROM (DESCRIBE cur)',
      )
    // The raw tag columns' struct has the fields of the format (its own tag columns).
    expect(columns).toEqual(
      CUR_COLUMNS.map((c) => ({
        name: c.name,
        type: c.type === 'STRUCT' ? expect.stringMatching(/^STRUCT\(/) : c.type,
      })),
    )
  })

  it('has the expected totals of every cost metric', () => {
    expect(summaries.get(format)!.totals).toEqual(billing.expected.totals)
  })

  it('has the expected totals by month and by service', () => {
    const summary = summaries.get(format)!
    expect(byKey(summary.byMonth, (m) => m.period)).toEqual(billing.expected.byMonth)
    expect(byKey(summary.byService, (s) => s.service)).toEqual(billing.expected.byService)
  })

  it('has the expected totals by line item type (FOCUS by its charge categories)', () => {
    const summary = summaries.get(format)!
    const got = Object.fromEntries(
      summary.byLineItemType.map((t) => [
        t.lineItemType,
        { rows: t.rows, unblended: t.unblended, amortized: t.amortized },
      ]),
    )
    if (format !== 'focus') {
      expect(got).toEqual(billing.expected.byLineItemType)
      return
    }
    const rows = new Map<string, number>()
    for (const row of billing.rows) {
      const type = FOCUS_TYPE[row.line_item_line_item_type]
      rows.set(type, (rows.get(type) ?? 0) + 1)
    }
    const unblended = expectedBy(billing.rows, (r) => FOCUS_TYPE[r.line_item_line_item_type])
    expect(
      Object.fromEntries(Object.entries(got).map(([t, v]) => [t, [v.rows, v.unblended]])),
    ).toEqual(Object.fromEntries([...rows].map(([t, n]) => [t, [n, unblended[t]]])))
  })

  it('sums to the summary when the view itself is grouped (the summary reads the totals built on open)', async () => {
    const rows = await datasets.get(format)!.engine.query<{
      by: string
      key: string
      unblended: string
      amortized: string
    }>(
      `SELECT CASE WHEN grouping(line_item_type) = 0 THEN 'type'
                   WHEN grouping(billing_period) = 0 THEN 'month' ELSE 'service' END AS by,
              coalesce(line_item_type, billing_period, service) AS key,
              CAST(sum(unblended_cost) AS VARCHAR) AS unblended,
              CAST(sum(amortized_cost) AS VARCHAR) AS amortized
       FROM cur
       GROUP BY GROUPING SETS ((line_item_type), (billing_period), (service))`,
    )
    const view = (by: string) =>
      byKey(
        rows.filter((r) => r.by === by),
        (r) => r.key,
      )
    const summary = summaries.get(format)!
    expect(view('type')).toEqual(byKey(summary.byLineItemType, (t) => t.lineItemType))
    expect(view('month')).toEqual(byKey(summary.byMonth, (m) => m.period))
    expect(view('service')).toEqual(byKey(summary.byService, (s) => s.service))
  })

  it('keeps account ids with their leading zero', async () => {
    const ids = await datasets
      .get(format)!
      .engine.query<{ id: string }>('SELECT DISTINCT payer_account_id AS id FROM cur')
    expect(ids.map((r) => r.id)).toEqual(['012345678901'])
  })

  it('carries exactly the tags the format can hold, once each', async () => {
    const keep = (key: string) =>
      format === 'cur1-csv' ? /^(resourceTags|costCategory)\//.test(key) : true
    const expected = new Map<string, bigint>()
    for (const row of billing.rows) {
      for (const [key, value] of Object.entries(row.tags)) {
        if (!keep(key) || value === '') continue
        const id = `${key}=${value}`
        expected.set(id, (expected.get(id) ?? 0n) + toUnits(row.line_item_unblended_cost))
      }
    }
    const got = await datasets.get(format)!.engine.query<{ id: string; total: string }>(
      `SELECT e.key || '=' || e.value AS id, CAST(sum(unblended_cost) AS VARCHAR) AS total
       FROM (SELECT unnest(map_entries(tags)) AS e, unblended_cost FROM cur)
       GROUP BY ALL`,
    )
    expect(Object.fromEntries(got.map((g) => [g.id, g.total]))).toEqual(
      Object.fromEntries([...expected].map(([id, units]) => [id, formatUnits(units)])),
    )
  })

  it('has the principal only where the format carries it', async () => {
    const [{ n }] = await datasets
      .get(format)!
      .engine.query<{ n: string }>('SELECT CAST(count(principal_arn) AS VARCHAR) AS n FROM cur')
    const withPrincipal = billing.rows.filter((r) => r.line_item_iam_principal !== '').length
    const cur2 = format.startsWith('cur2')
    expect(Number(n)).toBe(cur2 ? withPrincipal : 0)
    expect(datasets.get(format)!.info.hasPrincipal).toBe(cur2)
  })
})

describe('generated billing across formats', () => {
  it('gives Amazon Bedrock, by team tag, the expected cost in every format that has the tag', async () => {
    for (const format of ['cur2-parquet', 'cur2-csv', 'focus'] as Format[]) {
      const rows = await datasets.get(format)!.engine.query<{ team: string; total: string }>(
        `SELECT coalesce(tags['iamPrincipal/team'], '(untagged)') AS team,
                CAST(sum(unblended_cost) AS VARCHAR) AS total
         FROM cur WHERE service = 'Amazon Bedrock' GROUP BY 1`,
      )
      expect(Object.fromEntries(rows.map((r) => [r.team, r.total])), format).toEqual(
        billing.expected.bedrock.byTeam,
      )
    }
  })

  it('agrees on every total between the formats', () => {
    const totals = [...summaries.values()].map((s) => s.totals)
    for (const t of totals) expect(t).toEqual(totals[0])
  })
})

describe('generated exports opened together', () => {
  it('refuses two different CUR 2.0 exports, naming both', async () => {
    const a = await writeCur2Parquet(billing, join(dir, 'two'), 'export-a')
    const b = await writeCur2Parquet(billing, join(dir, 'two'), 'export-b')
    const error = await openDataset([a, b]).catch((e: unknown) => e)
    expect((error as CurLensError).code).toBe('MIXED_FORMATS')
    expect((error as CurLensError).message).toContain('"export-a"')
    expect((error as CurLensError).message).toContain('"export-b"')
  })

  it('refuses a folder holding CUR 2.0 Parquet and CSV, naming the formats', async () => {
    const folder = join(dir, 'mixed')
    await writeCur2Parquet(billing, folder, 'same')
    await writeCur2CsvGz(billing, folder, 'same-csv')
    const error = await openDataset([folder]).catch((e: unknown) => e)
    expect((error as CurLensError).code).toBe('MIXED_FORMATS')
    expect((error as CurLensError).message).toContain('CUR 2.0 Parquet')
    expect((error as CurLensError).message).toContain('CUR 2.0 CSV')
  })

  it('reads CUR 2.0 Parquet through the view without copying it into the engine', async () => {
    const tables = await datasets
      .get('cur2-parquet')!
      .engine.query<{ name: string; rows: string }>(
        'SELECT table_name AS name, CAST(estimated_size AS VARCHAR) AS rows FROM duckdb_tables() ORDER BY 1',
      )
    expect(tables.map((t) => t.name)).toEqual([
      'cur_product_names',
      'cur_source_files',
      'cur_totals',
    ])
    // The totals hold groups, not rows: a few hundred for this deliberately varied data.
    expect(tables.every((t) => Number(t.rows) < billing.expected.rows / 2)).toBe(true)
  })
})
