// The breakdown workbook over a generated CUR 2.0 Parquet export, read back with exceljs and checked
// against the generator's own totals by service and by month.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { breakdownWorkbook } from '../../../core/reports/breakdown-workbook.js'
import { generateBilling, writeCur2Parquet, type Billing } from '../../fixtures/cur-generator.js'
import { readWorkbook } from '../../fixtures/read-workbook.js'
import { openRows, type OpenRows } from '../rows/open-rows.js'

/** Cents of a 10-decimal figure, rounded half away from zero. */
function cents(money: string): number {
  return Math.round(Number(money) * 100)
}

describe('breakdown workbook', () => {
  let root: string
  let billing: Billing
  let rows: OpenRows | undefined
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'cur-lens-breakdown-xlsx-'))
    billing = generateBilling({ seed: 99 })
    await writeCur2Parquet(billing, root)
    rows = await openRows([root])
  })
  afterAll(async () => {
    await rows?.close()
    await rm(root, { recursive: true, force: true })
  })

  it('has one row per service with the generator total, amounts as currency numbers', async () => {
    const bytes = await breakdownWorkbook(rows!, { dimensions: ['service'], metric: 'unblended' })
    const sheet = (await readWorkbook(bytes)).getWorksheet('Breakdown')!
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    const services = Object.keys(billing.expected.byService)
    const got = new Map<string, number>()
    for (let r = 2; r <= services.length + 1; r++) {
      const row = sheet.getRow(r)
      expect(row.getCell(2).numFmt).toBe('[$USD] #,##0.00;-[$USD] #,##0.00')
      got.set(row.getCell(1).value as string, Math.round((row.getCell(2).value as number) * 100))
    }
    expect(
      new Map(services.map((s) => [s, cents(billing.expected.byService[s].unblended)])),
    ).toEqual(got)
    const total = sheet.getRow(services.length + 4).getCell(2).value as number
    expect(Math.round(total * 100)).toBe(cents(billing.expected.totals.unblended))
  })

  it('adds a period column for a monthly series, each month the generator amortized total', async () => {
    const bytes = await breakdownWorkbook(rows!, {
      dimensions: ['line-item-type'],
      metric: 'amortized',
      timeGrain: 'month',
    })
    const workbook = await readWorkbook(bytes)
    const sheet = workbook.getWorksheet('Breakdown')!
    expect(sheet.getRow(1).values).toEqual([undefined, 'line-item-type', 'period', 'cost'])
    const byMonth = new Map<string, number>()
    for (let r = 2; sheet.getRow(r).getCell(1).value !== null; r++) {
      const row = sheet.getRow(r)
      const month = row.getCell(2).value as string
      byMonth.set(month, (byMonth.get(month) ?? 0) + Number(row.getCell(3).value))
    }
    for (const [month, pair] of Object.entries(billing.expected.byMonth)) {
      expect(Math.round(byMonth.get(month)! * 100)).toBe(cents(pair.amortized))
    }
    const about = workbook.getWorksheet('About')!
    const facts = new Map<string, unknown>()
    about.eachRow((row) => facts.set(String(row.getCell(1).value), row.getCell(2).value))
    expect(facts.get('metric')).toBe('amortized')
    expect(facts.get('time grain')).toBe('month')
  })

  it('says a range of days and an empty group in the About sheet as the CLI does', async () => {
    const bytes = await breakdownWorkbook(rows!, {
      dimensions: ['tag:iamPrincipal/team'],
      metric: 'unblended',
      filters: [
        { dimension: 'day', values: [], range: { from: '2026-06-01', to: '2026-06-15' } },
        { dimension: 'day', values: [], range: { from: '2026-06-03' }, exclude: true },
        { dimension: 'tag:iamPrincipal/team', values: [null, 'data'] },
      ],
    })
    const about = (await readWorkbook(bytes)).getWorksheet('About')!
    const filters: unknown[] = []
    about.eachRow((row) => {
      if (row.getCell(1).value === 'filter') filters.push(row.getCell(2).value)
    })
    expect(filters).toEqual([
      'day from 2026-06-01 to 2026-06-15',
      'day not from 2026-06-03',
      'tag:iamPrincipal/team is one of (untagged), data',
    ])
  })
})
