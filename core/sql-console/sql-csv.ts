// A console query's rows as CSV that opens safely in Excel, written by the chargeback exports'
// writer (core/chargeback/csv.ts): numeric columns stay numbers, as plain decimals digit for digit,
// and every other cell is text, escaped against formula injection. A floating-point column holding
// NaN or Infinity has no number to write, so it is written as text.
import { SQL_LIMITS } from '../api-values.js'
import type { SqlCell, SqlColumn, SqlCsvRequest, SqlCsvResult } from '../api.js'
import { toExcelCsv, type CsvColumn } from '../format/excel-csv.js'
import { cellText, isNumericType, plainNumber } from '../format/sql-values.js'
import type { AttributedRows } from '../rows/attributed-rows.js'
import { DOCUMENTED_VIEW_NAMES } from './documented-views.js'
import { readPage } from './page-reader.js'
import { checkSqlText, timeoutSeconds, wholeNumber } from './request-bounds.js'
import { checkConsoleStatement } from './statement-check.js'
import { withTimeLimit } from './time-limit.js'

export async function sqlCsv(
  rows: AttributedRows,
  request: SqlCsvRequest,
  signal: AbortSignal,
): Promise<SqlCsvResult> {
  const sql = checkSqlText(request?.sql)
  // cur_attributed joins the lookups row by row: they must hold every key.
  await rows.complete(signal)
  const limit = wholeNumber('limit', request.limit, 1, SQL_LIMITS.maxRows, SQL_LIMITS.maxRows)
  const seconds = timeoutSeconds(request.timeoutSeconds)
  await checkConsoleStatement(rows.engine, sql, DOCUMENTED_VIEW_NAMES)
  return withTimeLimit(seconds, signal, (limited) =>
    rows.engine.streamSelect(sql, { signal: limited }, async (stream) => {
      const { rows, seen } = await readPage(stream, 0, limit, 0)
      return {
        csv: resultCsv(stream.columns, rows),
        rows: rows.length,
        truncated: seen > rows.length,
      }
    }),
  )
}

export function resultCsv(columns: SqlColumn[], rows: SqlCell[][]): string {
  const csvColumns: CsvColumn[] = columns.map((column, c) => ({
    name: column.name,
    type:
      isNumericType(column.type) &&
      rows.every((row) => row[c] === null || plainNumber(row[c]) !== null)
        ? 'number'
        : 'text',
  }))
  const cells = rows.map((row) =>
    row.map((value, c) =>
      csvColumns[c].type === 'number' ? plainNumber(value) : cellText(value, columns[c].type),
    ),
  )
  return toExcelCsv(csvColumns, cells)
}
