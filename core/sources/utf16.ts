// A CSV saved as UTF-16 (Excel's "Unicode text", some Windows tools) is transcoded to UTF-8 in the
// private work directory before anything else reads it; DuckDB and the Node check then read the
// copy, which is counted and checked like any CSV. The gzip stream, if any, is read to its end here,
// with the same integrity check and decompression caps as every other read.
import { createReadStream, createWriteStream } from 'node:fs'
import { Transform, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { TextDecoder } from 'node:util'
import { createGunzip } from 'node:zlib'
import { CurLensError } from '../errors/curlens-error.js'
import type { TextEncoding } from './csv-head.js'
import { checkBomb, scanError } from './csv-scan.js'
import type { SourceLimits } from './limits.js'
import { messages } from './messages.js'

export async function transcodeToUtf8(
  path: string,
  target: string,
  options: {
    display: string
    gzip: boolean
    encoding: Exclude<TextEncoding, 'utf-8'>
    limits: SourceLimits
    signal?: AbortSignal
  },
): Promise<void> {
  const source = createReadStream(path)
  const decode = new Utf16ToUtf8(options, (outBytes) =>
    checkBomb(options.display, outBytes, source.bytesRead, options.limits),
  )
  const written = createWriteStream(target, { flags: 'wx' })
  try {
    if (options.gzip) {
      await pipeline(source, createGunzip(), decode, written, { signal: options.signal })
    } else await pipeline(source, decode, written, { signal: options.signal })
  } catch (e) {
    throw scanError(options.display, e, options.signal)
  }
}

/** Decodes UTF-16 (surrogate pairs split across chunks included) and writes UTF-8, capped. */
class Utf16ToUtf8 extends Transform {
  private readonly decoder: TextDecoder
  private outBytes = 0

  constructor(
    private readonly file: { display: string; encoding: 'utf-16le' | 'utf-16be' },
    private readonly check: (outBytes: number) => void,
  ) {
    super()
    this.decoder = new TextDecoder(file.encoding, { fatal: true })
  }

  _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.forward(() => this.decoder.decode(chunk, { stream: true }), done)
  }

  _flush(done: TransformCallback) {
    this.forward(() => this.decoder.decode(), done)
  }

  private forward(decode: () => string, done: TransformCallback) {
    let text: string
    try {
      text = decode()
    } catch (e) {
      const { display, encoding } = this.file
      const message = messages.badUtf16(display, encoding)
      return done(new CurLensError('FILE_CORRUPT', message, { file: display, cause: e }))
    }
    try {
      const bytes = Buffer.from(text, 'utf8')
      this.outBytes += bytes.length
      this.check(this.outBytes)
      done(null, bytes)
    } catch (e) {
      done(e as Error)
    }
  }
}
