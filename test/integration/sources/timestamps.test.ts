// Timestamps in every form exports write them: each instant lands in the generator's usage day and
// billing month, offsets applied (a wall time of 19:00-05:00 is the next day's midnight in UTC). A
// value in no known form names its line or row, column and value; a file re-saved by a spreadsheet
// is refused, saying so.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openEngine } from '../../../core/engine/duckdb.js'
import { CurLensError } from '../../../core/errors/curlens-error.js'
import type { Dataset } from '../../../core/sources/dataset.js'
import { openDataset } from '../../../core/sources/index.js'
import { summarize } from '../../../core/sources/summary.js'
import { PAYER } from '../../fixtures/accounts-and-principals.js'
import { generateBilling, type Billing } from '../../fixtures/cur-generator.js'
import { timestampText, type TimestampForm } from '../../fixtures/text-forms.js'
import { writeCur2CsvGz } from '../../fixtures/writers-cur2.js'
import { writeSpreadsheetCopy } from '../../fixtures/writers-script.js'
import { month, unblendedBy, usageDay, viewUnblendedBy } from './expected-by.js'

let dir: string
let billing: Billing
let dataset: Dataset | undefined

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-timestamps-'))
  billing = generateBilling({ seed: 20261118, usageRowsPerMonth: 120 })
})

afterEach(async () => {
  await dataset?.close()
  dataset = undefined
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function openFailure(paths: string[]): Promise<CurLensError> {
  const error = await openDataset(paths).then(
    (opened) => {
      dataset = opened
      throw new Error('expected the open to fail')
    },
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(CurLensError)
  return error as CurLensError
}

describe.each<TimestampForm>(['space', 'no-seconds', 'fractions', 'offsets', 'date', 'mixed'])(
  'a CUR 2.0 CSV with timestamps written %s',
  (form) => {
    it('puts every row in its usage day and billing month, in UTC', async () => {
      const folder = await writeCur2CsvGz(billing, join(dir, form), form, { timestamps: form })
      dataset = await openDataset([folder])
      const summary = await summarize(dataset)
      expect(summary.reconciliation.matches).toBe(true)
      expect(dataset.info.problems).toEqual([])
      const { engine } = dataset
      expect(await viewUnblendedBy(engine, 'billing_period')).toEqual(
        unblendedBy(billing.rows, month),
      )
      expect(await viewUnblendedBy(engine, "strftime(usage_start, '%Y-%m-%d')")).toEqual(
        unblendedBy(billing.rows, usageDay),
      )
    })
  },
)

const HEADER =
  'bill_billing_period_start_date,line_item_usage_start_date,line_item_line_item_type,line_item_unblended_cost,line_item_usage_account_id'

describe('a timestamp in no known form', () => {
  it.each([
    ['read typed', '2026-07-01T00:00:00Z'],
    ['read as text', '2026-07-01T02:00:00+02:00'],
  ])(
    'in a CSV whose timestamps are %s is refused, naming the line, column and value',
    async (_, first) => {
      const rows = [first, '2026-07-02T00:00:00Z', '2026-07-03T00:00:00Z', 'sometime in July']
      const text = rows.map((t) => `2026-07-01T00:00:00Z,${t},Usage,1,012345678901`).join('\n')
      const path = join(dir, `garbage-${first.length}.csv`)
      await writeFile(path, `${HEADER}\n${text}\n`)
      const error = await openFailure([path])
      expect(error.code).toBe('FILE_CORRUPT')
      expect(error.message).toContain(`${path}`)
      expect(error.message).toMatch(
        /line 5: "sometime in July" in column line_item_usage_start_date is not a date and time\.$/,
      )
    },
  )

  it('in a Parquet file that stores timestamps as text is refused, naming the row', async () => {
    const path = join(dir, 'text-timestamps.parquet')
    const engine = await openEngine({ readPaths: [], readDirectories: [], workDirectory: dir })
    try {
      await engine.query(
        `COPY (SELECT * FROM (VALUES ('2026-07-01T00:00Z', '2026-06-30T19:00:00-05:00', 'Usage', 1.5),
                                     ('2026-07-01T00:00Z', '2026-07-02', 'Usage', 2.5),
                                     ('2026-07-01T00:00Z', 'yesterday', 'Usage', 1.0))
               t(bill_billing_period_start_date, line_item_usage_start_date, line_item_line_item_type,
                 line_item_unblended_cost)) TO '${path}' (FORMAT parquet)`,
      )
    } finally {
      await engine.close()
    }
    const error = await openFailure([path])
    expect(error.message).toBe(
      `${path} row 3: "yesterday" in column line_item_usage_start_date is not a date and time.`,
    )
  })
})

describe('a Parquet file that stores timestamps as text in other forms', () => {
  it('reads each as the instant it names', async () => {
    const path = join(dir, 'text-forms.parquet')
    const values = ['aws', 'no-seconds', 'offsets', 'offsets', 'date'].map((form, i) =>
      timestampText('2026-07-01T00:00:00.000Z', form as TimestampForm, i + 1),
    )
    const engine = await openEngine({ readPaths: [], readDirectories: [], workDirectory: dir })
    try {
      const rows = values.map((v) => `('2026-07-01T00:00Z', '${v}', 'Usage', 1.5)`).join(', ')
      await engine.query(
        `COPY (SELECT * FROM (VALUES ${rows}) t(bill_billing_period_start_date,
                 line_item_usage_start_date, line_item_line_item_type, line_item_unblended_cost))
         TO '${path}' (FORMAT parquet)`,
      )
    } finally {
      await engine.close()
    }
    dataset = await openDataset([path])
    const days = await dataset.engine.query<{ day: string }>(
      'SELECT DISTINCT CAST(usage_start AS VARCHAR) AS day, billing_period FROM cur',
    )
    expect(days).toEqual([{ day: '2026-07-01 00:00:00', billing_period: '2026-07' }])
  })
})

describe('a CUR 2.0 CSV re-saved by a spreadsheet', () => {
  it.each(['dates', 'accounts', 'both'] as const)(
    'with its %s rewritten is refused, saying so and what to do',
    async (damage) => {
      const path = await writeSpreadsheetCopy(billing, join(dir, `excel-${damage}.csv`), damage)
      const error = await openFailure([path])
      expect(error.code).toBe('SPREADSHEET_DAMAGE')
      expect(error.message).toMatch(new RegExp(`^${path} looks re-saved by a spreadsheet: `))
      expect(error.message).toContain('Open the original export as downloaded from AWS.')
    },
  )

  it('is refused when only later rows show it (the first row’s account ids have 11 digits)', async () => {
    const first = billing.rows.findIndex((r) => r.line_item_usage_account_id === PAYER.id)
    const rows = [billing.rows[first], ...billing.rows.filter((_, i) => i !== first)]
    const path = join(dir, 'excel-later.csv')
    await writeSpreadsheetCopy({ ...billing, rows }, path, 'accounts')
    const error = await openFailure([path])
    expect(error.code).toBe('SPREADSHEET_DAMAGE')
    expect(error.message).toMatch(/line_item_usage_account_id holds "\d\.\d+E\+11"/)
  })
})
