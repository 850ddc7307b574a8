// Picks how the renderer reaches the engine. In Electron the preload exposes `window.curlens`
// (invoke + events over IPC). Otherwise this is local web mode (`cur-lens serve`): POST
// /api/invoke with the per-launch token, and events from an EventSource on /api/events.
// The caller passes the globals in, so this module never reads `window` itself.
import type { ApiEvents } from '../../../core/api.js'
import type { Invocation, InvokeResult } from '../../../core/bridge/protocol.js'

export type ApiEventName = keyof ApiEvents
export type ApiEventListener<E extends ApiEventName> = (payload: ApiEvents[E]) => void

export interface Transport {
  kind: 'desktop' | 'web'
  invoke(invocation: Invocation): Promise<InvokeResult>
  on<E extends ApiEventName>(event: E, listener: ApiEventListener<E>): () => void
  /** The path of a dropped file, where the desktop shell can tell it. */
  pathForFile?: (file: unknown) => string
}

/** What the Electron preload exposes as `window.curlens`. */
export interface DesktopBridge {
  invoke(method: string, args: unknown[]): Promise<InvokeResult>
  on(event: string, listener: (payload: unknown) => void): () => void
  pathForFile?: (file: unknown) => string
}

interface ResponseLike {
  ok: boolean
  status: number
  json(): Promise<unknown>
}

interface EventSourceLike {
  addEventListener(type: string, listener: (event: { data: string }) => void): void
  removeEventListener(type: string, listener: (event: { data: string }) => void): void
}

export interface TransportEnvironment {
  curlens?: DesktopBridge
  /** `location.search` of the page, which carries the web-mode token. */
  search: string
  fetch(
    url: string,
    init: { method: string; headers: Record<string, string>; body: string },
  ): Promise<ResponseLike>
  createEventSource(url: string): EventSourceLike
}

function failure(code: 'INTERNAL', message: string): InvokeResult {
  return { ok: false, error: { code, message } }
}

function isInvokeResult(value: unknown): value is InvokeResult {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false
  const result = value as { ok: unknown; error?: unknown }
  return result.ok === true || (result.ok === false && typeof result.error === 'object')
}

function webTransport(env: TransportEnvironment): Transport {
  const token = new URLSearchParams(env.search).get('token') ?? ''
  let events: EventSourceLike | undefined

  return {
    kind: 'web',
    async invoke(invocation) {
      let response: ResponseLike
      try {
        response = await env.fetch('/api/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(invocation),
        })
      } catch {
        return failure(
          'INTERNAL',
          'Lost contact with CUR Lens. Check that `cur-lens serve` is still running in the terminal, then reload this page.',
        )
      }
      if (response.status === 401 || response.status === 403)
        return failure(
          'INTERNAL',
          'This page is not authorized. Open the address that `cur-lens serve` printed in the terminal (it includes the access token).',
        )
      const body = await response.json().catch(() => undefined)
      if (isInvokeResult(body)) return body
      return failure('INTERNAL', `CUR Lens answered with HTTP ${response.status} and no result.`)
    },
    on(event, listener) {
      events ??= env.createEventSource(`/api/events?token=${encodeURIComponent(token)}`)
      const source = events
      const handler = (message: { data: string }) => {
        try {
          listener(JSON.parse(message.data) as ApiEvents[typeof event])
        } catch {
          // A malformed event is dropped; the next one still arrives.
        }
      }
      source.addEventListener(event, handler)
      return () => source.removeEventListener(event, handler)
    },
  }
}

function desktopTransport(bridge: DesktopBridge): Transport {
  const getPath = bridge.pathForFile
  return {
    kind: 'desktop',
    invoke: ({ method, args }) => bridge.invoke(method, args),
    on: (event, listener) =>
      bridge.on(event, (payload) => listener(payload as ApiEvents[typeof event])),
    pathForFile: getPath ? (file) => getPath(file) : undefined,
  }
}

export function createTransport(env: TransportEnvironment): Transport {
  return env.curlens ? desktopTransport(env.curlens) : webTransport(env)
}
