// A console query runs until it ends, is cancelled, or reaches its time limit: one signal for
// the engine to interrupt on, and a message that tells a time-out from a cancel.
import { CurLensError } from '../errors/curlens-error.js'

export async function withTimeLimit<T>(
  seconds: number,
  signal: AbortSignal,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const limit = new AbortController()
  const timer = setTimeout(() => limit.abort(), seconds * 1000)
  try {
    return await run(AbortSignal.any([signal, limit.signal]))
  } catch (e) {
    if (limit.signal.aborted && !signal.aborted) {
      throw new CurLensError(
        'QUERY_FAILED',
        `The query ran for more than ${seconds} s and was stopped. Narrow it (a WHERE clause, fewer columns), or allow it more time.`,
        { cause: e },
      )
    }
    throw e
  } finally {
    clearTimeout(timer)
  }
}
