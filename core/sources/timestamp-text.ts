// Timestamps written as text, in every ISO 8601 form exports use: a date alone, `T` or a space,
// with or without seconds, with a fraction of any length, and `Z`, `±HH:MM`, `±HHMM` or `±HH`
// (Azure's FOCUS export writes `2024-06-01T00:00Z`). Each is read as the instant it names, in UTC.
// DuckDB's own TIMESTAMP parsing ignores an offset (02:00+02:00 reads as 02:00), and its CSV reader
// turns a value it cannot read as TIMESTAMPTZ into NULL without a word, so neither is used alone.
import { sqlString } from './sql-text.js'

/**
 * Only the first data row is seen before converting; a format written out in full makes the typed
 * read refuse any later value in another form (which then goes through timestampFromText instead).
 * Only UTC forms qualify: a typed TIMESTAMP read would ignore any other offset.
 */
const UTC_FORM =
  /^\d{4}-\d{2}-\d{2}(?:([T ])\d{1,2}:\d{2}(:\d{2})?(?:\.(\d{1,9}))?(Z|[+-]00:?00)?)?$/

/**
 * The strptime format every sample (the first data row's non-empty timestamps) is written in, when
 * they share one UTC form; undefined otherwise.
 */
export function timestampFormat(samples: string[]): string | undefined {
  const formats = new Set(samples.map(formatOf))
  const [format] = formats
  return formats.size === 1 ? format : undefined
}

function formatOf(sample: string): string | undefined {
  const match = UTC_FORM.exec(sample)
  if (!match) return undefined
  const [, separator, seconds, fraction, zone] = match
  if (separator === undefined) return '%Y-%m-%d'
  const digits = fraction?.length ?? 0
  const fractionFormat = digits === 0 ? '' : digits <= 3 ? '.%g' : digits <= 6 ? '.%f' : '.%n'
  return `%Y-%m-%d${separator}%H:%M${seconds ? ':%S' : ''}${fractionFormat}${zone ?? ''}`
}

/** Adds the seconds DuckDB needs before a zone: `2024-06-01T00:00Z` → `2024-06-01T00:00:00Z`. */
const WITHOUT_SECONDS = `'^(\\d{4}-\\d{2}-\\d{2}[T ]\\d{1,2}:\\d{2})($|[^:0-9])'`

/** SQL: the UTC timestamp `text` names, or NULL when it is blank or in no form above. */
export function timestampFromText(text: string): string {
  const trimmed = `upper(trim(${text}))`
  return `coalesce(
    timezone('UTC', TRY_CAST(${trimmed} AS TIMESTAMPTZ)),
    timezone('UTC', TRY_CAST(regexp_replace(${trimmed}, ${WITHOUT_SECONDS}, '\\1:00\\2') AS TIMESTAMPTZ)))`
}

/** Starts the message of the error a text timestamp in no known form raises (see below). */
const UNREADABLE = 'CUR Lens: unreadable timestamp'
const SEPARATOR = '\u001f'

/**
 * SQL: as timestampFromText, but a value in no known form stops the query with an error that
 * names the column and the value (read back by unreadableTimestamp).
 */
export function timestampFromTextOrError(text: string, column: string): string {
  const value = `nullif(trim(${text}), '')`
  return `CASE WHEN ${value} IS NULL THEN NULL ELSE coalesce(${timestampFromText(text)},
    error(${sqlString(`${UNREADABLE}${SEPARATOR}${column}${SEPARATOR}`)} || ${text})) END`
}

/** The column and value of an error raised by timestampFromTextOrError, if `detail` is one. */
export function unreadableTimestamp(detail: string): { column: string; value: string } | undefined {
  const at = detail.indexOf(UNREADABLE + SEPARATOR)
  if (at < 0) return undefined
  const [, column, value] = detail.slice(at).split(SEPARATOR)
  return { column, value }
}
