// The SQL screen without React: what the session keeps (the text, the page size, the query last
// run), example queries, the grid's columns and rows from a result, the range a page shows, errors
// worded for a query, and the exported file's name.
import type { SqlCell, SqlColumn, SqlResult } from '../../../core/api.js'
import { SQL_LIMITS } from '../../../core/api-values.js'
import { formatNumber } from '../../../core/format/number.js'
import {
  cellText,
  isNumericType,
  plainNumber,
  trimDecimal,
} from '../../../core/format/sql-values.js'
import { describeError, type ErrorInfo } from './errors.js'

export const PAGE_SIZES: readonly number[] = [100, SQL_LIMITS.pageSize, 10_000]

export const EXAMPLE_QUERIES: readonly { label: string; sql: string }[] = [
  {
    label: 'Cost by service',
    sql: `SELECT service,
  sum(unblended_cost) AS unblended,
  sum(amortized_cost) AS amortized
FROM cur
GROUP BY service
ORDER BY unblended DESC`,
  },
  {
    label: 'Bedrock tokens and cost by model',
    sql: `SELECT model, token_type,
  sum(tokens) AS tokens,
  sum(unblended_cost) AS cost
FROM cur_attributed
WHERE service = 'Amazon Bedrock'
GROUP BY ALL
ORDER BY cost DESC`,
  },
  {
    label: 'Who spends most',
    sql: `SELECT principal_person, principal_role, principal_account,
  sum(unblended_cost) AS cost
FROM cur_attributed
GROUP BY ALL
ORDER BY cost DESC
LIMIT 50`,
  },
  {
    label: 'Line items, largest first',
    sql: `SELECT *
FROM cur
ORDER BY unblended_cost DESC`,
  },
]

/** A query as run: a new `id` runs it again even when the text is the same. */
export interface SqlRun {
  id: string
  sql: string
  page: number
  pageSize: number
}

export interface SqlSessionState {
  text: string
  pageSize: number
  run: SqlRun | null
}

export const INITIAL_SQL: SqlSessionState = {
  text: EXAMPLE_QUERIES[0].sql,
  pageSize: SQL_LIMITS.pageSize,
  run: null,
}

export interface GridColumn {
  /** By position: DuckDB allows two columns of one name. */
  field: string
  name: string
  type: string
  numeric: boolean
  width: number
  /** For numbers: the widest fraction of the page in characters, point included, to line points up. */
  fraction: number
}

export type GridRow = { id: number } & Record<string, string | number | null>

const CHAR_WIDTH = 7.5
const CELL_PADDING = 36
const MIN_WIDTH = 96
const MAX_WIDTH = 380

/** A cell as the grid shows it: numbers as plain decimals without trailing zeros, NULL as null. */
export function displayCell(value: SqlCell, column: SqlColumn): string | null {
  if (value === null) return null
  if (isNumericType(column.type)) {
    const digits = plainNumber(value)
    return digits === null ? String(value) : trimDecimal(digits)
  }
  return cellText(value, column.type)
}

export function gridRows(result: SqlResult): GridRow[] {
  const first = result.page * result.pageSize
  return result.rows.map((row, r) => {
    const gridRow: GridRow = { id: first + r }
    row.forEach((value, c) => (gridRow[`c${c}`] = displayCell(value, result.columns[c])))
    return gridRow
  })
}

/** Columns wide enough for their header and for the longest value of the page, within bounds. */
export function gridColumns(result: SqlResult, rows: GridRow[]): GridColumn[] {
  return result.columns.map((column, c) => {
    const field = `c${c}`
    const longest = rows.reduce((most, row) => Math.max(most, String(row[field] ?? '').length), 4)
    const chars = Math.max(column.name.length + 2, column.type.length, longest)
    const numeric = isNumericType(column.type)
    return {
      field,
      name: column.name,
      type: column.type,
      numeric,
      fraction: numeric ? rows.reduce((most, row) => Math.max(most, fractionOf(row[field])), 0) : 0,
      width: Math.round(
        Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, chars * CHAR_WIDTH + CELL_PADDING)),
      ),
    }
  })
}

/** Characters from the decimal point on: "12.5" → 2, "7" → 0. */
export function fractionOf(value: string | number | null | undefined): number {
  const text = String(value ?? '')
  const point = /^-?\d+\.\d+$/.test(text) ? text.indexOf('.') : -1
  return point < 0 ? 0 : text.length - point
}

/** The count for a pager: the total when known, -1 while more rows follow an unknown total. */
export function pagerCount(result: SqlResult): number {
  if (result.totalRows !== undefined) return result.totalRows
  return result.truncated ? -1 : result.page * result.pageSize + result.rows.length
}

/** "1–1,000 of 12,345", "1–1,000 of more than 1,000", "No rows". */
export function rowRange(result: SqlResult, locale: string): string {
  const count = pagerCount(result)
  if (result.rows.length === 0) {
    return count > 0 ? `No rows on this page (${formatNumber(count, locale, 0)} in all)` : 'No rows'
  }
  const from = result.page * result.pageSize + 1
  const to = from + result.rows.length - 1
  const all =
    count === -1 ? `more than ${formatNumber(to, locale, 0)}` : formatNumber(count, locale, 0)
  return `${formatNumber(from, locale, 0)}–${formatNumber(to, locale, 0)} of ${all}`
}

/** "358 rows", "More than 1,100 rows" (the total was not counted), "No rows". */
export function rowTotal(result: SqlResult, locale: string): string {
  const count = pagerCount(result)
  if (count === 0) return 'No rows'
  if (count === -1) {
    const seen = result.page * result.pageSize + result.rows.length
    return `More than ${formatNumber(seen, locale, 0)} rows`
  }
  return `${formatNumber(count, locale, 0)} ${count === 1 ? 'row' : 'rows'}`
}

const SQL_TEXT: Partial<Record<ErrorInfo['code'], { title: string; hint: string }>> = {
  INVALID_QUERY: {
    title: 'Query refused',
    hint: 'A query reads the views listed under Views, with SELECT (or DESCRIBE, SUMMARIZE).',
  },
  QUERY_FAILED: {
    title: 'Query failed',
    hint: "DuckDB's message above says what went wrong; change the query and run it again.",
  },
}

/** An error as the SQL screen words it: a refusal or a failure of the query, not of the app. */
export function describeSqlError(e: unknown): ErrorInfo {
  const info = describeError(e)
  const text = SQL_TEXT[info.code]
  return text ? { ...info, ...text } : info
}

/** cur-lens-query-2026-11-30.csv, dated by the local day. */
export function csvFileName(now: Date): string {
  const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()]
    .map((n) => String(n).padStart(2, '0'))
    .join('-')
  return `cur-lens-query-${day}.csv`
}
