// Excel workbooks made of plain tables (exceljs): each sheet holds one or more tables, each with a
// bold header row; the first header is frozen, columns are as wide as their longest cell, amounts
// are numbers in the export's currency format. Text cells get the CSV's formula escape, so a cell
// reads the same in the workbook as in the CSV. Byte-identical for the same tables: the document
// dates are the caller's, and the zip is packed again (fflate) with one fixed entry time, since
// exceljs stamps each entry with the current time.
import ExcelJS from 'exceljs'
import { unzipSync } from 'fflate'
import { CurLensError } from '../errors/curlens-error.js'
import { escapeText } from './excel-csv.js'
import { zipFiles } from './zip.js'

/** `money` in the currency format, `number` with 4 decimals, `integer` whole. */
export type XlsxColumnType = 'text' | 'money' | 'number' | 'integer'

export interface XlsxColumn {
  name: string
  type: XlsxColumnType
}

/** Text, or a canonical decimal string in a number column; null leaves the cell empty. */
export type XlsxCell = string | null

export interface XlsxTable {
  columns: XlsxColumn[]
  rows: XlsxCell[][]
}

export interface XlsxSheet {
  name: string
  /** Stacked from the top, one empty row between two tables. */
  tables: XlsxTable[]
}

export interface XlsxOptions {
  /** ISO 4217 code of the amounts, e.g. USD; anything else shows amounts without a code. */
  currency: string
  /** The workbook's created and modified dates, derived from the inputs (never the clock). */
  date: Date
}

const NUMBER = /^-?\d+(\.\d+)?$/
const MIN_WIDTH = 8
const MAX_WIDTH = 80
/** Excel's limit on a sheet name, and the characters it refuses in one. */
export const MAX_SHEET_NAME = 31
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g

function numberFormat(type: XlsxColumnType, currency: string): string | undefined {
  if (type === 'money') {
    const amount = '#,##0.00'
    return /^[A-Z]{3}$/.test(currency)
      ? `[$${currency}] ${amount};-[$${currency}] ${amount}`
      : amount
  }
  if (type === 'number') return '#,##0.0000'
  if (type === 'integer') return '#,##0'
  return undefined
}

function cellValue(cell: XlsxCell, column: XlsxColumn, where: string): string | number | null {
  if (cell === null) return null
  if (column.type === 'text') return escapeText(cell)
  if (!NUMBER.test(cell)) {
    throw new CurLensError(
      'INTERNAL',
      `${where}: column ${column.name} expects a number, got "${cell}".`,
    )
  }
  return Number(cell)
}

/** The width a cell's text takes, in characters, as Excel shows the number format. */
function shownLength(value: string | number | null, type: XlsxColumnType): number {
  if (value === null) return 0
  if (typeof value === 'string') return Math.max(...value.split('\n').map((l) => l.length))
  const digits = Math.trunc(Math.abs(value)).toString().length
  const grouped = digits + Math.floor((digits - 1) / 3) + (value < 0 ? 1 : 0)
  // Money: 2 decimals and a currency code; other numbers: 4 decimals.
  return grouped + (type === 'money' ? 3 + 4 : type === 'number' ? 5 : 0)
}

/** A sheet name Excel accepts: forbidden characters replaced, at most 31 characters, not blank. */
export function sheetName(name: string): string {
  const clean = name
    .replace(SHEET_NAME_FORBIDDEN, '_')
    .replace(/^'+|'+$/g, '')
    .slice(0, MAX_SHEET_NAME)
    .trim()
  return clean === '' ? 'Sheet' : clean
}

/** The workbook's bytes: the same for the same sheets, options and exceljs version. */
export async function toXlsx(sheets: XlsxSheet[], options: XlsxOptions): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'CUR Lens'
  workbook.lastModifiedBy = 'CUR Lens'
  workbook.created = options.date
  workbook.modified = options.date
  const seen = new Set<string>()
  for (const sheet of sheets) {
    if (sheet.name !== sheetName(sheet.name) || seen.has(sheet.name.toLowerCase())) {
      throw new CurLensError('INTERNAL', `"${sheet.name}" is not a distinct Excel sheet name.`)
    }
    seen.add(sheet.name.toLowerCase())
    addSheet(workbook, sheet, options.currency)
  }
  const packed = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()))
  return zipFiles(
    Object.entries(packed).map(([name, data]) => ({ name, data })),
    options.date,
  )
}

function addSheet(workbook: ExcelJS.Workbook, sheet: XlsxSheet, currency: string) {
  const worksheet = workbook.addWorksheet(sheet.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  })
  const widths: number[] = []
  const widen = (c: number, n: number) => (widths[c] = Math.max(widths[c] ?? 0, n))
  let rowNumber = 1
  for (const [t, table] of sheet.tables.entries()) {
    if (t > 0) rowNumber++
    const header = worksheet.getRow(rowNumber++)
    table.columns.forEach((column, c) => {
      header.getCell(c + 1).value = escapeText(column.name)
      widen(c, column.name.length)
    })
    header.font = { bold: true }
    for (const [r, row] of table.rows.entries()) {
      if (row.length !== table.columns.length) {
        throw new CurLensError(
          'INTERNAL',
          `Sheet ${sheet.name}: row ${r + 1} has ${row.length} cells, not ${table.columns.length}.`,
        )
      }
      const line = worksheet.getRow(rowNumber++)
      row.forEach((cell, c) => {
        const column = table.columns[c]
        const value = cellValue(cell, column, `Sheet ${sheet.name}`)
        const target = line.getCell(c + 1)
        target.value = value
        const format = numberFormat(column.type, currency)
        if (format) target.numFmt = format
        widen(c, shownLength(value, column.type))
      })
    }
  }
  widths.forEach((w, c) => {
    worksheet.getColumn(c + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w + 2))
  })
}
