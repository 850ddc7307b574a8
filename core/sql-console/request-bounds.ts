// The console's requests checked against SQL_LIMITS before anything runs: text present and not
// huge, whole numbers within their bounds. Defaults fill what the caller left out.
import { SQL_LIMITS } from '../api-values.js'
import { CurLensError } from '../errors/curlens-error.js'

/** Longer text is not a query someone typed. */
const MAX_SQL_CHARACTERS = 100_000

export function checkSqlText(sql: unknown): string {
  if (typeof sql !== 'string' || sql.trim() === '') throw invalid('Type a SELECT query.')
  if (sql.length > MAX_SQL_CHARACTERS) {
    throw invalid(
      `The query is longer than ${MAX_SQL_CHARACTERS.toLocaleString('en-US')} characters.`,
    )
  }
  return sql
}

/** A whole number from `min` to `max`, or `fallback` when absent. */
export function wholeNumber(
  name: string,
  value: unknown,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(`${name} must be a whole number from ${min} to ${max.toLocaleString('en-US')}.`)
  }
  return value
}

export function timeoutSeconds(value: unknown): number {
  return wholeNumber(
    'timeoutSeconds',
    value,
    1,
    SQL_LIMITS.maxTimeoutSeconds,
    SQL_LIMITS.timeoutSeconds,
  )
}

function invalid(message: string): CurLensError {
  return new CurLensError('INVALID_QUERY', message)
}
