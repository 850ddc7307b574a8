// Cells of SQL console results as people and files read them: which DuckDB types are numbers,
// numbers as plain decimals (never exponent notation: 1e-7 is 0.0000001), MAPs as DuckDB prints
// them ({key=value, …}), lists and structs as JSON. One set of rules for the CSV export, the CLI
// and the screen.
import type { SqlCell } from '../api.js'

const NUMERIC_TYPE =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|BIGNUM|DECIMAL\(\d+,\s*\d+\))$/i
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/
const EXPONENT = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/

export function isNumericType(type: string): boolean {
  return NUMERIC_TYPE.test(type)
}

/** A numeric cell as plain decimal text, digit for digit; null when it has none (NULL, NaN, ±Infinity). */
export function plainNumber(value: SqlCell): string | null {
  if (typeof value === 'number')
    return Number.isFinite(value) ? expandExponent(String(value)) : null
  return typeof value === 'string' && PLAIN_NUMBER.test(value) ? value : null
}

/** The shortest digits of a JS number, shifted out of exponent notation: 1.5e-7 → 0.00000015. */
function expandExponent(text: string): string {
  const match = EXPONENT.exec(text)
  if (!match) return text
  const [, sign, first, rest = '', exponent] = match
  const digits = first + rest
  const point = 1 + Number(exponent)
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
}

/** Trailing zeros of the fraction dropped: "1.2500000000" → "1.25", "3.000" → "3", "-0.00" → "0". */
export function trimDecimal(text: string): string {
  const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text
  return trimmed === '-0' ? '0' : trimmed
}

/** Any cell as text; null stays null. */
export function cellText(value: SqlCell, type: string): string | null {
  if (value === null) return null
  if (typeof value === 'string') return value
  if (typeof value === 'number') return plainNumber(value) ?? String(value)
  if (typeof value === 'boolean') return String(value)
  if (type.toUpperCase().startsWith('MAP(') && Array.isArray(value)) return mapText(value)
  return JSON.stringify(value)
}

/** DuckDB's own notation for a MAP, which the JSON converter gives as [{key, value}, …]. */
function mapText(entries: SqlCell[]): string {
  const part = (v: SqlCell | undefined) =>
    v === null || v === undefined ? 'NULL' : typeof v === 'object' ? JSON.stringify(v) : String(v)
  const pairs = entries.map((entry) => {
    const { key, value } = (entry ?? {}) as Record<string, SqlCell>
    return `${part(key)}=${part(value)}`
  })
  return `{${pairs.join(', ')}}`
}
