// Reads one log file line by line. Its first readable line decides how: a JSON record starts JSON
// lines (each line's record kind read on its own), a time then a JSON record starts the lines of a
// CloudWatch Logs export task, a lone `{` or `[` starts one JSON document (read whole, up to a
// cap), and a CSV header of a known format starts CSV records. A line that
// cannot be loaded (not JSON, too long, a bad value) is counted under its reason, and each reason
// becomes one problem naming the file and the first such line; a truncated gzip keeps the records
// before the cut.
import { CurLensError } from '../errors/curlens-error.js'
import type { SourceLimits } from '../sources/limits.js'
import { CsvRecords } from './csv-records.js'
import {
  NOT_JSON,
  SOURCE_OF_FORMAT,
  documentRecords,
  jsonFormat,
  jsonRecord,
  parseJson,
  type JsonContext,
  type JsonFormat,
  type RecordRead,
} from './json-records.js'
import { isModelCall, isObservationHeader, observationRecord } from './langfuse.js'
import { isSpendLogHeader, spendLogRecord } from './litellm.js'
import { lineReasons, logMessages } from './messages.js'
import { LinesFailed, textLines } from './text-lines.js'
import { isUsageCsvHeader, unreadUsageCsvColumns, usageCsvReader } from './usage-csv.js'
import type { UsageRecord, UsageSource } from './usage-record.js'

/** The file formats CUR Lens reads usage from. */
export type UsageLogFormat = JsonFormat | 'cloudwatch-events' | 'cloudwatch-export' | 'usage-csv'

/** A line of a CloudWatch Logs export task: `2026-04-19T13:28:51.123Z {…}`. */
const EXPORT_LINE = /^(\d{4}-\d{2}-\d{2}T\S+) (\{.*)$/

export interface ReadContext extends JsonContext {
  limits: SourceLimits
  maxLineBytes: number
  /** Largest file read as one JSON document (rather than as JSON lines). */
  maxDocumentBytes: number
  signal?: AbortSignal
  /** Takes each record read, with the line it starts on. */
  emit(record: UsageRecord, source: UsageSource, line: number): Promise<void>
}

export interface FileRead {
  format?: UsageLogFormat
  /** Lines that held a record but could not be loaded. */
  unreadable: number
  /** Entries that are not model calls (Langfuse spans and events). */
  notCalls: number
  problems: CurLensError[]
}

type LineReader = (text: string, line: number) => RecordRead | undefined

/**
 * Reads `path` (for messages) from `readPath`: the file itself, or the JSON lines a Parquet file
 * was turned into, whose lines are its rows.
 */
export async function readLogFile(
  path: string,
  context: ReadContext,
  from: { readPath: string; place: 'line' | 'row' } = { readPath: path, place: 'line' },
): Promise<FileRead> {
  const issues = new LineIssues(path, from.place)
  const problems: CurLensError[] = []
  let format: UsageLogFormat | undefined
  let read: LineReader | undefined
  let csv: CsvRecords | undefined
  let document: string[] | undefined
  let documentBytes = 0
  let lines = 0
  try {
    for await (const line of textLines(from.readPath, context)) {
      lines = line.number
      if ('tooLong' in line) {
        if (document) throw tooLarge(path, context.maxDocumentBytes)
        issues.skip(line.number, lineReasons.tooLong(context.maxLineBytes))
        continue
      }
      if (document) {
        documentBytes += line.text.length + 1
        if (documentBytes > context.maxDocumentBytes) throw tooLarge(path, context.maxDocumentBytes)
        document.push(line.text)
        continue
      }
      if (!read) {
        const text = line.text.trim()
        if (text === '') continue
        if (text === '{' || text.startsWith('[')) {
          document = [line.text]
          documentBytes = line.text.length
          continue
        }
        if (EXPORT_LINE.test(text)) {
          format = 'cloudwatch-export'
          read = (t) => {
            if (t.trim() === '') return undefined
            const message = EXPORT_LINE.exec(t.trim())?.[2]
            if (message === undefined) return { parsed: { reason: lineReasons.notExportLine } }
            const v = parseJson(message)
            return jsonRecord(v === undefined ? NOT_JSON : v, context)
          }
        } else if (text.startsWith('{')) {
          const value = parseJson(text)
          if (value === undefined) {
            issues.skip(line.number, lineReasons.notJson)
            continue
          }
          format = jsonFormat(value)
          if (!format) {
            if (documentRecords(value)) document = [line.text]
            else break
            continue
          }
          read = (t) => {
            if (t.trim() === '') return undefined
            const v = parseJson(t)
            return v === undefined
              ? { parsed: { reason: lineReasons.notJson } }
              : jsonRecord(v, context)
          }
        } else {
          const header = new CsvRecords(context.maxLineBytes).push(line.text, line.number)
          if (!header || header === 'too-long') break
          const csvRead = csvReader(header.fields, context)
          if (!csvRead) break
          format = csvRead.format
          if (csvRead.unread.length > 0) {
            const message = logMessages.columnsNotRead(path, csvRead.unread)
            problems.push(new CurLensError('COLUMNS_NOT_READ', message, { file: path }))
          }
          const records = (csv = new CsvRecords(context.maxLineBytes))
          read = (t, n) => {
            const record = records.push(t, n)
            if (record === 'too-long') {
              return { parsed: { reason: lineReasons.tooLong(context.maxLineBytes) } }
            }
            return record ? csvRead.read(record.fields) : undefined
          }
          continue
        }
      }
      const result = read(line.text, line.number)
      if (result) await take(result, line.number, issues, context)
    }
  } catch (e) {
    if (e instanceof CurLensError && e.code === 'FILE_TOO_LARGE') return failed(e)
    if (!(e instanceof LinesFailed)) throw e
    if (e.error.code === 'CANCELLED') throw e.error
    if (document) return failed(e.error)
    const error =
      e.error.code === 'FILE_TRUNCATED' && format
        ? new CurLensError('FILE_TRUNCATED', logMessages.truncated(path, e.lines), { file: path })
        : e.error
    problems.push(error)
  }
  if (document) return readDocument(path, document.join('\n'), context)
  const open = csv?.unfinished()
  if (open !== undefined) issues.skip(open, lineReasons.unclosedQuote)
  if (!format && problems.length === 0) return failed(notALog(path, lines === 0))
  return {
    format,
    unreadable: issues.skipped,
    notCalls: issues.notCalls,
    problems: [...problems, ...issues.problems()],
  }
}

/** A JSON document: its records are numbered from 1 in messages. */
async function readDocument(path: string, text: string, context: ReadContext): Promise<FileRead> {
  let value: unknown
  try {
    value = JSON.parse(text) as unknown
  } catch (e) {
    const reason = lineReasons.notJsonDocument((e as Error).message)
    return failed(new CurLensError('FILE_CORRUPT', `${path}: ${reason}.`, { file: path }))
  }
  const document = documentRecords(value)
  if (!document) return failed(notALog(path, false))
  const issues = new LineIssues(path, 'record')
  let format: UsageLogFormat | undefined = document.format
  for (const [index, item] of document.records.entries()) {
    format ??= jsonFormat(item)
    await take(jsonRecord(item, context), index + 1, issues, context)
  }
  return {
    format,
    unreadable: issues.skipped,
    notCalls: issues.notCalls,
    problems: issues.problems(),
  }
}

async function take(read: RecordRead, line: number, issues: LineIssues, context: ReadContext) {
  if ('notCall' in read) return issues.notCalls++
  const { parsed, source } = read
  if ('reason' in parsed) return issues.skip(line, parsed.reason)
  for (const notice of parsed.notices) issues.notice(line, notice)
  await context.emit(parsed.record, source!, line)
}

/** How the rows under a CSV header are read, when the header is of a known format. */
function csvReader(header: string[], context: ReadContext) {
  const row = (fields: string[], read: (row: Record<string, string>) => RecordRead): RecordRead => {
    if (fields.length !== header.length) {
      return { parsed: { reason: lineReasons.fieldCount(header.length, fields.length) } }
    }
    return read(Object.fromEntries(header.map((h, i) => [h, fields[i]])))
  }
  if (isUsageCsvHeader(header)) {
    const parse = usageCsvReader(header)
    return {
      format: 'usage-csv' as const,
      unread: unreadUsageCsvColumns(header),
      read: (fields: string[]): RecordRead => ({ parsed: parse(fields), source: 'csv' }),
    }
  }
  if (isSpendLogHeader(header)) {
    const source = SOURCE_OF_FORMAT['litellm-spend-logs']
    return {
      format: 'litellm-spend-logs' as const,
      unread: [],
      read: (fields: string[]) =>
        row(fields, (r) => ({ parsed: spendLogRecord(r, context.gateway), source })),
    }
  }
  if (isObservationHeader(header)) {
    const source = SOURCE_OF_FORMAT['langfuse-observations']
    return {
      format: 'langfuse-observations' as const,
      unread: [],
      read: (fields: string[]) =>
        row(fields, (r) =>
          isModelCall(r)
            ? { parsed: observationRecord(r, context.metadataKeys, context.gateway), source }
            : { notCall: true },
        ),
    }
  }
  return undefined
}

function failed(problem: CurLensError): FileRead {
  return { unreadable: 0, notCalls: 0, problems: [problem] }
}

function notALog(path: string, empty: boolean): CurLensError {
  return empty
    ? new CurLensError('FILE_EMPTY', `${path} is empty.`, { file: path })
    : new CurLensError('NOT_A_USAGE_LOG', logMessages.notAUsageLog(path), { file: path })
}

function tooLarge(path: string, limit: number): CurLensError {
  return new CurLensError('FILE_TOO_LARGE', logMessages.documentTooLarge(path, limit), {
    file: path,
  })
}

/** Lines not loaded (or loaded without a value), by reason: how many, and the first. */
class LineIssues {
  private readonly byReason = new Map<
    string,
    { reason: string; first: number; count: number; loaded: boolean }
  >()
  skipped = 0
  notCalls = 0

  constructor(
    private readonly file: string,
    private readonly place: 'line' | 'row' | 'record' = 'line',
  ) {}

  skip(line: number, reason: string) {
    this.skipped++
    this.add(line, reason, false)
  }

  notice(line: number, reason: string) {
    this.add(line, reason, true)
  }

  problems(): CurLensError[] {
    return [...this.byReason.values()].map(
      ({ reason, first, count, loaded }) =>
        new CurLensError(
          'LOG_LINES_UNREADABLE',
          (loaded ? logMessages.lineNotice : logMessages.linesSkipped)(
            this.file,
            this.place,
            first,
            reason,
            count - 1,
          ),
          { file: this.file },
        ),
    )
  }

  /** Reasons differing only in a quoted value or a number are one kind of problem. */
  private add(line: number, reason: string, loaded: boolean) {
    const key = `${loaded}:${reason.replace(/"[^"]*"/g, '""').replace(/\d+/g, 'N')}`
    const seen = this.byReason.get(key)
    if (seen) seen.count++
    else this.byReason.set(key, { reason, first: line, count: 1, loaded })
  }
}
