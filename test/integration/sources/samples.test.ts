// Every real export in /work/shared/samples loads in the right format and reconciles to its own
// column sum, computed here independently: papaparse (and zlib / yauzl for compressed files) for CSV,
// a raw DuckDB query straight over the files for Parquet.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import Papa from 'papaparse'
import yauzl from 'yauzl'
import { afterEach, describe, expect, it } from 'vitest'
import { openEngine, type Engine } from '../../../core/engine/duckdb.js'
import { CurLensError } from '../../../core/errors/curlens-error.js'
import type { Dataset } from '../../../core/sources/dataset.js'
import { openDataset } from '../../../core/sources/index.js'
import { summarize } from '../../../core/sources/summary.js'
import { decimalUnits, formatUnits, sumDecimals } from './decimal-units.js'

const SAMPLES = '/work/shared/samples'
let dataset: Dataset | undefined
let engine: Engine | undefined

afterEach(async () => {
  await dataset?.close()
  dataset = undefined
  await engine?.close()
  engine = undefined
})

function csvRows(text: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data
}

async function open(path: string) {
  dataset = await openDataset([path])
  return { info: dataset.info, summary: await summarize(dataset) }
}

async function zipEntryText(path: string): Promise<string> {
  const zip = await yauzl.openPromise(path)
  try {
    for await (const entry of zip.eachEntry()) {
      if (!entry.fileName.endsWith('.csv')) continue
      const chunks: Buffer[] = []
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer)
      return Buffer.concat(chunks).toString('utf8')
    }
  } finally {
    zip.close()
  }
  throw new Error(`no CSV in ${path}`)
}

describe('the real CUR 2.0 CSV export (ola-raji)', () => {
  const folder = join(SAMPLES, 'ola-raji-cur2-csv')
  const file = join(folder, 'ha-project-CUR-daily-1-00001.csv')

  it('loads as CUR 2.0 CSV and reconciles to its own unblended column', async () => {
    const rows = csvRows(await readFile(file, 'utf8'))
    const { info, summary } = await open(folder)
    expect(info.format).toBe('cur2-csv')
    expect(info.rows).toBe(rows.length)
    expect(info.files).toEqual([
      { path: file, format: 'cur2-csv', rows: rows.length, bytes: expect.any(Number) },
    ])
    expect(info.billingPeriods).toEqual(['2026-04'])
    expect(info.currency).toBe('USD')
    expect(info.hasPrincipal).toBe(false)
    const independent = sumDecimals(rows.map((r) => r.line_item_unblended_cost))
    expect(summary.totals.unblended).toBe(independent)
    expect(summary.reconciliation).toEqual({
      sourceUnblended: independent,
      viewUnblended: independent,
      matches: true,
    })
  })

  it('sums each line item type as the file does, and its credits bring the total to zero', async () => {
    const rows = csvRows(await readFile(file, 'utf8'))
    const { summary } = await open(folder)
    for (const type of ['Usage', 'Credit', 'Tax']) {
      const mine = rows.filter((r) => r.line_item_line_item_type === type)
      const total = summary.byLineItemType.find((t) => t.lineItemType === type)
      expect(total?.rows, type).toBe(mine.length)
      expect(total?.unblended, type).toBe(sumDecimals(mine.map((r) => r.line_item_unblended_cost)))
    }
    expect(Math.abs(Number(summary.totals.unblended))).toBeLessThan(0.005)
    const credit = summary.byLineItemType.find((t) => t.lineItemType === 'Credit')!
    expect(Number(credit.unblended)).toBeLessThan(-47)
  })

  it('keeps account ids as the text the file holds', async () => {
    const rows = csvRows(await readFile(file, 'utf8'))
    await open(folder)
    const ids = await dataset!.engine.query<{ id: string; type: string }>(
      'SELECT DISTINCT usage_account_id AS id, typeof(usage_account_id) AS type FROM cur',
    )
    expect(ids.map((r) => r.id).sort()).toEqual(
      [...new Set(rows.map((r) => r.line_item_usage_account_id))].sort(),
    )
    expect(ids.every((r) => r.type === 'VARCHAR')).toBe(true)
  })

  it('keeps the resource tags of the tags map once, under their CUR 2.0 spelling', async () => {
    await open(folder)
    const [row] = await dataset!.engine.query<{ keys: string[] }>(
      "SELECT map_keys(tags) AS keys FROM cur WHERE tags['resourceTags/user:CostCenter'] IS NOT NULL LIMIT 1",
    )
    expect([...row.keys].sort()).toEqual(
      [
        'resourceTags/user:Criticality',
        'resourceTags/user:CostCenter',
        'resourceTags/user:Environment',
        'resourceTags/user:Owner',
        'resourceTags/user:Project',
        'resourceTags/user:Workload',
      ].sort(),
    )
  })
})

describe('the real legacy CUR CSV export (focus-converters)', () => {
  it('loads as legacy CUR CSV, with tax rows, and reconciles to lineItem/UnblendedCost', async () => {
    const folder = join(SAMPLES, 'focus-converters-aws-cur1-csv')
    const [name] = await readdir(folder)
    const rows = csvRows(await readFile(join(folder, name), 'utf8'))
    const { info, summary } = await open(folder)
    expect(info.format).toBe('cur1-csv')
    expect(info.rows).toBe(rows.length)
    expect(info.billingPeriods).toEqual(['2023-11'])
    expect(info.hasPrincipal).toBe(false)
    expect(summary.totals.unblended).toBe(sumDecimals(rows.map((r) => r['lineItem/UnblendedCost'])))
    const tax = rows.filter((r) => r['lineItem/LineItemType'] === 'Tax')
    expect(summary.byLineItemType.find((t) => t.lineItemType === 'Tax')).toMatchObject({
      rows: tax.length,
      unblended: sumDecimals(tax.map((r) => r['lineItem/UnblendedCost'])),
    })
    expect(summary.reconciliation.matches).toBe(true)
    const [{ principals }] = await dataset!.engine.query<{ principals: string }>(
      'SELECT count(principal_arn) AS principals FROM cur',
    )
    expect(principals).toBe('0')
  })
})

describe('the real FOCUS 1.0 sample', () => {
  it('loads every provider’s rows, reads NULL text as null and reconciles to BilledCost', async () => {
    const folder = join(SAMPLES, 'focus-sample-data-1.0')
    const rows = csvRows(await readFile(join(folder, 'focus_sample.csv'), 'utf8'))
    const { info, summary } = await open(folder)
    expect(info.format).toBe('focus')
    expect(info.rows).toBe(rows.length)
    const billed = sumDecimals(rows.map((r) => r.BilledCost))
    expect(summary.totals.unblended).toBe(billed)
    expect(summary.totals.amortized).toBe(sumDecimals(rows.map((r) => r.EffectiveCost)))
    expect(summary.reconciliation.matches).toBe(true)
    const providers = await dataset!.engine.query<{ service: string }>(
      'SELECT DISTINCT service FROM cur',
    )
    const services = providers.map((p) => p.service)
    for (const provider of ['AWS', 'Microsoft', 'Oracle']) {
      const theirs = new Set(
        rows.filter((r) => r.ProviderName === provider).map((r) => r.ServiceName),
      )
      expect(
        [...theirs].every((s) => services.includes(s)),
        provider,
      ).toBe(true)
    }
    const [{ nulls }] = await dataset!.engine.query<{ nulls: string }>(
      "SELECT CAST(count(*) AS VARCHAR) AS nulls FROM cur WHERE resource_id = 'NULL' OR region = 'NULL'",
    )
    expect(nulls).toBe('0')
  })
})

describe('the keboola mock exports', () => {
  // Named V2, but its columns are legacy CUR's as Athena flattens them (product_product_name and two
  // more product attributes no CUR 2.0 has; no map column, no principal).
  it('reads the .csv.gz with Athena column names as legacy CUR and reconciles to its gunzipped column', async () => {
    const folder = join(SAMPLES, 'keboola-mock-cur', 'cur_2_0')
    const rows = csvRows(
      gunzipSync(await readFile(join(folder, 'MockTestReportV2-00001.csv.gz'))).toString(),
    )
    const { info, summary } = await open(folder)
    expect(info.format).toBe('cur1-csv')
    expect(info.rows).toBe(rows.length)
    expect(summary.totals.unblended).toBe(sumDecimals(rows.map((r) => r.line_item_unblended_cost)))
    expect(summary.reconciliation.matches).toBe(true)
  })

  it('reads the legacy .csv.zip and reconciles to the zipped CSV column', async () => {
    const folder = join(SAMPLES, 'keboola-mock-cur', 'cur_1_0')
    const rows = csvRows(await zipEntryText(join(folder, 'MockTestReport-00001.csv.zip')))
    const { info, summary } = await open(folder)
    expect(info.format).toBe('cur1-csv')
    expect(info.rows).toBe(rows.length)
    expect(summary.totals.unblended).toBe(sumDecimals(rows.map((r) => r['lineItem/UnblendedCost'])))
    expect(summary.reconciliation.matches).toBe(true)
  })

  it('refuses the two exports together, naming both', async () => {
    const root = join(SAMPLES, 'keboola-mock-cur')
    const error = await openDataset([root]).catch((e: CurLensError) => e)
    expect(error).toBeInstanceOf(CurLensError)
    expect((error as CurLensError).code).toBe('MIXED_FORMATS')
    expect((error as CurLensError).message).toContain('MockTestReport-00001.csv.zip')
    expect((error as CurLensError).message).toContain('MockTestReportV2-00001.csv.gz')
  })
})

describe('the real legacy Athena Parquet export (SaaS workshop)', () => {
  it('finds the 30 parts without extensions and reconciles to a raw query over them', async () => {
    const folder = join(SAMPLES, 'saas-workshop-lab7-cur1-parquet')
    const files = (await readdir(folder)).map((f) => join(folder, f))
    const work = await mkdtemp(join(tmpdir(), 'cur-lens-raw-'))
    engine = await openEngine({ readPaths: [], readDirectories: [folder], workDirectory: work })
    const [raw] = await engine.query<{ rows: string; total: string }>(
      `SELECT CAST(count(*) AS VARCHAR) AS rows,
              CAST(sum(CAST(line_item_unblended_cost AS DECIMAL(18,10))) AS VARCHAR) AS total
       FROM read_parquet($files)`,
      { files },
    )
    const { info, summary } = await open(folder)
    expect(info.format).toBe('cur1-parquet')
    expect(info.files).toHaveLength(30)
    expect(info.rows).toBe(Number(raw.rows))
    expect(info.billingPeriods).toEqual(['2022-10'])
    expect(summary.totals.unblended).toBe(formatUnits(decimalUnits(raw.total)))
    expect(summary.reconciliation.matches).toBe(true)
    expect(summary.byService.map((s) => s.service)).toContain('Amazon DynamoDB')
    await rm(work, { recursive: true, force: true })
  })
})

describe('every real export', () => {
  it.each([
    'ola-raji-cur2-csv',
    'focus-converters-aws-cur1-csv',
    'focus-sample-data-1.0',
    'keboola-mock-cur/cur_2_0',
    'keboola-mock-cur/cur_1_0',
    'saas-workshop-lab7-cur1-parquet',
  ])(
    '%s loads with no problem listed (no column left unread, no period inferred)',
    async (name) => {
      const { info, summary } = await open(join(SAMPLES, name))
      expect(info.problems).toEqual([])
      expect(summary.reconciliation.matches).toBe(true)
    },
  )
})
