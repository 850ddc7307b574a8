// Reads one log file line by line: its first readable line decides the format (a JSON record, or a
// CSV header), then every record is parsed and handed on. A line that cannot be loaded (not JSON,
// too long, a bad value) is counted under its reason, and each reason becomes one problem naming
// the file and the first such line; a truncated gzip keeps the records before the cut.
import { CurLensError } from '../errors/curlens-error.js'
import type { SourceLimits } from '../sources/limits.js'
import { CsvRecords } from './csv-records.js'
import { invocationRecord, isInvocationRecord, type MetadataKeys } from './invocation-log.js'
import { lineReasons, logMessages } from './messages.js'
import { LinesFailed, textLines } from './text-lines.js'
import { isUsageCsvHeader, unreadUsageCsvColumns, usageCsvReader } from './usage-csv.js'
import type { Parsed, UsageRecord, UsageSource } from './usage-record.js'

/** The file formats CUR Lens reads usage from. */
export type UsageLogFormat = 'bedrock-invocation-logs' | 'usage-csv'

const SOURCE_OF: Record<UsageLogFormat, UsageSource> = {
  'bedrock-invocation-logs': 'bedrock_mil',
  'usage-csv': 'csv',
}

export interface ReadContext {
  limits: SourceLimits
  maxLineBytes: number
  metadataKeys: MetadataKeys
  signal?: AbortSignal
  /** Takes each record read, with the line it starts on. */
  emit(record: UsageRecord, source: UsageSource, line: number): Promise<void>
}

export interface FileRead {
  format?: UsageLogFormat
  /** Lines that held a record but could not be loaded. */
  unreadable: number
  problems: CurLensError[]
}

export async function readLogFile(path: string, context: ReadContext): Promise<FileRead> {
  const issues = new LineIssues(path)
  const problems: CurLensError[] = []
  let format: UsageLogFormat | undefined
  let parse: ((line: string, number: number) => Parsed | undefined) | undefined
  let csv: CsvRecords | undefined
  let lines = 0
  try {
    for await (const line of textLines(path, context)) {
      lines = line.number
      if ('tooLong' in line) {
        issues.skip(line.number, lineReasons.tooLong(context.maxLineBytes))
        continue
      }
      if (!parse) {
        const text = line.text.trim()
        if (text === '') continue
        if (text.startsWith('{')) {
          const value = parseJson(text)
          if (value === undefined) {
            issues.skip(line.number, lineReasons.notJson)
            continue
          }
          if (!isInvocationRecord(value)) break
          format = 'bedrock-invocation-logs'
          const keys = context.metadataKeys
          parse = (t) => {
            if (t.trim() === '') return undefined
            const v = parseJson(t)
            return v === undefined ? { reason: lineReasons.notJson } : invocationRecord(v, keys)
          }
        } else {
          const header = new CsvRecords(context.maxLineBytes).push(line.text, line.number)
          if (!header || header === 'too-long' || !isUsageCsvHeader(header.fields)) break
          format = 'usage-csv'
          const unread = unreadUsageCsvColumns(header.fields)
          if (unread.length > 0) {
            const message = logMessages.columnsNotRead(path, unread)
            problems.push(new CurLensError('COLUMNS_NOT_READ', message, { file: path }))
          }
          const read = usageCsvReader(header.fields)
          csv = new CsvRecords(context.maxLineBytes)
          const records = csv
          parse = (t, n) => {
            const record = records.push(t, n)
            if (record === 'too-long') return { reason: lineReasons.tooLong(context.maxLineBytes) }
            return record ? read(record.fields) : undefined
          }
          continue
        }
      }
      const parsed = parse(line.text, line.number)
      if (!parsed) continue
      if ('reason' in parsed) {
        issues.skip(line.number, parsed.reason)
        continue
      }
      for (const notice of parsed.notices) issues.notice(line.number, notice)
      await context.emit(parsed.record, SOURCE_OF[format!], line.number)
    }
  } catch (e) {
    if (!(e instanceof LinesFailed)) throw e
    if (e.error.code === 'CANCELLED') throw e.error
    const error =
      e.error.code === 'FILE_TRUNCATED' && format
        ? new CurLensError('FILE_TRUNCATED', logMessages.truncated(path, e.lines), { file: path })
        : e.error
    problems.push(error)
  }
  const open = csv?.unfinished()
  if (open !== undefined) issues.skip(open, lineReasons.unclosedQuote)
  if (!format && !problems.some((p) => p.file === path)) {
    const empty = lines === 0
    return {
      unreadable: 0,
      problems: [
        new CurLensError(
          empty ? 'FILE_EMPTY' : 'NOT_A_USAGE_LOG',
          empty ? `${path} is empty.` : logMessages.notAUsageLog(path),
          { file: path },
        ),
      ],
    }
  }
  return { format, unreadable: issues.skipped, problems: [...problems, ...issues.problems()] }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** Lines not loaded (or loaded without a value), by reason: how many, and the first. */
class LineIssues {
  private readonly byReason = new Map<
    string,
    { reason: string; first: number; count: number; loaded: boolean }
  >()
  skipped = 0

  constructor(private readonly file: string) {}

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
            first,
            reason,
            count - 1,
          ),
          { file: this.file },
        ),
    )
  }

  /** Reasons differing only in a quoted value are one kind of problem. */
  private add(line: number, reason: string, loaded: boolean) {
    const key = `${loaded}:${reason.replace(/"[^"]*"/g, '""')}`
    const seen = this.byReason.get(key)
    if (seen) seen.count++
    else this.byReason.set(key, { reason, first: line, count: 1, loaded })
  }
}
