// The local web mode server: the built renderer and the API bridge over HTTP, on 127.0.0.1 only.
// Routes: GET / and the build's files (allowlisted, CSP with a per-response style nonce),
// POST /api/invoke (JSON Invocation → InvokeResult, Bearer token) and GET /api/events?token=…
// (Server-Sent Events). Every request passes request-guard first; a rejected one gets 403.
import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ApiEvents } from '../../core/api.js'
import { checkInvocation } from '../../core/bridge/check-invocation.js'
import type { Invocation, InvokeResult } from '../../core/bridge/protocol.js'
import {
  contentTypeOf,
  injectNonce,
  listRendererFiles,
  newNonce,
  resolveRendererFile,
  securityHeaders,
} from '../../core/hosting/renderer-assets.js'
import {
  bearerToken,
  isAllowedHost,
  isAllowedOrigin,
  newToken,
  tokenMatches,
} from './request-guard.js'

export const MAX_BODY_BYTES = 1024 * 1024
const HEARTBEAT_MS = 20_000

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

const API_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const files = await listRendererFiles(options.staticRoot)
  if (!files.has('index.html')) throw new Error(`No index.html in ${options.staticRoot}`)
  const token = options.token ?? newToken()
  const clients = new Set<ServerResponse>()
  let port = 0

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendText(res, 500, 'Internal error')
      else res.destroy()
      process.stderr.write(`cur-lens serve: ${e instanceof Error ? e.message : String(e)}\n`)
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port) || !isAllowedOrigin(req.headers.origin, port)) {
      return sendText(res, 403, 'Forbidden')
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return handleApi(req, res, url)
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendText(res, 405, 'Method not allowed')
    const file = resolveRendererFile(url.pathname, files)
    if (!file) return sendText(res, 404, 'Not found')
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

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (url.pathname === '/api/invoke' && req.method === 'POST') {
      if (!tokenMatches(bearerToken(req.headers.authorization), token))
        return sendText(res, 403, 'Forbidden')
      if (!/^application\/json(;|$)/i.test(req.headers['content-type'] ?? '')) {
        return sendText(res, 415, 'Expected application/json')
      }
      const body = await readBody(req, MAX_BODY_BYTES)
      if (body === undefined) return sendText(res, 413, 'Request too large', true)
      return sendJson(res, await invokeFromBody(body))
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      if (!tokenMatches(url.searchParams.get('token'), token))
        return sendText(res, 403, 'Forbidden')
      return openEventStream(req, res)
    }
    if (
      !tokenMatches(bearerToken(req.headers.authorization) ?? url.searchParams.get('token'), token)
    ) {
      return sendText(res, 403, 'Forbidden')
    }
    return sendText(res, 404, 'Not found')
  }

  async function invokeFromBody(body: Buffer): Promise<InvokeResult> {
    let request: unknown
    try {
      request = JSON.parse(body.toString('utf8'))
    } catch {
      return invalid('The request body is not JSON.')
    }
    const problem = checkInvocation(request)
    if (problem) return invalid(problem)
    return options.invoke(request as Invocation)
  }

  function openEventStream(req: IncomingMessage, res: ServerResponse): void {
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
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  const origin = `http://127.0.0.1:${port}`
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    broadcast(event, payload) {
      const message = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
      for (const client of clients) client.write(message)
    },
    async close() {
      for (const client of clients) client.end()
      clients.clear()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function invalid(message: string): InvokeResult {
  return { ok: false, error: { code: 'INVALID_QUERY', message } }
}

/** The body, or undefined once it exceeds the limit. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return undefined
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) return undefined
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

function sendJson(res: ServerResponse, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value))
  res.writeHead(200, { ...API_HEADERS, 'Content-Length': body.length })
  res.end(body)
}

function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  closeConnection = false,
): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(closeConnection ? { Connection: 'close' } : {}),
  })
  res.end(text)
}
