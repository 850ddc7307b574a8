// The CLI's progress line: on a terminal only, one line on stderr rewritten in place (phase, how
// far, time left, file) and wiped once the job is done, so stdout stays the answer alone and a
// script or a pipe sees nothing of it.
import { basename } from 'node:path'
import type { ProgressEvent } from '../core/api.js'
import { formatTimeLeft, PROGRESS_PHASES, timeLeftMs } from '../core/format/progress.js'

/** Rewrites at most this often; a job's end is always shown. */
const INTERVAL_MS = 100

export interface ProgressLine {
  show(event: ProgressEvent): void
  /** Wipes the line (before anything else is written to stderr, and at the end). */
  clear(): void
}

interface Terminal {
  isTTY?: boolean
  columns?: number
  write(text: string): unknown
}

export function progressLine(stream: Terminal = process.stderr, now = Date.now): ProgressLine {
  if (!stream.isTTY) return { show() {}, clear() {} }
  let phase: ProgressEvent['phase'] | undefined
  let phaseSince = 0
  let written = 0
  let shown = false
  return {
    show(event) {
      const at = now()
      if (event.phase !== phase) {
        phase = event.phase
        phaseSince = at
      } else if (at - written < INTERVAL_MS && event.percentage < 100) {
        return
      }
      written = at
      const left = timeLeftMs(at - phaseSince, event.percentage)
      // The file last: a narrow terminal cuts it, not the figures.
      const text = [
        PROGRESS_PHASES[event.phase],
        event.percentage >= 0 && `${Math.round(event.percentage)}%`,
        left !== null && formatTimeLeft(left),
        event.file && basename(event.file),
      ]
        .filter(Boolean)
        .join(' · ')
      stream.write(`\r\x1b[K${text.slice(0, (stream.columns || 80) - 1)}`)
      shown = true
    },
    clear() {
      if (shown) stream.write('\r\x1b[K')
      shown = false
    },
  }
}
