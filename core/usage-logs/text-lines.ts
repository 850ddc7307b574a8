// A log file's lines, streamed: gunzipped when the bytes are gzip (whatever the name), with the
// decompression caps of core/sources, and each line bounded: a line longer than the cap is not
// kept in memory but reported as too long, so one huge line neither exhausts memory nor hides the
// lines after it. Lines are numbered from 1 as a text editor numbers them.
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { createGunzip } from 'node:zlib'
import { CurLensError } from '../errors/curlens-error.js'
import { checkBomb, scanError } from '../sources/csv-scan.js'
import type { SourceLimits } from '../sources/limits.js'
import { logMessages } from './messages.js'

export type TextLine = { number: number; text: string } | { number: number; tooLong: true }

export interface LineOptions {
  limits: SourceLimits
  maxLineBytes: number
  signal?: AbortSignal
}

const CHUNK_BYTES = 1024 * 1024
const NEWLINE = 0x0a

/** A failure after some lines were read: `lines` of them came before it. */
export class LinesFailed extends Error {
  constructor(
    readonly error: CurLensError,
    readonly lines: number,
  ) {
    super(error.message)
  }
}

export async function isGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r')
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(2), 0, 2, 0)
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b
  } finally {
    await handle.close()
  }
}

export async function* textLines(path: string, options: LineOptions): AsyncGenerator<TextLine> {
  const { limits, maxLineBytes, signal } = options
  const gzip = await isGzip(path)
  const source = createReadStream(path, { highWaterMark: CHUNK_BYTES })
  const gunzip = gzip ? createGunzip({ chunkSize: CHUNK_BYTES }) : undefined
  if (gunzip) {
    source.on('error', (e) => gunzip.destroy(e))
    source.pipe(gunzip)
  }
  const stream: AsyncIterable<Buffer> = gunzip ?? source
  let kept: Buffer[] = []
  let keptBytes = 0
  let tooLong = false
  let number = 0
  let outBytes = 0
  const line = (): TextLine => {
    number++
    if (tooLong) return { number, tooLong: true }
    let text = Buffer.concat(kept, keptBytes).toString('utf8')
    if (text.endsWith('\r')) text = text.slice(0, -1)
    if (number === 1) text = text.replace(/^\uFEFF/, '')
    return { number, text }
  }
  try {
    try {
      for await (const chunk of stream) {
        if (signal?.aborted) throw new CurLensError('CANCELLED', logMessages.cancelled())
        outBytes += chunk.length
        if (gzip) checkBomb(path, outBytes, source.bytesRead, limits)
        for (let start = 0; start <= chunk.length;) {
          const newline = chunk.indexOf(NEWLINE, start)
          const end = newline < 0 ? chunk.length : newline
          if (!tooLong && keptBytes + end - start > maxLineBytes) {
            tooLong = true
            kept = []
          }
          if (!tooLong && end > start) {
            kept.push(chunk.subarray(start, end))
            keptBytes += end - start
          }
          if (newline < 0) break
          yield line()
          kept = []
          keptBytes = 0
          tooLong = false
          start = newline + 1
        }
      }
    } catch (e) {
      throw new LinesFailed(scanError(path, e, signal), number)
    }
    if (keptBytes > 0 || tooLong) yield line()
  } finally {
    source.destroy()
    gunzip?.destroy()
  }
}
