// Extracts the CSV entries of a .zip export into the private work directory, under names we make up
// (entry names never become paths). yauzl reads lazily and checks each entry's real size against its
// header; entry names with "..", an absolute path or a backslash reject the whole archive
// (UNSAFE_ARCHIVE), and so does an encrypted entry of any name (we cannot read it, nor tell what it
// holds); entry-count, size and ratio caps stop zip bombs (yauzl leaves those to us).
import { createWriteStream } from 'node:fs'
import { join } from 'node:path'
import { Transform, type TransformCallback } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import yauzl from 'yauzl'
import { CurLensError } from '../errors/curlens-error.js'
import type { SourceLimits } from './limits.js'
import { messages } from './messages.js'

export interface ExtractedEntry {
  /** The entry's name inside the archive, for messages only. */
  name: string
  /** Where it was written, inside the work directory. */
  path: string
  bytes: number
}

const UNSAFE_NAME = /(^|\/)\.\.(\/|$)|^\/|^[a-zA-Z]:|\\/
const YAUZL_NAME_ERROR = /^(absolute path|invalid relative path|invalid characters in fileName)/
const YAUZL_ENCRYPTION_ERROR = /^strong encryption is not supported/

export async function extractCsvEntries(
  zipPath: string,
  targetDir: string,
  limits: SourceLimits,
  signal?: AbortSignal,
): Promise<ExtractedEntry[]> {
  const zip = await yauzl
    .openPromise(zipPath, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true })
    .catch((e: Error) => {
      throw zipError(zipPath, e)
    })
  const extracted: ExtractedEntry[] = []
  let total = 0
  try {
    if (zip.entryCount > limits.maxZipEntries) {
      throw tooLarge(zipPath, messages.zipTooManyEntries(zipPath, limits.maxZipEntries))
    }
    for await (const entry of zip.eachEntry()) {
      if (signal?.aborted) throw new CurLensError('CANCELLED', messages.cancelled())
      const name = entry.fileName
      if (UNSAFE_NAME.test(name)) {
        throw new CurLensError('UNSAFE_ARCHIVE', messages.unsafeArchive(zipPath, name), {
          file: zipPath,
        })
      }
      if (entry.isEncrypted()) {
        throw new CurLensError('UNSAFE_ARCHIVE', messages.zipEncrypted(zipPath, name), {
          file: zipPath,
        })
      }
      if (name.endsWith('/') || !name.toLowerCase().endsWith('.csv')) continue
      if (entry.uncompressedSize > limits.maxDecompressedBytes) {
        throw tooLarge(zipPath, messages.decompressedTooLarge(zipPath, limits.maxDecompressedBytes))
      }
      const path = join(targetDir, `entry-${String(extracted.length + 1).padStart(5, '0')}.csv`)
      const cap = new ByteCap(zipPath, entry.compressedSize, limits, total)
      const stream = await zip.openReadStreamPromise(entry)
      await pipeline(stream, cap, createWriteStream(path, { flags: 'wx' }), { signal })
      total += cap.bytes
      extracted.push({ name, path, bytes: cap.bytes })
    }
  } catch (e) {
    throw zipError(zipPath, e, signal)
  } finally {
    zip.close()
  }
  return extracted
}

/** Passes bytes through while enforcing the per-entry, per-archive and ratio caps. */
class ByteCap extends Transform {
  bytes = 0

  constructor(
    private readonly zipPath: string,
    private readonly compressedSize: number,
    private readonly limits: SourceLimits,
    private readonly before: number,
  ) {
    super()
  }

  _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    this.bytes += chunk.length
    const { limits } = this
    if (this.bytes > limits.maxDecompressedBytes) {
      return done(
        tooLarge(
          this.zipPath,
          messages.decompressedTooLarge(this.zipPath, limits.maxDecompressedBytes),
        ),
      )
    }
    if (this.before + this.bytes > limits.maxZipTotalBytes) {
      return done(
        tooLarge(
          this.zipPath,
          messages.decompressedTooLarge(this.zipPath, limits.maxZipTotalBytes),
        ),
      )
    }
    if (
      this.bytes >= limits.ratioCheckAfterBytes &&
      this.bytes > Math.max(1, this.compressedSize) * limits.maxCompressionRatio
    ) {
      return done(
        tooLarge(this.zipPath, messages.ratioTooHigh(this.zipPath, limits.maxCompressionRatio)),
      )
    }
    done(null, chunk)
  }
}

function tooLarge(zipPath: string, message: string) {
  return new CurLensError('FILE_TOO_LARGE', message, { file: zipPath })
}

function zipError(zipPath: string, e: unknown, signal?: AbortSignal): CurLensError {
  if (signal?.aborted) return new CurLensError('CANCELLED', messages.cancelled(), { cause: e })
  if (e instanceof CurLensError) return e
  const message = e instanceof Error ? e.message : String(e)
  if (YAUZL_ENCRYPTION_ERROR.test(message)) {
    return new CurLensError('UNSAFE_ARCHIVE', messages.zipEncrypted(zipPath, 'an entry'), {
      file: zipPath,
      cause: e,
    })
  }
  if (YAUZL_NAME_ERROR.test(message)) {
    return new CurLensError('UNSAFE_ARCHIVE', messages.unsafeArchive(zipPath, message), {
      file: zipPath,
      cause: e,
    })
  }
  return new CurLensError('FILE_CORRUPT', messages.zipCorrupt(zipPath, message), {
    file: zipPath,
    cause: e,
  })
}
