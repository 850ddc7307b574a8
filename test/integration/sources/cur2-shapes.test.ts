// CUR 2.0 as scripts and other tools write it: no map columns, or only the seven or eight columns a
// small script needs, as Parquet or CSV, with the billing period in a column, in the folder name, or
// nowhere. Every figure is compared with the generator's own (expected-by.ts).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openEngine } from '../../../core/engine/duckdb.js'
import type { Dataset } from '../../../core/sources/dataset.js'
import { openDataset } from '../../../core/sources/index.js'
import { summarize } from '../../../core/sources/summary.js'
import { generateBilling, type Billing, type BillingRow } from '../../fixtures/cur-generator.js'
import { writeCur2Parquet } from '../../fixtures/writers-cur2.js'
import { SCRIPT_COLUMNS, writeScriptExport } from '../../fixtures/writers-script.js'
import { account, month, principal, unblendedBy, viewUnblendedBy } from './expected-by.js'

let dir: string
let billing: Billing
let dataset: Dataset | undefined

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-cur2-shapes-'))
  billing = generateBilling({ seed: 20261115, usageRowsPerMonth: 120 })
})

afterEach(async () => {
  await dataset?.close()
  dataset = undefined
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Opens `path` and checks the totals by month, account and principal against the generator's. */
async function expectGeneratorFigures(path: string, rows = billing.rows) {
  dataset = await openDataset([path])
  const summary = await summarize(dataset)
  expect(summary.rows).toBe(rows.length)
  expect(summary.reconciliation.matches).toBe(true)
  const { engine } = dataset
  expect(await viewUnblendedBy(engine, 'billing_period')).toEqual(unblendedBy(rows, month))
  expect(await viewUnblendedBy(engine, 'usage_account_id')).toEqual(unblendedBy(rows, account))
  expect(await viewUnblendedBy(engine, 'principal_arn')).toEqual(unblendedBy(rows, principal))
  return dataset.info
}

describe('a CUR 2.0 Parquet export without map columns', () => {
  it('is CUR 2.0, with every principal, and reads the absent maps as no tags', async () => {
    const folder = await writeCur2Parquet(billing, join(dir, 'no-maps'), 'no-maps', {
      mapColumns: false,
    })
    const info = await expectGeneratorFigures(folder)
    expect(info).toMatchObject({ format: 'cur2-parquet', hasPrincipal: true, problems: [] })
    const [{ tagged }] = await dataset!.engine.query<{ tagged: string }>(
      'SELECT CAST(count(*) AS VARCHAR) AS tagged FROM cur WHERE cardinality(tags) > 0',
    )
    expect(tagged).toBe('0')
  })
})

describe.each(['parquet', 'csv'] as const)(
  'a script export of seven or eight columns (%s)',
  (container) => {
    it('with the billing period column is CUR 2.0 with every principal and no notice', async () => {
      const folder = await writeScriptExport(billing, join(dir, `${container}-8`), {
        container,
        withPeriod: true,
        layout: 'flat',
      })
      const info = await expectGeneratorFigures(folder)
      expect(info).toMatchObject({ format: `cur2-${container}`, hasPrincipal: true, problems: [] })
    })

    it('without it takes each file’s period from its BILLING_PERIOD= folder, and says so', async () => {
      const folder = await writeScriptExport(billing, join(dir, `${container}-7-periods`), {
        container,
        withPeriod: false,
        layout: 'periods',
      })
      const info = await expectGeneratorFigures(folder)
      expect(info.format).toBe(`cur2-${container}`)
      expect(info.problems).toHaveLength(3)
      for (const p of info.problems) {
        expect(p.code).toBe('BILLING_PERIOD_INFERRED')
        const period = /BILLING_PERIOD=(\d{4}-\d{2})/.exec(p.file)![1]
        expect(p.message).toContain(
          `counted in ${period}, the month its folder BILLING_PERIOD=${period} names`,
        )
      }
    })

    it('without it and outside period folders counts each row in its usage month, and says so', async () => {
      const folder = await writeScriptExport(billing, join(dir, `${container}-7-flat`), {
        container,
        withPeriod: false,
        layout: 'flat',
      })
      const info = await expectGeneratorFigures(folder)
      expect(info.problems.map((p) => p.code)).toEqual(Array(3).fill('BILLING_PERIOD_INFERRED'))
      expect(info.problems[0].message).toContain('in the month its usage starts')
    })
  },
)

describe.each(['parquet', 'csv'] as const)(
  'a folder mixing files with and without the period (%s)',
  (container) => {
    /**
     * July's bill with a day of June's usage billed late. A file with the column says July; one in the
     * BILLING_PERIOD=2026-07 folder without it is July by its folder; one elsewhere without it can only
     * go by its usage dates.
     */
    it('gives every row its own file’s period', async () => {
      const july = billing.rows.filter((r) => month(r) === '2026-07').slice(0, 60)
      const late = july.map((r, i) =>
        i % 3 === 0 ? { ...r, line_item_usage_start_date: '2026-06-30T00:00:00.000Z' } : r,
      )
      const root = join(dir, `mixed-${container}`)
      const periodFolder = join(root, 'BILLING_PERIOD=2026-07')
      await mkdir(periodFolder, { recursive: true })
      const write = (file: string, rows: BillingRow[], withPeriod: boolean) =>
        writeRows(file, rows, withPeriod, container)
      await write(join(periodFolder, `with-period.${container}`), late.slice(0, 20), true)
      await write(join(periodFolder, `without-period.${container}`), late.slice(20, 40), false)
      await write(join(root, `loose.${container}`), late.slice(40), false)
      dataset = await openDataset([root])
      const byUsage = (r: BillingRow) => r.line_item_usage_start_date.slice(0, 7)
      const rows = [
        ...late.slice(0, 40).map((r) => ({ ...r, bill_billing_period_start_date: '2026-07-01' })),
        ...late
          .slice(40)
          .map((r) => ({ ...r, bill_billing_period_start_date: `${byUsage(r)}-01` })),
      ]
      expect(await viewUnblendedBy(dataset.engine, 'billing_period')).toEqual(
        unblendedBy(rows, month),
      )
      expect(dataset.info.problems.map((p) => p.file).sort()).toEqual(
        [
          join(periodFolder, `without-period.${container}`),
          join(root, `loose.${container}`),
        ].sort(),
      )
    })
  },
)

/** One file of `rows` with the script's columns, written as the generator's script writer does. */
async function writeRows(file: string, rows: BillingRow[], withPeriod: boolean, container: string) {
  const columns = withPeriod
    ? ['bill_billing_period_start_date', ...SCRIPT_COLUMNS]
    : SCRIPT_COLUMNS
  const data = rows.map((r) => columns.map((c) => String(r[c as keyof BillingRow])))
  const text = Papa.unparse({ fields: [...columns], data }, { newline: '\n' }) + '\n'
  if (container === 'csv') return writeFile(file, text)
  const staging = `${file}.staging.csv`
  await writeFile(staging, text)
  const engine = await openEngine({ readPaths: [staging], readDirectories: [], workDirectory: dir })
  try {
    const types = columns.map((c) =>
      /_date$/.test(c) ? 'TIMESTAMP' : c === 'line_item_unblended_cost' ? 'DOUBLE' : 'VARCHAR',
    )
    const spec = columns.map((c, i) => `'${c}': '${types[i]}'`).join(', ')
    await engine.query(
      `COPY (SELECT * FROM read_csv($staging, header = true, auto_detect = false, columns = {${spec}}))
       TO '${file.replaceAll("'", "''")}' (FORMAT parquet)`,
      { staging },
    )
  } finally {
    await engine.close()
    await rm(staging)
  }
}
