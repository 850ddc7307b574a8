// Reads one page from a streamed result: skips the rows before it, keeps the page's, then counts
// on for a short while, so that a result which ends soon reports its total and a huge one does
// not pay for being counted. Values are converted to JSON only for the page's rows.
import type { SqlCell } from '../api.js'
import type { SelectStream } from '../engine/duckdb.js'

export interface PageRead {
  rows: SqlCell[][]
  /** Rows the stream gave, those before and after the page included. */
  seen: number
  /** True when the stream ended, so that `seen` is the result's row count. */
  ended: boolean
}

export async function readPage(
  stream: SelectStream,
  skip: number,
  size: number,
  countForMs: number,
): Promise<PageRead> {
  const rows: SqlCell[][] = []
  let seen = 0
  while (rows.length < size) {
    const chunk = await stream.next()
    if (!chunk) return { rows, seen, ended: true }
    const from = Math.max(0, skip - seen)
    if (from < chunk.count) {
      rows.push(...(chunk.rows().slice(from, from + size - rows.length) as SqlCell[][]))
    }
    seen += chunk.count
  }
  // At least one more chunk, to know whether rows follow the page.
  const deadline = Date.now() + countForMs
  do {
    const chunk = await stream.next()
    if (!chunk) return { rows, seen, ended: true }
    seen += chunk.count
  } while (Date.now() < deadline)
  return { rows, seen, ended: false }
}
