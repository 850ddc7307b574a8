// Hostile and damaged files, made in the test: a minimal zip writer (stored names as given, so an
// entry can be called "../x.csv"), gzip and zip decompression bombs built by streaming zeros, and
// truncated copies of real files.
import { createWriteStream } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'
import { Readable } from 'node:stream'
import { createDeflateRaw, createGzip, crc32 } from 'node:zlib'

export interface ZipEntryData {
  name: string
  /** Raw DEFLATE data, its CRC-32 and uncompressed size. */
  deflated: Buffer
  crc: number
  size: number
}

const MB = 1024 * 1024

/** Deflates `header` followed by `zeroBytes` zeros, streaming (no big buffer in memory). */
export async function deflateEntry(
  name: string,
  header: string,
  zeroBytes = 0,
): Promise<ZipEntryData> {
  const chunks: Buffer[] = []
  let crc = 0
  let size = 0
  async function* source() {
    const head = Buffer.from(header)
    crc = crc32(head, crc)
    size += head.length
    yield head
    const zeros = Buffer.alloc(MB)
    for (let left = zeroBytes; left > 0; left -= MB) {
      const chunk = left >= MB ? zeros : zeros.subarray(0, left)
      crc = crc32(chunk, crc)
      size += chunk.length
      yield chunk
    }
  }
  await pipeline(
    Readable.from(source()),
    createDeflateRaw(),
    async (deflated: AsyncIterable<Buffer>) => {
      for await (const chunk of deflated) chunks.push(chunk)
    },
  )
  return { name, deflated: Buffer.concat(chunks), crc: crc >>> 0, size }
}

/**
 * A zip archive of already deflated entries (no data descriptors, no zip64); `encrypted` sets the
 * "encrypted" flag (general-purpose bit 0) on every entry, without encrypting anything.
 */
export function zipArchive(entries: ZipEntryData[], encrypted = false): Buffer {
  const flags = 0x0800 | (encrypted ? 1 : 0)
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(flags, 6)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(e.crc, 14)
    local.writeUInt32LE(e.deflated.length, 18)
    local.writeUInt32LE(e.size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(flags, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(e.crc, 16)
    central.writeUInt32LE(e.deflated.length, 20)
    central.writeUInt32LE(e.size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, e.deflated)
    centrals.push(central, name)
    offset += local.length + name.length + e.deflated.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** A .csv.gz of `header` followed by `zeroBytes` zeros, written by streaming. */
export async function writeGzipBomb(
  path: string,
  header: string,
  zeroBytes: number,
): Promise<void> {
  async function* source() {
    yield Buffer.from(header)
    const zeros = Buffer.alloc(MB)
    for (let left = zeroBytes; left > 0; left -= MB)
      yield left >= MB ? zeros : zeros.subarray(0, left)
  }
  await pipeline(Readable.from(source()), createGzip(), createWriteStream(path))
}

/** A copy of `from` cut to `fraction` of its length. */
export async function writeTruncated(from: string, to: string, fraction: number): Promise<void> {
  const bytes = await readFile(from)
  await writeFile(to, bytes.subarray(0, Math.floor(bytes.length * fraction)))
}
