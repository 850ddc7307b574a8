// Host side of the engine process: implements CurLensApi by forwarding each call to a worker.
// When the worker dies (a hostile file crashed DuckDB) every pending call fails with ENGINE_CRASHED
// naming the file being read, and the next call starts a fresh worker. A cancel that the engine
// does not honour within a deadline kills the worker.
import type { ApiEvents, CurLensApi, ProgressEvent } from '../api.js'
import { createApiClient } from '../bridge/client.js'
import type { InvokeResult } from '../bridge/protocol.js'
import { CurLensError } from '../errors/curlens-error.js'
import type { WorkerHandle } from './messages.js'

export interface EngineHostOptions {
  spawn: () => WorkerHandle
  onEvent?: <K extends keyof ApiEvents>(event: K, payload: ApiEvents[K]) => void
  cancelDeadlineMs?: number
}

interface Pending {
  resolve: (result: InvokeResult) => void
  method: string
  jobId?: string
}

export function createEngineHost(options: EngineHostOptions): CurLensApi & { dispose(): void } {
  let worker: WorkerHandle | undefined
  let nextId = 1
  let lastFile: string | undefined
  const pending = new Map<number, Pending>()

  function fail(entry: Pending, error: CurLensError) {
    entry.resolve({ ok: false, error: error.toJSON() })
  }

  function start(): WorkerHandle {
    const handle = options.spawn()
    handle.onMessage((message) => {
      if (message.type === 'result') {
        pending.get(message.id)?.resolve(message.result)
        pending.delete(message.id)
      } else {
        if (message.event === 'onDidProgress')
          lastFile = (message.payload as ProgressEvent).file ?? lastFile
        options.onEvent?.(message.event, message.payload)
      }
    })
    handle.onExit((code) => {
      if (worker === handle) worker = undefined
      const file = lastFile
      const where = file ? ` while reading ${file}` : ''
      for (const entry of pending.values()) {
        fail(
          entry,
          new CurLensError(
            'ENGINE_CRASHED',
            `The engine stopped${where} (exit code ${code ?? 'none'}). The file may be corrupt or hostile; the engine was restarted and the other files can be opened.`,
            { file },
          ),
        )
      }
      pending.clear()
    })
    return handle
  }

  function invoke(method: string, args: unknown[]): Promise<InvokeResult> {
    worker ??= start()
    const id = nextId++
    if (method === 'openSources') lastFile = undefined
    const jobId = method === 'openSources' ? (args[0] as { jobId?: string })?.jobId : undefined
    return new Promise((resolve) => {
      pending.set(id, { resolve, method, jobId })
      worker!.send({ type: 'invoke', id, invocation: { method, args } })
    })
  }

  function killAfterDeadline(jobId: string) {
    const target = worker
    setTimeout(() => {
      const stillRunning = [...pending.values()].some((p) => p.jobId === jobId)
      if (!stillRunning || worker !== target || !target) return
      for (const [id, entry] of pending) {
        if (entry.jobId === jobId) {
          fail(entry, new CurLensError('CANCELLED', 'The operation was cancelled.'))
          pending.delete(id)
        }
      }
      target.kill()
    }, options.cancelDeadlineMs ?? 2000).unref()
  }

  const client = createApiClient<CurLensApi>(async ({ method, args }) => {
    if (method === 'cancel') killAfterDeadline(args[0] as string)
    return invoke(method, args)
  })
  return {
    ...bindAll(client),
    dispose() {
      worker?.kill()
      worker = undefined
    },
  }
}

// The compiler keeps this in step with CurLensApi: a missing or extra method is a type error.
const API_METHODS = {
  openSources: true,
  cancel: true,
  summary: true,
  breakdown: true,
  tagKeys: true,
  lineItems: true,
  checkRules: true,
  chargeback: true,
  exportChargeback: true,
  saveWorkspace: true,
  loadWorkspace: true,
  demoPaths: true,
} satisfies Record<keyof CurLensApi, true>

/** The host is itself served by serveApi (IPC, HTTP), which needs real own properties. */
function bindAll(client: CurLensApi): CurLensApi {
  const names = Object.keys(API_METHODS) as (keyof CurLensApi)[]
  return Object.fromEntries(names.map((m) => [m, client[m]])) as unknown as CurLensApi
}
