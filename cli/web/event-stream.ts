// The API's events (progress, menu commands) to every open page, as Server-Sent Events. A
// heartbeat keeps idle connections open through anything that would time them out.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ApiEvents } from '../../core/api.js'

const HEARTBEAT_MS = 20_000

export interface EventStream {
  open(req: IncomingMessage, res: ServerResponse): void
  broadcast<K extends keyof ApiEvents>(event: K, payload: ApiEvents[K]): void
  closeAll(): void
}

export function createEventStream(): EventStream {
  const clients = new Set<ServerResponse>()
  return {
    open(req, res) {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        Connection: 'keep-alive',
      })
      res.write(': connected\n\n')
      clients.add(res)
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS)
      req.on('close', () => {
        clearInterval(heartbeat)
        clients.delete(res)
      })
    },
    broadcast(event, payload) {
      const message = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
      for (const client of clients) client.write(message)
    },
    closeAll() {
      for (const client of clients) client.end()
      clients.clear()
    },
  }
}
