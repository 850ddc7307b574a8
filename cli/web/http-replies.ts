// The few ways the local web server answers: JSON for the API, plain text for refusals, and the
// request body read with a size limit. Every reply says no-store and nosniff.
import type { IncomingMessage, ServerResponse } from 'node:http'

const API_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
}

export function sendJson(res: ServerResponse, value: unknown): void {
  const body = Buffer.from(JSON.stringify(value))
  res.writeHead(200, { ...API_HEADERS, 'Content-Length': body.length })
  res.end(body)
}

export function sendText(
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

/** The body, or undefined once it exceeds the limit. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
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
