// Reads the start of a CSV file (through gzip if need be) to tell what it is before it is converted:
// its text encoding (UTF-16 is transcoded to UTF-8 first, see utf16.ts), its line ends (old Mac
// files end lines with a CR alone), its header and its first data row (whose timestamps tell the
// conversion their format, and whose values can show a spreadsheet's damage at once). The whole file
// is read later, alongside the conversion (csv-scan.ts).
import { createReadStream } from 'node:fs'
import { pipeline, type Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'
import { CurLensError } from '../errors/curlens-error.js'
import { notACostExport, parseCsvStart, scanError, type LineEnd } from './csv-scan.js'
import { messages } from './messages.js'

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be'

export interface CsvHead {
  encoding: TextEncoding
  /** Empty for a UTF-16 file: it is read once transcoded. */
  header: string[]
  firstRow?: string[]
  lineEnd: LineEnd
}

/** A header longer than this is no cost export's (some 130 names, about 4 KB). */
const HEAD_BYTES = 1024 * 1024

export async function readCsvHead(
  path: string,
  options: { display: string; gzip: boolean; signal?: AbortSignal },
): Promise<CsvHead> {
  const { bytes, whole } = await readStart(path, options)
  if (bytes.length === 0) {
    throw new CurLensError('FILE_EMPTY', messages.fileEmpty(options.display), {
      file: options.display,
    })
  }
  const encoding = utf16Encoding(bytes)
  if (encoding) return { encoding, header: [], lineEnd: 'lf' }
  let text = bytes.toString('utf8')
  const lineEnd = crOnly(text) ? 'cr' : 'lf'
  const eol = lineEnd === 'cr' ? '\r' : '\n'
  if (!whole) {
    const last = text.lastIndexOf(eol)
    if (last < 0) throw notACostExport(options.display)
    text = text.slice(0, last + 1)
  }
  const [header = [], firstRow] = parseCsvStart(text, 2)
  return { encoding: 'utf-8', header, ...(firstRow ? { firstRow } : {}), lineEnd }
}

/** Up to HEAD_BYTES of the file's text, and whether that is all of it. */
async function readStart(path: string, options: { display: string; gzip: boolean }) {
  const source = createReadStream(path)
  // pipeline hands a read error or a gzip error on to the stream read here; stopping early is not one.
  const stream: Readable = options.gzip ? pipeline(source, createGunzip(), () => {}) : source
  const chunks: Buffer[] = []
  let length = 0
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk)
      length += chunk.length
      if (length >= HEAD_BYTES) break
    }
  } catch (e) {
    throw scanError(options.display, e)
  } finally {
    source.destroy()
    stream.destroy()
  }
  const bytes = Buffer.concat(chunks)
  return { bytes: bytes.subarray(0, HEAD_BYTES), whole: length < HEAD_BYTES }
}

/** UTF-16 by its byte-order mark, or by the NUL bytes every other byte of ASCII text has. */
function utf16Encoding(bytes: Buffer): TextEncoding | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  if (bytes.length < 4) return undefined
  if (bytes[1] === 0 && bytes[3] === 0 && bytes[0] !== 0) return 'utf-16le'
  if (bytes[0] === 0 && bytes[2] === 0 && bytes[1] !== 0) return 'utf-16be'
  return undefined
}

/** Lines end with a CR alone: the first CR comes before any line feed and no line feed follows it. */
function crOnly(text: string): boolean {
  const cr = text.indexOf('\r')
  if (cr < 0) return false
  const lf = text.indexOf('\n')
  return (lf < 0 || cr < lf) && text[cr + 1] !== '\n'
}
