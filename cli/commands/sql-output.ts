// The rows of a console query as `cur-lens sql` prints them: JSON for scripts (one object per row;
// numbers, money included, as plain number tokens digit for digit, never in exponent notation;
// MAPs as objects; the CLI's one JSON writer) or an aligned table for people.
import type { SqlCell, SqlColumn, SqlResult } from '../../core/api.js'
import { formatJson, JsonDecimal, type JsonValue } from '../json-output.js'
import { cellText, isNumericType, plainNumber, trimDecimal } from '../../core/format/sql-values.js'

/** Text columns wider than this are cut in the table (JSON and CSV keep every character). */
const TABLE_CELL_WIDTH = 60

/** Column names made unique as DuckDB's node client does: a second `cost` becomes `cost:1`. */
export function uniqueNames(columns: SqlColumn[]): string[] {
  const seen = new Map<string, number>()
  return columns.map(({ name }) => {
    const count = seen.get(name) ?? 0
    seen.set(name, count + 1)
    return count === 0 ? name : `${name}:${count}`
  })
}

export function toJson(result: SqlResult): string {
  const names = uniqueNames(result.columns)
  const objects = result.rows.map((row) =>
    Object.fromEntries(row.map((value, c) => [names[c], jsonValue(value, result.columns[c].type)])),
  )
  return `${formatJson(objects)}\n`
}

function jsonValue(value: SqlCell, type: string): JsonValue {
  if (isNumericType(type)) {
    const digits = plainNumber(value)
    // NaN and Infinity have no JSON number: kept as the text DuckDB gives them.
    return digits === null ? (value as JsonValue) : new JsonDecimal(trimDecimal(digits))
  }
  if (type.toUpperCase().startsWith('MAP(') && Array.isArray(value)) {
    const entries = value.map((entry) => {
      const { key, value: item } = (entry ?? {}) as Record<string, SqlCell>
      return [String(key), (item ?? null) as JsonValue] as const
    })
    return Object.fromEntries(entries)
  }
  return value as JsonValue
}

export function toTable(result: SqlResult): string {
  const numeric = result.columns.map((c) => isNumericType(c.type))
  const header = result.columns.map((c) => c.name)
  const texts = result.rows.map((row) =>
    row.map((value, c) => {
      if (value === null) return 'NULL'
      if (numeric[c]) return trimDecimal(plainNumber(value) ?? String(value))
      const text = (cellText(value, result.columns[c].type) ?? '').replace(/\s+/g, ' ')
      return text.length > TABLE_CELL_WIDTH ? `${text.slice(0, TABLE_CELL_WIDTH - 1)}…` : text
    }),
  )
  const body = alignDecimalPoints(texts, numeric)
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c].length)))
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (numeric[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd()
  const rule = widths.map((w) => '-'.repeat(w)).join('  ')
  const rows = result.rows.length
  const count = `(${rows.toLocaleString('en-US')} ${rows === 1 ? 'row' : 'rows'})`
  return `${[line(header), rule, ...body.map(line), count].join('\n')}\n`
}

/** Numbers of a column padded after their digits so that their decimal points line up. */
function alignDecimalPoints(rows: string[][], numeric: boolean[]): string[][] {
  const fractions = numeric.map((isNumber, c) =>
    isNumber ? Math.max(0, ...rows.map((r) => fractionWidth(r[c]))) : 0,
  )
  return rows.map((row) =>
    row.map((cell, c) =>
      fractions[c] > 0 ? cell.padEnd(cell.length + fractions[c] - fractionWidth(cell)) : cell,
    ),
  )
}

/** Characters from the decimal point on ("12.5" → 2); 0 for whole numbers and NULL. */
function fractionWidth(cell: string): number {
  const point = /^-?\d+(\.\d+)?$/.test(cell) ? cell.indexOf('.') : -1
  return point < 0 ? 0 : cell.length - point
}
