// Host side of the engine process: implements CurLensApi by forwarding each call to a worker.
// When the worker dies (a hostile file crashed DuckDB) every pending call fails with ENGINE_CRASHED
// naming the file being read, and the next call starts a fresh worker. A cancel that the engine
// does not honour within a deadline kills the worker.
import type { ApiEvents, CurLensApi, ProgressEvent } from '../api.js'
import { createApiClient } from '../bridge/client.js'
import type { InvokeResult } from '../bridge/protocol.js'
import { CurLensError, cancelledError } from '../errors/curlens-error.js'
import type { WorkerHandle } from './messages.js'

export interface EngineHostOptions {
  spawn: () => WorkerHandle
  onEvent?: <K extends keyof ApiEvents>(event: K, payload: ApiEvents[K]) => void
  cancelDeadlineMs?: number
}

interface Pending {
  resolve: (result: InvokeResult) => void
  jobId?: string
}

interface Worker {
  handle: WorkerHandle
  pending: Map<number, Pending>
  /** The file the engine last reported reading, named when it crashes. */
  lastFile?: string
}

const SHUTDOWN_DEADLINE_MS = 3000

export function createEngineHost(options: EngineHostOptions): CurLensApi & { dispose(): void } {
  let worker: Worker | undefined
  let nextId = 1

  function start(): Worker {
    const current: Worker = { handle: options.spawn(), pending: new Map() }
    current.handle.onMessage((message) => {
      if (message.type === 'result') {
        current.pending.get(message.id)?.resolve(message.result)
        current.pending.delete(message.id)
        // The worker exits after reporting a crashed engine; send nothing more to it.
        if (!message.result.ok && message.result.error.code === 'ENGINE_CRASHED') retire(current)
      } else {
        if (message.event === 'onDidProgress') {
          current.lastFile = (message.payload as ProgressEvent).file ?? current.lastFile
        }
        options.onEvent?.(message.event, message.payload)
      }
    })
    current.handle.onExit((code) => {
      retire(current)
      const file = current.lastFile
      const where = file ? ` while reading ${file}` : ''
      const error = new CurLensError(
        'ENGINE_CRASHED',
        `The engine stopped${where} (exit code ${code ?? 'none'}). The file may be corrupt or hostile; the engine was restarted and the other files can be opened.`,
        { file },
      )
      for (const entry of current.pending.values())
        entry.resolve({ ok: false, error: error.toJSON() })
      current.pending.clear()
    })
    return current
  }

  function retire(target: Worker) {
    if (worker === target) worker = undefined
  }

  function invoke(method: string, args: unknown[]): Promise<InvokeResult> {
    const current = (worker ??= start())
    const id = nextId++
    const jobId = method === 'openSources' ? (args[0] as { jobId?: string })?.jobId : undefined
    if (method === 'openSources') current.lastFile = undefined
    return new Promise((resolve) => {
      current.pending.set(id, { resolve, jobId })
      current.handle.send({ type: 'invoke', id, invocation: { method, args } })
    })
  }

  function killAfterDeadline(target: Worker, jobId: string) {
    setTimeout(() => {
      const running = [...target.pending].filter(([, entry]) => entry.jobId === jobId)
      if (running.length === 0) return
      const error = cancelledError()
      for (const [id, entry] of running) {
        entry.resolve({ ok: false, error: error.toJSON() })
        target.pending.delete(id)
      }
      retire(target)
      target.handle.kill()
    }, options.cancelDeadlineMs ?? 2000).unref()
  }

  // Cancel answers at once: the engine may be too stuck to reply, and the deadline handles that.
  function cancel(jobId: string): InvokeResult {
    const target = worker
    if (target) {
      target.handle.send({
        type: 'invoke',
        id: nextId++,
        invocation: { method: 'cancel', args: [jobId] },
      })
      killAfterDeadline(target, jobId)
    }
    return { ok: true, value: undefined }
  }

  const client = createApiClient<CurLensApi>(async ({ method, args }) =>
    method === 'cancel' ? cancel(args[0] as string) : invoke(method, args),
  )
  return {
    ...bindAll(client),
    dispose() {
      const target = worker
      worker = undefined
      if (!target) return
      target.handle.send({ type: 'shutdown' })
      setTimeout(() => target.handle.kill(), SHUTDOWN_DEADLINE_MS).unref()
    },
  }
}

// The compiler keeps this in step with CurLensApi: a missing or extra method is a type error.
const API_METHODS = {
  openSources: true,
  cancel: true,
  currentDataset: true,
  summary: true,
  modelCoverage: true,
  breakdown: true,
  tokenUnitCosts: true,
  tagKeys: true,
  lineItems: true,
  checkRules: true,
  chargeback: true,
  exportChargeback: true,
  saveWorkspace: true,
  loadWorkspace: true,
  loadRules: true,
  demoPaths: true,
} satisfies Record<keyof CurLensApi, true>

/** The host is itself served by serveApi (IPC, HTTP), which needs real own properties. */
function bindAll(client: CurLensApi): CurLensApi {
  const names = Object.keys(API_METHODS) as (keyof CurLensApi)[]
  return Object.fromEntries(names.map((m) => [m, client[m]])) as unknown as CurLensApi
}
