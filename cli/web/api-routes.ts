// The API over HTTP: POST /api/invoke (a JSON Invocation with the Bearer token → InvokeResult) and
// GET /api/events?token=… (the event stream). An invocation is checked against the method's
// argument shapes before it is served; anything else under /api is refused.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { checkInvocation } from '../../core/bridge/check-invocation.js'
import type { Invocation, InvokeResult } from '../../core/bridge/protocol.js'
import type { EventStream } from './event-stream.js'
import { readBody, sendJson, sendText } from './http-replies.js'
import { bearerToken, tokenMatches } from './request-guard.js'

export const MAX_BODY_BYTES = 1024 * 1024

export interface ApiRoutes {
  token: string
  invoke: (invocation: Invocation) => Promise<InvokeResult>
  events: EventStream
}

export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  api: ApiRoutes,
): Promise<void> {
  if (url.pathname === '/api/invoke' && req.method === 'POST') {
    if (!tokenMatches(bearerToken(req.headers.authorization), api.token))
      return sendText(res, 403, 'Forbidden')
    if (!/^application\/json(;|$)/i.test(req.headers['content-type'] ?? '')) {
      return sendText(res, 415, 'Expected application/json')
    }
    const body = await readBody(req, MAX_BODY_BYTES)
    if (body === undefined) return sendText(res, 413, 'Request too large', true)
    return sendJson(res, await invokeFromBody(body, api.invoke))
  }
  if (url.pathname === '/api/events' && req.method === 'GET') {
    if (!tokenMatches(url.searchParams.get('token'), api.token))
      return sendText(res, 403, 'Forbidden')
    return api.events.open(req, res)
  }
  const given = bearerToken(req.headers.authorization) ?? url.searchParams.get('token')
  if (!tokenMatches(given, api.token)) return sendText(res, 403, 'Forbidden')
  return sendText(res, 404, 'Not found')
}

async function invokeFromBody(body: Buffer, invoke: ApiRoutes['invoke']): Promise<InvokeResult> {
  let request: unknown
  try {
    request = JSON.parse(body.toString('utf8'))
  } catch {
    return invalid('The request body is not JSON.')
  }
  const problem = checkInvocation(request)
  if (problem) return invalid(problem)
  return invoke(request as Invocation)
}

function invalid(message: string): InvokeResult {
  return { ok: false, error: { code: 'INVALID_QUERY', message } }
}
