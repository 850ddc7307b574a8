// Messages between the engine process and its host. The engine process runs the whole core API so
// that DuckDB never parses a file inside the main process (SECURITY.md section 0).
import type { ApiEvents } from '../api.js'
import type { Invocation, InvokeResult } from '../bridge/protocol.js'

export type ToWorker =
  | { type: 'invoke'; id: number; invocation: Invocation }
  /** Close the dataset (its work directory holds converted client data), then exit. */
  | { type: 'shutdown' }

export type FromWorker =
  | { type: 'result'; id: number; result: InvokeResult }
  | { type: 'event'; event: keyof ApiEvents; payload: ApiEvents[keyof ApiEvents] }

/** What the host needs of a running engine process: a forked Node child or an Electron utilityProcess. */
export interface WorkerHandle {
  send(message: ToWorker): void
  onMessage(listener: (message: FromWorker) => void): void
  onExit(listener: (code: number | null) => void): void
  kill(): void
}
