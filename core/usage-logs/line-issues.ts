// The lines of one file that were not loaded (or were loaded without a value), counted by reason:
// each reason becomes one problem naming the file and its first such line, so a file with a
// thousand bad lines gives one message, not a thousand. Reasons that differ only in a quoted value
// or a number are one reason.
import { CurLensError } from '../errors/curlens-error.js'
import { logMessages } from './messages.js'

/** Lines not loaded (or loaded without a value), by reason: how many, and the first. */
export class LineIssues {
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
