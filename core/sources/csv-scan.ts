// Streams one CSV file (plain or gzip) through Node, run alongside DuckDB's conversion (its start
// was read before, see csv-head.ts): counts the data rows (line ends inside quoted fields do not end
// a row; blank lines are skipped, as DuckDB skips them; old Mac files end lines with CR), sums one
// column exactly (the file's own unblended cost, for reconciliation) and, for gzip, checks integrity
// and caps the output against decompression bombs. DuckDB 1.5.6 reads a truncated .csv.gz partially
// without error; node:zlib rejects it, and the row count lets the loader prove that DuckDB read
// every row.
import { createReadStream } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { createGunzip } from 'node:zlib'
import Papa from 'papaparse'
import { CurLensError } from '../errors/curlens-error.js'
import { DecimalColumnSum } from './decimal-column-sum.js'
import type { SourceLimits } from './limits.js'
import { messages } from './messages.js'

export interface CsvScan {
  header: string[]
  /** Records after the header. */
  dataRows: number
  /** Exact sum of the `sumColumn` values; undefined without that column or with a non-decimal value. */
  sum?: string
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
  /** The column to sum (matched ignoring letter case). */
  sumColumn?: string
  /** What ends a line: LF (and CRLF), or CR alone (old Mac files; see csv-head.ts). */
  lineEnd?: LineEnd
}

export type LineEnd = 'lf' | 'cr'

const MAX_HEADER_BYTES = 1024 * 1024
/** Longer than any amount: such a value is no plain decimal, and is not kept in memory. */
const MAX_VALUE_BYTES = 1024
/** Large gzip output chunks: the default 16 KiB made the per-chunk work dominate the scan. */
const CHUNK_BYTES = 1024 * 1024
const QUOTE = 0x22
const COMMA = 0x2c
const LF = 0x0a
const CR = 0x0d

/**
 * Splits CSV bytes into records and fields across chunk boundaries: a record ends at a line end
 * (a line feed, or for old Mac files a CR) outside quotes, a field at a comma outside quotes; a line
 * that is empty (or only a CR) is no record. The first record is the header, handed to `onHeader`,
 * which answers the index of the column to sum. This loop sees every byte of a possibly
 * multi-gigabyte export, so it keeps its hot state in locals and lets Buffer.indexOf search for
 * quotes and line ends wherever no comma needs counting (about 2.7 ns a byte instead of 4.5).
 */
class CsvRecordScanner {
  records = 0
  readonly sum = new DecimalColumnSum()
  private sumIndex = -1
  private inQuote = false
  private field = 0
  /** Where the current line starts in the chunk being read. */
  private lineStart = 0
  /** Bytes of the current line seen in earlier chunks, and whether the last of them was a CR. */
  private carried = 0
  private carriedCr = false
  /** Earlier chunks' part of the header, and of the value being summed. */
  private head: Buffer[] = []
  private headBytes = 0
  private partialValue: Buffer[] = []
  private partialBytes = 0

  /** The byte that ends a line; a CR before a line feed is dropped, a CR alone ends the line. */
  private readonly eol: number

  constructor(
    private readonly onHeader: (header: Buffer) => number,
    lineEnd: LineEnd,
  ) {
    this.eol = lineEnd === 'cr' ? CR : LF
  }

  push(chunk: Buffer) {
    let { inQuote, field, sumIndex } = this
    const eol = this.eol
    let fieldStart = 0
    let lineFeed = -1
    const length = chunk.length
    this.lineStart = 0
    let i = 0
    while (i < length) {
      // Quoted text (a third of a CUR 2.0 row: JSON maps) is skipped natively, not byte by byte.
      const quote = chunk.indexOf(QUOTE, i)
      if (inQuote) {
        if (quote < 0) break
        // An escaped quote ("") keeps the field quoted: one search instead of two.
        if (chunk[quote + 1] === QUOTE) i = quote + 2
        else {
          inQuote = false
          i = quote + 1
        }
        continue
      }
      const stop = quote < 0 ? length : quote
      while (i < stop) {
        if (field > sumIndex) {
          // Past the summed field only line feeds matter: found natively too, once per chunk
          // and line (`length` when the chunk has no more).
          if (lineFeed < i) {
            lineFeed = chunk.indexOf(eol, i)
            if (lineFeed < 0) lineFeed = length
          }
          if (lineFeed >= stop) {
            i = stop
            break
          }
          i = lineFeed
        } else if (chunk[i] === COMMA) {
          if (field === sumIndex) this.addValue(chunk, fieldStart, i, false)
          field++
          fieldStart = i + 1
          i++
          continue
        } else if (chunk[i] !== eol) {
          i++
          continue
        } else if (field === sumIndex) this.addValue(chunk, fieldStart, i, true)
        this.lineFeed(chunk, i)
        sumIndex = this.sumIndex
        field = 0
        i++
        fieldStart = i
      }
      if (quote < 0) break
      inQuote = true
      i = quote + 1
    }
    if (this.lineStart < length) {
      this.carried += length - this.lineStart
      this.carriedCr = this.eol === LF && chunk[length - 1] === CR
    }
    if (this.records === 0) this.keepHead(chunk)
    else if (field === sumIndex && fieldStart < length) {
      this.partialBytes += length - fieldStart
      if (this.partialBytes <= MAX_VALUE_BYTES)
        this.partialValue.push(Buffer.from(chunk.subarray(fieldStart)))
    }
    this.inQuote = inQuote
    this.field = field
  }

  /** A line end at `at` outside quotes: it ends a record unless the line is empty. */
  private lineFeed(chunk: Buffer, at: number) {
    const crBefore =
      this.eol === LF && (at > this.lineStart ? chunk[at - 1] === CR : this.carriedCr)
    if (this.carried + (at - this.lineStart) - (crBefore ? 1 : 0) > 0) {
      this.records++
      if (this.records === 1) this.endHeader(chunk, at)
    }
    this.lineStart = at + 1
    this.carried = 0
    this.carriedCr = false
  }

  /** The end of the input: a last line without a line feed is a record too. */
  finish() {
    if (this.inQuote) throw new UnclosedQuote(this.records + 1)
    if (this.carried - (this.carriedCr ? 1 : 0) > 0) {
      if (this.records === 0) this.endHeader(Buffer.alloc(0), 0)
      else if (this.field === this.sumIndex) this.addValue(Buffer.alloc(0), 0, 0, true)
      this.records++
    }
    this.carried = 0
  }

  /** Whatever of the file was read while no header line ended (an empty or header-only file). */
  unfinishedHead(): Buffer {
    return Buffer.concat(this.head)
  }

  /** The value in `chunk[start, end)`, after any part of it earlier chunks held. */
  private addValue(chunk: Buffer, start: number, end: number, lineEnd: boolean) {
    let value = chunk
    if (this.partialBytes > 0) {
      const tooLong = this.partialBytes + (end - start) > MAX_VALUE_BYTES
      const parts = this.partialValue
      this.partialValue = []
      this.partialBytes = 0
      if (tooLong) {
        this.sum.addNonDecimal()
        return
      }
      value = Buffer.concat([...parts, chunk.subarray(start, end)])
      start = 0
      end = value.length
    }
    if (lineEnd && this.eol === LF && end > start && value[end - 1] === CR) end--
    this.sum.add(value, start, end)
  }

  private endHeader(chunk: Buffer, end: number): number {
    this.sumIndex = this.onHeader(Buffer.concat([...this.head, chunk.subarray(0, end)]))
    this.head = []
    return this.sumIndex
  }

  private keepHead(chunk: Buffer) {
    this.head.push(chunk)
    this.headBytes += chunk.length
    if (this.headBytes > MAX_HEADER_BYTES) throw HEADER_TOO_LONG
  }
}

/** Thrown when no line ends within the first MiB: not a cost export. */
const HEADER_TOO_LONG = Symbol('header too long')

/** Thrown at the end of a file whose last quoted field never closes: the line where it opened. */
class UnclosedQuote {
  constructor(readonly line: number) {}
}

export async function scanCsv(path: string, options: CsvScanOptions): Promise<CsvScan> {
  const { display, limits } = options
  const source = createReadStream(path, { highWaterMark: CHUNK_BYTES })
  let header: string[] | undefined
  let sumIndex = -1
  const scanner = new CsvRecordScanner((bytes) => {
    header = parseHeader(bytes)
    options.onHeader?.(header)
    const wanted = options.sumColumn?.toLowerCase()
    sumIndex = header.findIndex((h) => h.toLowerCase() === wanted)
    return sumIndex
  }, options.lineEnd ?? 'lf')
  let outBytes = 0

  // Node reports an AbortError, not the sink's own error, when the sink throws: keep ours.
  let stopped: unknown
  async function consume(chunks: AsyncIterable<Buffer>) {
    try {
      for await (const chunk of chunks) {
        scanner.push(chunk)
        outBytes += chunk.length
        if (options.gzip) checkBomb(display, outBytes, source.bytesRead, limits)
        options.onProgress?.(options.totalBytes > 0 ? source.bytesRead / options.totalBytes : 1)
      }
      scanner.finish()
    } catch (e) {
      stopped = e
      throw e
    }
  }

  try {
    const signal = options.signal
    if (options.gzip) {
      await pipeline(source, createGunzip({ chunkSize: CHUNK_BYTES }), consume, { signal })
    } else await pipeline(source, consume, { signal })
  } catch (e) {
    if (stopped === HEADER_TOO_LONG) throw notACostExport(display)
    if (stopped instanceof UnclosedQuote) {
      throw new CurLensError('FILE_CORRUPT', messages.unclosedQuote(display, stopped.line), {
        file: display,
      })
    }
    throw scanError(display, stopped ?? e, options.signal)
  }
  if (!header) {
    if (outBytes === 0)
      throw new CurLensError('FILE_EMPTY', messages.fileEmpty(display), { file: display })
    header = parseHeader(scanner.unfinishedHead())
    options.onHeader?.(header)
  }
  return {
    header,
    dataRows: Math.max(0, scanner.records - 1),
    ...(sumIndex >= 0 ? { sum: scanner.sum.result() } : {}),
  }
}

function parseHeader(bytes: Buffer): string[] {
  return parseCsvStart(bytes.toString('utf8'), 1)[0] ?? []
}

/** The first `records` records of CSV text (a BOM, blank lines and a trailing CR aside). */
export function parseCsvStart(text: string, records: number): string[][] {
  const trimmed = text.replace(/^\uFEFF/, '').replace(/^[\r\n]+/, '')
  return Papa.parse<string[]>(trimmed, { preview: records, delimiter: ',', skipEmptyLines: true })
    .data
}

/** Throws FILE_TOO_LARGE once decompressed output passes the size or ratio caps. */
export function checkBomb(
  display: string,
  outBytes: number,
  inBytes: number,
  limits: SourceLimits,
) {
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

export function notACostExport(display: string) {
  return new CurLensError('NOT_A_CUR_FILE', messages.notACostExport(display), { file: display })
}

/** A read error as the user's problem: cancelled, a truncated or damaged gzip, or unreadable. */
export function scanError(display: string, e: unknown, signal?: AbortSignal): CurLensError {
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
