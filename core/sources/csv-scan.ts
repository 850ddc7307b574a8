// Streams one CSV file (plain or gzip) through Node: reads the header (`readCsvHeader` stops there),
// or the whole file (`scanCsv`, run alongside DuckDB's conversion): counts the data rows (newlines
// inside quoted fields do not end a row; blank lines are skipped, as DuckDB skips them) and, for
// gzip, checks integrity and caps the output against decompression bombs. DuckDB 1.5.6 reads a
// truncated .csv.gz partially without error; node:zlib rejects it, and the row count lets the
// loader prove that DuckDB read every row.
import { createReadStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import Papa from 'papaparse'
import { CurLensError } from '../errors/curlens-error.js'
import type { SourceLimits } from './limits.js'
import { messages } from './messages.js'

export interface CsvScan {
  header: string[]
  /** Records after the header. */
  dataRows: number
}

export interface CsvScanOptions {
  /** The name to use in messages (a zip entry is shown as its archive). */
  display: string
  gzip: boolean
  totalBytes: number
  limits: SourceLimits
  signal?: AbortSignal
  /** Sees the header before the rest is read; throwing stops the scan (not a cost export). */
  onHeader?: (header: string[]) => void
  onProgress?: (fraction: number) => void
}

const MAX_HEADER_BYTES = 1024 * 1024
const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d

/**
 * Counts CSV records across chunk boundaries: a record ends at a line feed outside quotes; a line
 * that is empty (or only a CR) is no record. CR-only line ends are not supported: the count then
 * disagrees with DuckDB's and the file is refused rather than loaded in part. This loop sees every
 * byte of a possibly multi-gigabyte export, so it keeps its state in locals.
 */
class RecordCounter {
  records = 0
  /** Offset (within the chunk) of the line feed that ended the first record. */
  firstRecordEnd = -1
  private inQuote = false
  /** Bytes of the current line seen in earlier chunks, and whether the last of them was a CR. */
  private carried = 0
  private carriedCr = false

  push(chunk: Buffer) {
    let { records, inQuote } = this
    let lineStart = 0
    const length = chunk.length
    for (let i = 0; i < length; i++) {
      const byte = chunk[i]
      if (byte === QUOTE) inQuote = !inQuote
      else if (byte === LF && !inQuote) {
        const crBefore = i > lineStart ? chunk[i - 1] === CR : this.carriedCr
        if (this.carried + (i - lineStart) - (crBefore ? 1 : 0) > 0) {
          records++
          if (records === 1) this.firstRecordEnd = i
        }
        lineStart = i + 1
        this.carried = 0
        this.carriedCr = false
      }
    }
    if (lineStart < length) {
      this.carried += length - lineStart
      this.carriedCr = chunk[length - 1] === CR
    }
    this.records = records
    this.inQuote = inQuote
  }

  finish() {
    if (this.carried - (this.carriedCr ? 1 : 0) > 0) this.records++
    this.carried = 0
  }
}

/** Reads only the header (gzip integrity and the row count are left to `scanCsv`). */
export async function readCsvHeader(path: string, options: CsvScanOptions): Promise<string[]> {
  return (await readCsv(path, options, true)).header
}

export async function scanCsv(path: string, options: CsvScanOptions): Promise<CsvScan> {
  return readCsv(path, options, false)
}

/** Thrown inside the stream once a header-only read has its header, to stop reading. */
const HEADER_READ = Symbol('header read')

async function readCsv(
  path: string,
  options: CsvScanOptions,
  headerOnly: boolean,
): Promise<CsvScan> {
  const { display, limits } = options
  const source = createReadStream(path, { highWaterMark: 1024 * 1024 })
  const counter = new RecordCounter()
  let header: string[] | undefined
  const head: Buffer[] = []
  let headBytes = 0
  let outBytes = 0

  const readHeader = (chunk: Buffer, endInChunk: number) => {
    head.push(endInChunk >= 0 ? chunk.subarray(0, endInChunk) : chunk)
    headBytes += chunk.length
    if (endInChunk < 0 && headBytes <= MAX_HEADER_BYTES) return
    if (endInChunk < 0) throw notACostExport(display)
    header = parseHeader(Buffer.concat(head))
    options.onHeader?.(header)
  }

  // Node reports an AbortError, not the sink's own error, when the sink throws: keep ours.
  let stopped: unknown
  async function consume(chunks: AsyncIterable<Buffer>) {
    try {
      for await (const chunk of chunks) {
        const before = counter.records
        counter.push(chunk)
        if (!header) {
          readHeader(chunk, before === 0 && counter.records > 0 ? counter.firstRecordEnd : -1)
          if (header && headerOnly) throw HEADER_READ
        }
        outBytes += chunk.length
        if (options.gzip) checkBomb(display, outBytes, source.bytesRead, limits)
        options.onProgress?.(options.totalBytes > 0 ? source.bytesRead / options.totalBytes : 1)
      }
    } catch (e) {
      stopped = e
      throw e
    }
  }

  try {
    const signal = options.signal
    if (options.gzip) await pipeline(source, createGunzip(), consume, { signal })
    else await pipeline(source, consume, { signal })
  } catch (e) {
    if (stopped === HEADER_READ && header) return { header, dataRows: 0 }
    throw scanError(display, stopped ?? e, options.signal)
  }
  counter.finish()
  if (!header) {
    if (headBytes === 0)
      throw new CurLensError('FILE_EMPTY', messages.fileEmpty(display), { file: display })
    header = parseHeader(Buffer.concat(head))
    options.onHeader?.(header)
  }
  return { header, dataRows: Math.max(0, counter.records - 1) }
}

function parseHeader(bytes: Buffer): string[] {
  const text = bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .replace(/^[\r\n]+/, '')
    .replace(/\r$/, '')
  const parsed = Papa.parse<string[]>(text, { preview: 1, delimiter: ',' })
  return parsed.data[0] ?? []
}

function checkBomb(display: string, outBytes: number, inBytes: number, limits: SourceLimits) {
  if (outBytes > limits.maxDecompressedBytes) {
    throw new CurLensError(
      'FILE_TOO_LARGE',
      messages.decompressedTooLarge(display, limits.maxDecompressedBytes),
      {
        file: display,
      },
    )
  }
  if (outBytes >= limits.ratioCheckAfterBytes && outBytes > inBytes * limits.maxCompressionRatio) {
    throw new CurLensError(
      'FILE_TOO_LARGE',
      messages.ratioTooHigh(display, limits.maxCompressionRatio),
      {
        file: display,
      },
    )
  }
}

function notACostExport(display: string) {
  return new CurLensError('NOT_A_CUR_FILE', messages.notACostExport(display), { file: display })
}

function scanError(display: string, e: unknown, signal?: AbortSignal): CurLensError {
  if (signal?.aborted) return new CurLensError('CANCELLED', messages.cancelled(), { cause: e })
  if (e instanceof CurLensError) return e
  const error = e as NodeJS.ErrnoException
  if (error.code === 'Z_BUF_ERROR') {
    return new CurLensError('FILE_TRUNCATED', messages.gzipTruncated(display), {
      file: display,
      cause: e,
    })
  }
  if (typeof error.code === 'string' && error.code.startsWith('Z_')) {
    return new CurLensError('FILE_CORRUPT', messages.gzipCorrupt(display, error.message), {
      file: display,
      cause: e,
    })
  }
  return new CurLensError('FILE_UNREADABLE', messages.unreadable(display, error.message), {
    file: display,
    cause: e,
  })
}
