// CSV records from a file's lines (RFC 4180: a quoted field may span lines), so each record keeps
// the line it starts on for messages, and a record is bounded as a line is. The usage CSV formats
// are read with it: a header, then one record per call.
import Papa from 'papaparse'

export class CsvRecords {
  private pending: string[] = []
  private pendingBytes = 0
  private quotes = 0
  private start = 0

  constructor(private readonly maxBytes: number) {}

  /** Adds a line; returns the record it completes (its fields and first line), or null. */
  push(text: string, line: number): { fields: string[]; line: number } | 'too-long' | null {
    if (this.pending.length === 0) this.start = line
    this.pending.push(text)
    this.pendingBytes += text.length
    for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) this.quotes++
    if (this.quotes % 2 === 1) {
      if (this.pendingBytes <= this.maxBytes) return null
      this.reset()
      return 'too-long'
    }
    const record = this.pending.join('\n')
    const start = this.start
    this.reset()
    if (record.trim() === '') return null
    const fields = Papa.parse<string[]>(record, { delimiter: ',' }).data[0] ?? []
    return { fields, line: start }
  }

  /** The line a record still open at the end of the file started on. */
  unfinished(): number | undefined {
    return this.pending.length > 0 ? this.start : undefined
  }

  private reset() {
    this.pending = []
    this.pendingBytes = 0
    this.quotes = 0
  }
}
