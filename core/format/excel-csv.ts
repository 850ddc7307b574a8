// CSV that opens cleanly and safely in Excel (SECURITY.md section 4): UTF-8 with BOM, a header row,
// CRLF, RFC 4180 quoting by PapaParse. Cells are treated by their column's type, never by content:
// number columns must hold a canonical decimal (so a credit of -1.25 stays a number), and every
// text cell starting with = + - @ tab CR LF (or their fullwidth forms) gets a leading `'`.
import Papa from 'papaparse'
import { CurLensError } from '../errors/curlens-error.js'

export type CsvColumnType = 'text' | 'number'

export interface CsvColumn {
  name: string
  type: CsvColumnType
}

export type CsvCell = string | null

const NUMBER = /^-?\d+(\.\d+)?$/
// PapaParse's own escapeFormulae misses values whose formula follows a newline and is applied to
// every string cell, numbers included; a pre-pass by column type avoids both.
/** What a text cell that Excel would read as a formula starts with (RE2 reads it the same). */
export const FORMULA_START = /^[=+\-@\t\r\n＝＋－＠]/

export function escapeText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

export function toExcelCsv(columns: CsvColumn[], rows: CsvCell[][]): string {
  const data = rows.map((row, r) => {
    if (row.length !== columns.length) {
      throw new CurLensError(
        'INTERNAL',
        `CSV row ${r + 1} has ${row.length} cells, not ${columns.length}.`,
      )
    }
    return row.map((cell, c) => {
      if (cell === null) return ''
      if (columns[c].type === 'text') return escapeText(cell)
      if (!NUMBER.test(cell)) {
        throw new CurLensError(
          'INTERNAL',
          `CSV column ${columns[c].name} expects a number, got "${cell}".`,
        )
      }
      return cell
    })
  })
  const csv = Papa.unparse(
    { fields: columns.map((c) => escapeText(c.name)), data },
    { newline: '\r\n', escapeFormulae: false, quotes: false, header: true },
  )
  return `\uFEFF${csv}\r\n`
}
