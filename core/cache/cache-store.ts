// The persistent cache on disk: one folder per entry under <root>/entries/<key>/, holding what a
// build wrote there and an `entry.json` describing it (kind, sources, size). An entry is built in
// <root>/building/ and renamed into place in one step, so a reader never sees half an entry, and
// two processes building the same entry keep one. Least recently used entries go once the total
// passes the size cap. Anything unreadable or of another format is discarded and rebuilt, never
// trusted and never a crash: the cache only ever saves time.
import { randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CacheStatus } from '../api.js'
import { isProcessRunning } from '../files/process-alive.js'

/** Bumped whenever what an entry holds changes shape; older entries are then discarded. */
export const CACHE_FORMAT = 2
export const DEFAULT_CACHE_CAP_BYTES = 5_000_000_000

const ENTRY_FILE = 'entry.json'
const USED_FILE = 'used'
const KEY = /^[0-9a-f]{16,64}$/
const BUILDING = /^([0-9a-f]{16,64})\.(\d+)\.[0-9a-f]{8}$/

export interface CacheEntry {
  key: string
  kind: string
  /** What the entry was built from, for the user: the source files' paths. */
  sources: string[]
  bytes: number
  createdMs: number
  lastUsedMs: number
  /** The entry's folder. */
  directory: string
}

interface EntryFile {
  format: number
  key: string
  kind: string
  sources: string[]
  bytes: number
  createdMs: number
}

export interface CacheStore {
  root: string
  /** The entry, marked as just used; null when absent or unreadable (then it is removed). */
  find(key: string): Promise<CacheEntry | null>
  /**
   * Builds an entry with `build(folder)` unless it exists, then evicts older entries over the cap.
   * A failed build leaves nothing behind and rethrows.
   */
  create(
    key: string,
    description: { kind: string; sources: string[] },
    build: (folder: string) => Promise<void>,
  ): Promise<CacheEntry>
  /** Removes one entry (e.g. one whose content turned out unreadable). */
  discard(key: string): Promise<void>
  list(): Promise<CacheEntry[]>
  /** Removes every entry; returns the bytes freed. Entries in use elsewhere may stay (Windows). */
  clear(): Promise<number>
}

export function openCacheStore(root: string, capBytes = DEFAULT_CACHE_CAP_BYTES): CacheStore {
  const entries = join(root, 'entries')
  const building = join(root, 'building')

  async function read(key: string): Promise<CacheEntry | null> {
    const directory = join(entries, key)
    try {
      const file = JSON.parse(await readFile(join(directory, ENTRY_FILE), 'utf8')) as EntryFile
      if (file.format !== CACHE_FORMAT || file.key !== key || !Array.isArray(file.sources)) {
        throw new Error('another format')
      }
      const used = await stat(join(directory, USED_FILE)).catch(() => null)
      return {
        key,
        kind: String(file.kind),
        sources: file.sources.map(String),
        bytes: Number(file.bytes) || 0,
        createdMs: Number(file.createdMs) || 0,
        lastUsedMs: used?.mtimeMs ?? Number(file.createdMs) ?? 0,
        directory,
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' && !(await exists(directory))) return null
      await rm(directory, { recursive: true, force: true }).catch(() => undefined)
      return null
    }
  }

  async function markUsed(entry: CacheEntry): Promise<CacheEntry> {
    const now = new Date()
    await utimes(join(entry.directory, USED_FILE), now, now).catch(() => undefined)
    return { ...entry, lastUsedMs: now.getTime() }
  }

  async function list(): Promise<CacheEntry[]> {
    const names = await readdir(entries).catch(() => [] as string[])
    const found = await Promise.all(names.filter((n) => KEY.test(n)).map(read))
    return found.filter((e): e is CacheEntry => e !== null)
  }

  async function evict(keep: string): Promise<void> {
    const all = (await list()).sort((a, b) => a.lastUsedMs - b.lastUsedMs)
    let total = all.reduce((sum, e) => sum + e.bytes, 0)
    for (const entry of all) {
      if (total <= capBytes) break
      if (entry.key === keep) continue
      const removed = await rm(entry.directory, { recursive: true, force: true }).then(
        () => true,
        () => false,
      )
      if (removed) total -= entry.bytes
    }
  }

  return {
    root,
    async find(key) {
      if (!KEY.test(key)) return null
      const entry = await read(key)
      return entry && markUsed(entry)
    },
    async create(key, description, build) {
      if (!KEY.test(key)) throw new Error(`Not a cache key: ${key}`)
      const existing = await read(key)
      if (existing) return markUsed(existing)
      await mkdir(entries, { recursive: true })
      await mkdir(building, { recursive: true })
      await sweepAbandoned(building)
      const folder = join(building, `${key}.${process.pid}.${randomBytes(4).toString('hex')}`)
      await mkdir(folder)
      try {
        await build(folder)
        const file: EntryFile = {
          format: CACHE_FORMAT,
          key,
          ...description,
          bytes: await folderBytes(folder),
          createdMs: Date.now(),
        }
        await writeFile(join(folder, USED_FILE), '')
        await writeFile(join(folder, ENTRY_FILE), `${JSON.stringify(file, null, 2)}\n`)
        // Another process may have committed the same entry meanwhile: keep theirs.
        await rename(folder, join(entries, key)).catch(async (e: NodeJS.ErrnoException) => {
          if (!(await read(key))) throw e
        })
      } finally {
        await rm(folder, { recursive: true, force: true }).catch(() => undefined)
      }
      const entry = await read(key)
      if (!entry) throw new Error(`The cache entry ${key} vanished while it was written.`)
      await evict(key)
      return entry
    },
    async discard(key) {
      if (KEY.test(key)) await rm(join(entries, key), { recursive: true, force: true })
    },
    list,
    async clear() {
      let freed = 0
      for (const entry of await list()) {
        const removed = await rm(entry.directory, { recursive: true, force: true }).then(
          () => true,
          () => false,
        )
        if (removed) freed += entry.bytes
      }
      await sweepAbandoned(building)
      return freed
    },
  }
}

/** Removes builds whose process is gone (a killed engine leaves them). */
async function sweepAbandoned(building: string): Promise<void> {
  for (const name of await readdir(building).catch(() => [] as string[])) {
    const pid = Number(BUILDING.exec(name)?.[2])
    if (pid > 0 && pid !== process.pid && !isProcessRunning(pid)) {
      await rm(join(building, name), { recursive: true, force: true }).catch(() => undefined)
    }
  }
}

async function folderBytes(folder: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size
  }
  return total
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}

/** The store as the API reports it: where it is, whether it may be used, and what it holds. */
export async function cacheStatus(store: CacheStore, enabled: boolean): Promise<CacheStatus> {
  const entries = (await store.list()).sort((a, b) => b.lastUsedMs - a.lastUsedMs)
  return {
    enabled,
    location: store.root,
    bytes: entries.reduce((sum, e) => sum + e.bytes, 0),
    entries: entries.map((e) => ({
      kind: e.kind,
      sources: e.sources,
      bytes: e.bytes,
      lastUsed: new Date(e.lastUsedMs).toISOString(),
    })),
  }
}
