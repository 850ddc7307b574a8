// The identity of a source file as the cache keys it: its resolved path, size and modification
// time, and a fingerprint of its bytes (the first MiB and the last 64 KiB: a Parquet file's footer
// holds its metadata, a CSV's head its header and first rows). A file rewritten in place with the
// same size and time still changes its fingerprint unless the bytes at both ends are the same.
import { createHash } from 'node:crypto'
import { open, realpath, stat } from 'node:fs/promises'

export interface FileIdentity {
  path: string
  bytes: number
  modifiedMs: number
  fingerprint: string
}

const HEAD_BYTES = 1024 * 1024
const TAIL_BYTES = 64 * 1024

export async function fileIdentity(path: string): Promise<FileIdentity> {
  const resolved = await realpath(path)
  const info = await stat(resolved)
  const hash = createHash('sha256')
  const handle = await open(resolved, 'r')
  try {
    const head = Buffer.alloc(Math.min(HEAD_BYTES, info.size))
    await handle.read(head, 0, head.length, 0)
    hash.update(head)
    const tailStart = Math.max(head.length, info.size - TAIL_BYTES)
    const tail = Buffer.alloc(info.size - tailStart)
    await handle.read(tail, 0, tail.length, tailStart)
    hash.update(tail)
  } finally {
    await handle.close()
  }
  return {
    path: resolved,
    bytes: info.size,
    modifiedMs: Math.trunc(info.mtimeMs),
    fingerprint: hash.digest('hex'),
  }
}

/** One key for a set of files and what else decides the cached content (a format version). */
export function identityKey(files: readonly FileIdentity[], salt: string): string {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  return createHash('sha256')
    .update(JSON.stringify({ salt, files: sorted }))
    .digest('hex')
    .slice(0, 32)
}
