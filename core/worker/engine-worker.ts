// Engine-process side: serves a CurLensApi implementation to the host over the process channel.
// Works in a Node child (process.send) and in an Electron utilityProcess (process.parentPort).
import type { ApiEvents, CurLensApi } from '../api.js'
import { serveApi } from '../bridge/server.js'
import type { FromWorker, ToWorker } from './messages.js'

interface ParentPort {
  on(event: 'message', listener: (e: { data: ToWorker }) => void): void
  postMessage(message: FromWorker): void
}

export type Emit = <K extends keyof ApiEvents>(event: K, payload: ApiEvents[K]) => void

/** The API plus a close() that the worker calls before exiting; close() is not served. */
export type ClosableApi = CurLensApi & { close(): Promise<void> }

export function runEngineWorker(createApi: (emit: Emit) => ClosableApi): void {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort
  const send = (message: FromWorker) =>
    new Promise<void>((resolve) => {
      if (parentPort) {
        parentPort.postMessage(message)
        resolve()
      } else {
        process.send?.(message, undefined, {}, () => resolve())
      }
    })
  const { close, ...api } = createApi(
    (event, payload) => void send({ type: 'event', event, payload }),
  )
  const handle = serveApi(api)
  const shutdown = () => void close().finally(() => process.exit(0))
  const onMessage = async (message: ToWorker) => {
    if (message?.type === 'shutdown') return shutdown()
    if (message?.type !== 'invoke') return
    const result = await handle(message.invocation)
    await send({ type: 'result', id: message.id, result })
    // An invalidated DuckDB must not be reused: end this process so the host starts a fresh one.
    if (!result.ok && result.error.code === 'ENGINE_CRASHED') process.exit(70)
  }
  if (parentPort) parentPort.on('message', (e) => void onMessage(e.data))
  else {
    process.on('message', (m) => void onMessage(m as ToWorker))
    process.on('disconnect', shutdown)
  }
}
