// The wire format of the generic API bridge: one invocation shape and one result shape for every
// method, over Electron IPC, HTTP or a child process. Errors travel as data with their code.
import type { SerializedError } from '../errors/curlens-error.js'

export interface Invocation {
  method: string
  args: unknown[]
}

export type InvokeResult = { ok: true; value: unknown } | { ok: false; error: SerializedError }

export type Invoke = (invocation: Invocation) => Promise<InvokeResult>
