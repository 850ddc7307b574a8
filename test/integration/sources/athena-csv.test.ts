// A legacy CUR queried in Athena and saved as CSV: snake_case names (line_item_unblended_cost,
// resource_tags_user_cost_center). It is legacy CUR, its tag columns are gathered into tags exactly
// as from the Athena Parquet original, and its totals are the generator's.
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openEngine } from '../../../core/engine/duckdb.js'
import type { Dataset } from '../../../core/sources/dataset.js'
import { openDataset } from '../../../core/sources/index.js'
import { summarize } from '../../../core/sources/summary.js'
import { generateBilling, type Billing } from '../../fixtures/cur-generator.js'
import { athenaColumn, writeCur1AthenaCsv, writeCur1Csv } from '../../fixtures/writers-cur1.js'
import { formatUnits, toUnits } from '../../fixtures/money.js'
import { month, unblendedBy, viewUnblendedBy } from './expected-by.js'

let dir: string
let billing: Billing
let athena: string
let dataset: Dataset | undefined

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-athena-'))
  billing = generateBilling({ seed: 20261116, usageRowsPerMonth: 120 })
  athena = await writeCur1AthenaCsv(billing, dir)
})

afterEach(async () => {
  await dataset?.close()
  dataset = undefined
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/**
 * The generator's resource tags and cost categories as Athena's names spell them, read back the way
 * the README documents: resource_tags_user_cost_center → resourceTags/user:cost_center.
 */
function expectedTags(): Record<string, string> {
  const sums = new Map<string, bigint>()
  for (const row of billing.rows) {
    for (const [key, value] of Object.entries(row.tags)) {
      if (value === '' || !/^(resourceTags|costCategory)\//.test(key)) continue
      const athenaKey = athenaColumn(key)
        .replace(/^resource_tags_(user|aws)_/, 'resourceTags/$1:')
        .replace(/^cost_category_/, 'costCategory/')
      const id = `${athenaKey}=${value}`
      sums.set(id, (sums.get(id) ?? 0n) + toUnits(row.line_item_unblended_cost))
    }
  }
  return Object.fromEntries([...sums].map(([k, v]) => [k, formatUnits(v)]))
}

async function tagTotals(d: Dataset) {
  const rows = await d.engine.query<{ id: string; total: string }>(
    `SELECT e.key || '=' || e.value AS id, CAST(sum(unblended_cost) AS VARCHAR) AS total
     FROM (SELECT unnest(map_entries(tags)) AS e, unblended_cost FROM cur) GROUP BY ALL`,
  )
  return Object.fromEntries(rows.map((r) => [r.id, r.total]))
}

describe('a legacy CUR saved from Athena as CSV', () => {
  it('is legacy CUR with every tag, reconciled, and agrees with the lineItem/… CSV', async () => {
    dataset = await openDataset([athena])
    const summary = await summarize(dataset)
    expect(dataset.info).toMatchObject({ format: 'cur1-csv', hasPrincipal: false, problems: [] })
    expect(summary.reconciliation.matches).toBe(true)
    expect(summary.totals).toEqual(billing.expected.totals)
    expect(await viewUnblendedBy(dataset.engine, 'billing_period')).toEqual(
      unblendedBy(billing.rows, month),
    )
    expect(await tagTotals(dataset)).toEqual(expectedTags())
    await dataset.close()
    dataset = await openDataset([await writeCur1Csv(billing, dir)])
    expect((await summarize(dataset)).totals).toEqual(summary.totals)
  })

  it('gives the same tags as the Athena Parquet original', async () => {
    dataset = await openDataset([athena])
    const fromCsv = await tagTotals(dataset)
    await dataset.close()
    const parquet = join(dir, 'athena-parquet')
    const files = (await readdir(athena)).map((f) => join(athena, f))
    const engine = await openEngine({ readPaths: files, readDirectories: [], workDirectory: dir })
    try {
      await engine.query(`COPY (SELECT * FROM read_csv($files)) TO '${parquet}' (FORMAT parquet)`, {
        files,
      })
    } finally {
      await engine.close()
    }
    dataset = await openDataset([parquet])
    expect(dataset.info.format).toBe('cur1-parquet')
    expect(await tagTotals(dataset)).toEqual(fromCsv)
  })

  it('is told apart from a lineItem/… CSV in the same folder (MIXED_FORMATS)', async () => {
    const legacy = await writeCur1Csv(billing, join(dir, 'both'))
    const error = await openDataset([legacy, athena]).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'MIXED_FORMATS' })
    expect((error as Error).message).toContain("legacy CUR CSV with Athena's column names")
  })
})
