// The chargeback workbook over a generated CUR 2.0 Parquet export, read back with exceljs: the
// summary reconciles to the generator's own month total, every cell equals the CSV's, amounts are
// numbers in the currency format, headers are frozen, columns fit, the metadata sheet names each
// source with its SHA-256 (computed here), and a second export at another time has the same bytes.
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { chargebackDownload, exportChargeback } from '../../../core/chargeback/index.js'
import type { ExportRequest } from '../../../core/api.js'
import { generateBilling, writeCur2Parquet, type Billing } from '../../fixtures/cur-generator.js'
import { readWorkbook } from '../../fixtures/read-workbook.js'
import { openRows, type OpenRows } from '../rows/open-rows.js'

const MONTH = '2026-06'
const REQUEST: Omit<ExportRequest, 'outDir'> = {
  by: 'tag:iamPrincipal/team',
  basis: 'unblended',
  period: MONTH,
  shared: { tax: { method: 'proportional' }, unmatched: { method: 'even' } },
  perRecipient: true,
  xlsx: true,
}

/** Cents of a decimal string, rounded half away from zero (as the chargeback rounds). */
function centsOf(money: string): bigint {
  const negative = money.startsWith('-')
  const [whole, fraction = ''] = money.replace('-', '').split('.')
  const units = BigInt(whole + fraction.padEnd(10, '0').slice(0, 10))
  const cents = (units + 50_000_000n) / 100_000_000n
  return negative ? -cents : cents
}
const cellCents = (value: unknown) => BigInt(Math.round((value as number) * 100))

/** The rows of the first table of a sheet (up to the first empty row), header included. */
function firstTable(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = []
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r)
    if (row.cellCount === 0) break
    rows.push(Array.from({ length: sheet.columnCount }, (_, c) => row.getCell(c + 1).value))
  }
  while (rows.length && rows.every((row) => row.at(-1) === null)) rows.forEach((row) => row.pop())
  return rows
}

async function csvRows(path: string): Promise<string[][]> {
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '')
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data
}

describe('chargeback workbook', () => {
  let root: string
  let billing: Billing
  let rows: OpenRows | undefined
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'cur-lens-workbook-'))
    billing = generateBilling({ seed: 777 })
    await writeCur2Parquet(billing, join(root, 'cur'))
    rows = await openRows([join(root, 'cur')])
  })
  afterAll(async () => {
    vi.useRealTimers()
    await rows?.close()
    await rm(root, { recursive: true, force: true })
  })

  it('writes chargeback.xlsx beside the CSVs, with the same cells and the generator total', async () => {
    const out = join(root, 'out')
    const result = await exportChargeback(rows!, { ...REQUEST, outDir: out })
    expect(result.files).toContain(join(out, 'chargeback.xlsx'))
    const workbook = await readWorkbook(join(out, 'chargeback.xlsx'))
    const names = workbook.worksheets.map((s) => s.name)
    expect(names[0]).toBe('Summary')
    expect(names.slice(-2)).toEqual(['Allocations', 'Metadata'])
    expect(names.slice(1, -2)).toEqual(result.chargeback.statements.map((s) => s.recipient))

    // The generator's own total for the month, to the cent, in the summary and its reconciliation.
    const expected = centsOf(billing.expected.byMonth[MONTH].unblended)
    const summary = workbook.getWorksheet('Summary')!
    const table = firstTable(summary)
    expect(table.slice(1).reduce((s, row) => s + cellCents(row[6]), 0n)).toBe(expected)
    const reconciliation = new Map<string, unknown>()
    for (let r = table.length + 2; r <= summary.rowCount; r++) {
      const row = summary.getRow(r)
      reconciliation.set(row.getCell(1).value as string, row.getCell(2).value)
    }
    expect(cellCents(reconciliation.get('bill total'))).toBe(expected)
    expect(
      cellCents(reconciliation.get('recipients total')) +
        cellCents(reconciliation.get('unallocated (kept shared cost)')),
    ).toBe(expected)

    // Each sheet's cells are the CSV's: text the same, amounts the same numbers.
    const metadata = JSON.parse(await readFile(join(out, 'chargeback-metadata.json'), 'utf8'))
    expect(metadata.files.workbook).toBe('chargeback.xlsx')
    const pairs: [string, string][] = [
      ['Summary', 'chargeback-summary.csv'],
      ['Allocations', 'chargeback-allocations.csv'],
      ...metadata.files.statements.map((s: { file: string }, i: number): [string, string] => [
        names[i + 1],
        s.file,
      ]),
    ]
    for (const [sheet, file] of pairs) {
      const csv = await csvRows(join(out, file))
      const cells = firstTable(workbook.getWorksheet(sheet)!)
      expect(cells.length, sheet).toBe(csv.length)
      cells.forEach((row, r) =>
        row.forEach((cell, c) => {
          const want = csv[r][c]
          if (typeof cell === 'number') expect(cell, `${sheet} ${r}:${c}`).toBe(Number(want))
          else expect(cell ?? '', `${sheet} ${r}:${c}`).toBe(want)
        }),
      )
    }
  })

  it('formats amounts in the currency, freezes the headers and fits the columns', async () => {
    const workbook = await readWorkbook(join(root, 'out', 'chargeback.xlsx'))
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
      expect(sheet.getRow(1).font?.bold).toBe(true)
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          // exceljs leaves out a width of 9, Excel's default.
          const width = sheet.getColumn(cell.col).width ?? 9
          if (typeof cell.value === 'number') {
            if (sheet.name !== 'Metadata') expect(cell.numFmt).toContain('[$USD] #,##0.00')
            expect(width).toBeGreaterThan(cell.value.toFixed(2).length)
          } else if (typeof cell.value === 'string' && !cell.value.includes('\n')) {
            expect(width).toBeGreaterThanOrEqual(Math.min(80, cell.value.length))
          }
        }),
      )
    }
  })

  it('records each source file with its SHA-256 on the metadata sheet', async () => {
    const workbook = await readWorkbook(join(root, 'out', 'chargeback.xlsx'))
    const sheet = workbook.getWorksheet('Metadata')!
    const values = new Map<string, unknown[]>()
    sheet.eachRow((row) =>
      values.set(
        String(row.getCell(1).value),
        [2, 3, 4].map((c) => row.getCell(c).value),
      ),
    )
    expect(values.get('period')?.[0]).toBe(MONTH)
    expect(values.get('basis')?.[0]).toBe('unblended')
    expect(values.get('reconciles')?.[0]).toBe('yes')
    expect(values.get('tax')?.[0]).toBe('proportional')
    for (const file of rows!.dataset.info.files) {
      const sha = createHash('sha256')
        .update(await readFile(file.path))
        .digest('hex')
      expect(values.get(file.path)).toEqual([file.bytes, file.rows, sha])
    }
  })

  it('writes the same bytes for the same inputs, whatever the clock says', async () => {
    const first = await readFile(join(root, 'out', 'chargeback.xlsx'))
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2031-02-03T04:05:06Z'))
    await exportChargeback(rows!, { ...REQUEST, outDir: join(root, 'again') })
    vi.useRealTimers()
    expect(await readFile(join(root, 'again', 'chargeback.xlsx'))).toEqual(first)
  })

  it('downloads (web mode) the same workbook, and a zip of the same files the folder export writes', async () => {
    const request = { ...REQUEST, xlsx: undefined, perRecipient: undefined }
    const workbook = await chargebackDownload(rows!, { ...request, as: 'xlsx' })
    expect(workbook.name).toBe(`chargeback-${MONTH}.xlsx`)
    expect(Buffer.from(workbook.base64, 'base64')).toEqual(
      await readFile(join(root, 'out', 'chargeback.xlsx')),
    )
    const zip = await chargebackDownload(rows!, { ...request, as: 'zip', perRecipient: true })
    expect(zip.name).toBe(`chargeback-${MONTH}.zip`)
    const entries = unzipSync(new Uint8Array(Buffer.from(zip.base64, 'base64')))
    const metadata = JSON.parse(
      await readFile(join(root, 'out', 'chargeback-metadata.json'), 'utf8'),
    )
    const names = [
      'chargeback-summary.csv',
      'chargeback-allocations.csv',
      ...metadata.files.statements.map((s: { file: string }) => s.file),
    ]
    expect(Object.keys(entries).sort()).toEqual([...names, 'chargeback-metadata.json'].sort())
    for (const name of names) {
      expect(Buffer.from(entries[name]), name).toEqual(await readFile(join(root, 'out', name)))
    }
    const again = await chargebackDownload(rows!, { ...request, as: 'zip', perRecipient: true })
    expect(again.base64).toBe(zip.base64)
  })

  it('removes the workbook of an earlier export when this one writes none', async () => {
    const out = join(root, 'out')
    const { removed } = await exportChargeback(rows!, { ...REQUEST, xlsx: false, outDir: out })
    expect(removed).toContain(join(out, 'chargeback.xlsx'))
    await expect(readFile(join(out, 'chargeback.xlsx'))).rejects.toThrow()
  })
})
