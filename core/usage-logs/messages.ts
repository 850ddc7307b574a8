// Every user-facing text of core/usage-logs, in one place. Each message names the file (and the
// line, where one line is at fault) and says what was not loaded; the CurLensError code carries
// the machine-readable part.

export const logMessages = {
  notAUsageLog: (file: string) =>
    `${file} is not a usage log CUR Lens reads: it is neither Bedrock model invocation logs (from S3 or CloudWatch Logs), a LiteLLM spend log, nor the usage CSV described in docs/usage-logs.md.`,
  dailyTotals: (file: string) =>
    `${file} holds daily totals (LiteLLM's usage export), not one row per call, so it cannot be split by user; export the LiteLLM_SpendLogs table, or its /spend/logs API, instead.`,
  truncated: (file: string, lines: number) =>
    `${file} is truncated: the gzip data ends early, after line ${n(lines)}. The ${n(lines)} lines before it were loaded; download the file again for the rest.`,
  /** `place`: "line" in a file of lines, "record" in a JSON document. */
  linesSkipped: (file: string, place: string, at: number, reason: string, more: number) =>
    `${file} ${place} ${n(at)}: ${reason}${more > 0 ? ` (and ${n(more)} more ${place}${more === 1 ? '' : 's'} like it)` : ''}; ${more > 0 ? 'these records were' : 'this record was'} not loaded.`,
  lineNotice: (file: string, place: string, at: number, reason: string, more: number) =>
    `${file} ${place} ${n(at)}: ${reason}${more > 0 ? ` (and ${n(more)} more ${place}${more === 1 ? '' : 's'} like it)` : ''}; the record was loaded without it.`,
  documentTooLarge: (file: string, limit: number) =>
    `${file} is one JSON document larger than ${n(Math.round(limit / 1024 / 1024))} MB; it was not loaded. Export it as JSON lines or CSV instead.`,
  otherAccount: (files: string[], account: string, records: number, accounts: readonly string[]) =>
    `${files[0]}${files.length > 1 ? ` and ${n(files.length - 1)} more file${files.length > 2 ? 's' : ''}` : ''} hold${files.length > 1 ? '' : 's'} ${n(records)} record${records === 1 ? '' : 's'} of account ${account}, which has no usage in the cost export (${accounts.join(', ')}); ${records === 1 ? 'it was' : 'they were'} not loaded.`,
  noAccount: (file: string, records: number, accounts: readonly string[]) =>
    `${file} holds ${n(records)} record${records === 1 ? '' : 's'} that name${records === 1 ? 's' : ''} no AWS account (no account id, no principal ARN), and the cost export has ${accounts.length ? `several usage accounts (${accounts.join(', ')})` : 'no usage account'}, so ${records === 1 ? 'it splits' : 'they split'} no cost; name the gateway's AWS role with --gateway-arn, or log the caller's ARN.`,
  parquetTooLarge: (file: string, bytes: number, limit: number) =>
    `${file} is a Parquet file of ${size(bytes)}, larger than the ${size(limit)} CUR Lens copies to read one log file; it was not loaded. Export the logs in smaller files (by day or by month).`,
  columnsNotRead: (file: string, columns: string[]) =>
    `${file} has column${columns.length === 1 ? '' : 's'} CUR Lens does not read: ${columns.slice(0, 10).join(', ')}${columns.length > 10 ? ` and ${columns.length - 10} more` : ''}.`,
  cancelled: () => 'Loading the usage logs was cancelled.',
}

/** Why a line was not loaded, in words. */
export const lineReasons = {
  notJson: 'the line is not JSON',
  tooLong: (limit: number) =>
    `the line is longer than ${limit >= 1024 * 1024 ? `${n(Math.round(limit / 1024 / 1024))} MB` : `${n(limit)} bytes`}`,
  notARecord: 'it is not a usage record (an invocation log record or a LiteLLM log entry)',
  badTimestamp: (value: string) => `"${shorten(value)}" is not a date and time`,
  badTokens: (field: string, value: string) => `${field} "${shorten(value)}" is not a token count`,
  missing: (field: string) => `${field} is empty`,
  badCost: (value: string) => `est_cost_usd "${shorten(value)}" is not a number`,
  tagsNotJson: (value: string) => `tags "${shorten(value)}" is not a JSON object of text values`,
  cacheAbovePrompt: (cacheRead: number, prompt: number) =>
    `cache reads (${cacheRead}) exceed prompt_tokens (${prompt}), so uncached input is taken as 0`,
  notJsonMessage: "the event's message is not JSON",
  notExportLine: 'the line does not start with a time and a JSON message',
  notJsonColumn: (column: string) => `${column} is not JSON`,
  notJsonDocument: (detail: string) => `the file is not valid JSON (${detail})`,
  unclosedQuote: 'a quoted field is never closed, so the rest of the file would be one value',
  fieldCount: (expected: number, found: number) =>
    `the row has ${found} fields where the header has ${expected}`,
}

function n(value: number): string {
  return value.toLocaleString('en-US')
}

function size(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${n(Math.round(bytes / 1024 / 1024 / 1024))} GB`
  if (bytes >= 1024 * 1024) return `${n(Math.round(bytes / 1024 / 1024))} MB`
  return `${n(bytes)} bytes`
}

function shorten(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value
}
