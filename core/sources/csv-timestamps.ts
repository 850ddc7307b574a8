// How the CSV conversion reads timestamps (their forms: timestamp-text.ts). Typed, in the format the
// first data row shows, when that is a UTC form: DuckDB parses them as it reads, and refuses any
// later value in another form. Otherwise, and after such a refusal, as text parsed in SQL (about 0.6 s
// more CPU per million rows). A value in no known form is an error naming the line, the column and
// the value; a spreadsheet's date or account id is SPREADSHEET_DAMAGE, refused at once.
import type { Engine } from '../engine/duckdb.js'
import { CurLensError } from '../errors/curlens-error.js'
import { athenaName, convertedType, type ValueType } from './column-types.js'
import { csvReadSql, uniqueNames, type CsvSource } from './csv-read.js'
import { csvValueError, messages } from './messages.js'
import { isSpreadsheetTimestamp, SPREADSHEET_ACCOUNT, spreadsheetDamage } from './spreadsheet.js'
import { sqlIdentifier, sqlString } from './sql-text.js'
import { timestampFormat, timestampFromText, unreadableTimestamp } from './timestamp-text.js'

/** Typed (with the format every value must have, if any timestamp column), or as text. */
export type Timestamps = { format?: string } | 'text'

/** The header's columns converted as `type`, with their position. */
function columnsOf(source: CsvSource, type: ValueType) {
  return source.header.flatMap((column, index) => {
    const name = source.family === 'cur1' ? athenaName(column) : column
    return convertedType(source.family, name) === type ? [{ column, index }] : []
  })
}

/** Refuses a file whose first data row already shows a spreadsheet's dates or account ids. */
export function firstRowDamage(source: CsvSource): void {
  const row = source.firstRow
  if (!row) return
  for (const { column, index } of columnsOf(source, 'timestamp')) {
    const value = row[index] ?? ''
    if (isSpreadsheetTimestamp(value))
      throw spreadsheetDamage(source.file, column, value, 'date', 2)
  }
  for (const { column, index } of columnsOf(source, 'account')) {
    const value = (row[index] ?? '').trim()
    if (SPREADSHEET_ACCOUNT.test(value)) {
      throw spreadsheetDamage(source.file, column, value, 'account', 2)
    }
  }
}

/** How to read the timestamps, from the first data row. */
export function sampledTimestamps(source: CsvSource): Timestamps {
  const columns = columnsOf(source, 'timestamp')
  if (columns.length === 0) return {}
  const samples = columns
    .map(({ index }) => (source.firstRow?.[index] ?? '').trim())
    .filter((value) => value !== '' && !(source.family === 'focus' && value === 'NULL'))
  const format = samples.length > 0 ? timestampFormat(samples) : undefined
  return format ? { format } : 'text'
}

/**
 * Whether a typed read failed only because a timestamp is in another known form than the first
 * row's: then the file is converted again, reading its timestamps as text.
 */
export async function timestampRetry(
  engine: Engine,
  source: CsvSource,
  timestamps: Timestamps,
  e: unknown,
): Promise<boolean> {
  if (timestamps === 'text' || !(e instanceof Error)) return false
  const failed = csvValueError(e.message)
  if (!failed || !timestampColumnRead(source, failed.column)) return false
  if (isSpreadsheetTimestamp(failed.value)) return false
  const [parsed] = await engine.query<{ ok: boolean }>(
    `SELECT ${timestampFromText('$value')} IS NOT NULL AS ok`,
    { value: failed.value },
  )
  return parsed.ok
}

/** The header column DuckDB read under `readName`, when it is a timestamp column. */
function timestampColumnRead(source: CsvSource, readName: string): string | undefined {
  const readNames = uniqueNames(source.header)
  return columnsOf(source, 'timestamp').find(({ index }) => readNames[index] === readName)?.column
}

/**
 * The problem a failed conversion shows about a timestamp: a spreadsheet's date, or a value in no
 * known form (with its line); undefined when the failure is about something else.
 */
export async function timestampProblem(
  engine: Engine,
  source: CsvSource,
  detail: string,
): Promise<CurLensError | undefined> {
  const unreadable = unreadableTimestamp(detail)
  if (unreadable) {
    const { column, value } = unreadable
    const line = await lineOf(engine, source, column, value)
    if (isSpreadsheetTimestamp(value)) {
      return spreadsheetDamage(source.file, column, value, 'date', line)
    }
    const place = line === undefined ? undefined : `line ${line.toLocaleString('en-US')}`
    const message = messages.unreadableTimestamp(source.file, column, value, place)
    return new CurLensError('FILE_CORRUPT', message, { file: source.file })
  }
  const failed = csvValueError(detail)
  const column = failed && timestampColumnRead(source, failed.column)
  if (column && isSpreadsheetTimestamp(failed.value)) {
    return spreadsheetDamage(source.file, column, failed.value, 'date', failed.line)
  }
  return undefined
}

/** The line of the first row whose `column` holds `value` (for a message; the file is read again). */
async function lineOf(engine: Engine, source: CsvSource, column: string, value: string) {
  const readNames = uniqueNames(source.header)
  const read = readNames[source.header.indexOf(column)]
  const readTypes = readNames.map((name) => `${sqlString(name)}: 'VARCHAR'`)
  const [found] = await engine.query<{ row: string | null }>(
    `SELECT CAST(min(row) AS VARCHAR) AS row
     FROM (SELECT row_number() OVER () AS row, ${sqlIdentifier(read)} AS value
           FROM ${csvReadSql(source, readTypes, false)})
     WHERE trim(value) = trim($value)`,
    { file: source.readPath, compression: source.gzip ? 'gzip' : 'none', value },
  )
  return found.row === null ? undefined : Number(found.row) + 1
}
