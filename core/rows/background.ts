// Background work that gives way to the user: the scans that complete the lookups and build the
// cache run one step at a time, and only while no read is running; a read that starts interrupts
// the step under way, which runs again once the reads are done. So a user's query while the cache
// builds is answered first, at the price of some repeated background work.
import { cancelledError } from '../errors/curlens-error.js'

export interface Background {
  /** Runs a user read; while it runs, no background step does. */
  read<T>(body: () => Promise<T>): Promise<T>
  /** Runs one background step when no read runs, again from the start if a read interrupts it. */
  step<T>(body: (signal: AbortSignal) => Promise<T>): Promise<T>
}

export function createBackground(stop: AbortSignal): Background {
  let reads = 0
  let running: AbortController | undefined
  let wake: (() => void) | undefined
  let idle = Promise.resolve()

  return {
    async read(body) {
      if (reads++ === 0) idle = new Promise((resolve) => (wake = resolve))
      running?.abort()
      try {
        return await body()
      } finally {
        if (--reads === 0) wake?.()
      }
    },
    async step(body) {
      for (;;) {
        await idle
        if (stop.aborted) throw cancelledError()
        if (reads > 0) continue
        const interrupt = new AbortController()
        running = interrupt
        try {
          return await body(AbortSignal.any([stop, interrupt.signal]))
        } catch (e) {
          if (stop.aborted || !interrupt.signal.aborted) throw e
        } finally {
          running = undefined
        }
      }
    },
  }
}
