// The local web mode server: the built renderer and the API bridge over HTTP, on 127.0.0.1 only.
// Routes: GET / and the build's files (allowlisted, CSP with a per-response style nonce), and the
// API under /api (api-routes.ts). Every request passes request-guard first; a rejected one gets 403.
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ApiEvents } from '../../core/api.js'
import type { Invocation, InvokeResult } from '../../core/bridge/protocol.js'
import {
  contentTypeOf,
  injectNonce,
  listRendererFiles,
  newNonce,
  resolveRendererFile,
  securityHeaders,
} from '../../core/hosting/renderer-assets.js'
import { handleApi } from './api-routes.js'
import { createEventStream } from './event-stream.js'
import { sendText } from './http-replies.js'
import { isAllowedHost, isAllowedOrigin, newToken } from './request-guard.js'

export interface WebServerOptions {
  invoke: (invocation: Invocation) => Promise<InvokeResult>
  /** The web build of the renderer (out/renderer-web). */
  staticRoot: string
  /** 0 or absent: a random free port. */
  port?: number
  token?: string
}

export interface WebServer {
  /** The address to open, token included: http://127.0.0.1:<port>/?token=<token> */
  url: string
  origin: string
  port: number
  token: string
  broadcast<K extends keyof ApiEvents>(event: K, payload: ApiEvents[K]): void
  close(): Promise<void>
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const files = await listRendererFiles(options.staticRoot)
  if (!files.has('index.html')) throw new Error(`No index.html in ${options.staticRoot}`)
  const api = {
    token: options.token ?? newToken(),
    invoke: options.invoke,
    events: createEventStream(),
  }
  let port = 0

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
      return sendText(res, 403, 'Forbidden')
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
    if (url.pathname === '/api' || url.pathname.startsWith('/api/'))
      return handleApi(req, res, url, api)
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendText(res, 405, 'Method not allowed')
    const file = resolveRendererFile(url.pathname, files)
    if (!file) return sendText(res, 404, 'Not found')
    await sendRendererFile(req, res, file)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendText(res, 500, 'Internal error')
      else res.destroy()
      process.stderr.write(`cur-lens serve: ${e instanceof Error ? e.message : String(e)}\n`)
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  const origin = `http://127.0.0.1:${port}`
  return {
    url: `${origin}/?token=${api.token}`,
    origin,
    port,
    token: api.token,
    broadcast: (event, payload) => api.events.broadcast(event, payload),
    async close() {
      api.events.closeAll()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** A file of the build; HTML pages get this response's style nonce. */
async function sendRendererFile(req: IncomingMessage, res: ServerResponse, file: string) {
  const nonce = newNonce()
  const bytes = await readFile(file)
  const body = file.endsWith('.html')
    ? Buffer.from(injectNonce(bytes.toString('utf8'), nonce))
    : bytes
  res.writeHead(200, {
    ...securityHeaders(nonce),
    'Content-Type': contentTypeOf(file),
    'Content-Length': body.length,
  })
  res.end(req.method === 'HEAD' ? undefined : body)
}
