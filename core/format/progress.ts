// How a long job is told to the user, in the app's loading screen and the CLI's progress line: what
// each phase is called, and the time left at the pace so far, said only once there is a pace.
import type { ProgressEvent } from '../api.js'

export const PROGRESS_PHASES: Record<ProgressEvent['phase'], string> = {
  reading: 'Reading files',
  checking: 'Checking files',
  converting: 'Converting to the common layout',
  indexing: 'Preparing totals',
  caching: 'Building the cache',
  exporting: 'Exporting',
  splitting: 'Splitting Bedrock cost by user',
}

const SETTLE_MS = 2000
const SETTLE_PERCENT = 3

/** Milliseconds left at the pace so far, or null while too little is done to tell. */
export function timeLeftMs(elapsedMs: number, percentage: number): number | null {
  if (elapsedMs < SETTLE_MS || percentage < SETTLE_PERCENT || percentage >= 100) return null
  return (elapsedMs * (100 - percentage)) / percentage
}

/** "about 40 s left", "about 3 min left". */
export function formatTimeLeft(ms: number): string {
  // Seconds to the nearest five: a count-down by the second would promise a precision it lacks.
  const seconds = ms < 5000 ? Math.max(1, Math.ceil(ms / 1000)) : Math.round(ms / 5000) * 5
  if (seconds < 60) return `about ${seconds} s left`
  return `about ${Math.round(ms / 60_000)} min left`
}
