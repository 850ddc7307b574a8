// Atomic file replacement: a reader (or a crash) sees either the old file or the new one, never a
// mix. Temp file in the target's folder → write → fsync → close → rename → fsync the folder
// (POSIX; Windows cannot open a folder). Never truncate-and-write, not even as a fallback.
// Our own small module rather than write-file-atomic: its current major needs Node 22, it does not
// fsync the folder, and it does not retry the EPERM/EBUSY that Windows gives while Excel holds the
// file (npm/write-file-atomic#28, #227).
import { randomBytes } from 'node:crypto'
import { open, readdir, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { CurLensError } from '../errors/curlens-error.js'

export interface AtomicWriteOptions {
  /** Injected by tests to simulate a locked file. */
  rename?: (from: string, to: string) => Promise<void>
  /** Waits between rename attempts while the target is locked; bounded on purpose. */
  retryDelaysMs?: number[]
  platform?: NodeJS.Platform
}

const DEFAULT_DELAYS_MS = [50, 100, 200, 400, 800, 1600]
const TEMP_SUFFIX = '.curlens-tmp'
// `.<target name>.<pid>.<random>.curlens-tmp`: the pid tells a live writer's file from an orphan.
const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{12}\.curlens-tmp$/

/** `data` may be a stream (e.g. a large file DuckDB wrote in the work folder), read once. */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array | AsyncIterable<Uint8Array>,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const target = await resolveTarget(path)
  const dir = dirname(target)
  const platform = options.platform ?? process.platform
  await sweepOrphanTempFiles(dir)
  const temp = join(
    dir,
    `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`,
  )
  let handle
  try {
    handle = await open(temp, 'wx', await existingMode(target))
  } catch (e) {
    throw writeFailed(dir, e, `Cannot write to the folder ${dir}`)
  }
  try {
    // writeFile loops until each chunk is written whole; a bare write() may write part of one.
    await writeFile(handle, data)
    await handle.sync()
    await handle.close()
    handle = undefined
    await renameWithRetry(temp, target, options, platform)
  } catch (e) {
    await handle?.close().catch(() => undefined)
    await unlink(temp).catch(() => undefined)
    if (e instanceof CurLensError) throw e
    throw writeFailed(target, e, `Cannot write ${target}`)
  }
  if (platform !== 'win32') await syncDirectory(dir)
}

/** Removes temp files left by writers of ours that died (a kill -9 leaves them); returns them. */
export async function sweepOrphanTempFiles(dir: string): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    const m = TEMP_NAME.exec(name)
    if (!m || isAlive(Number(m[1]))) continue
    try {
      await unlink(join(dir, name))
      removed.push(join(dir, name))
    } catch {
      // Another process may have swept it first; nothing to do.
    }
  }
  return removed
}

async function renameWithRetry(
  temp: string,
  target: string,
  options: AtomicWriteOptions,
  platform: NodeJS.Platform,
): Promise<void> {
  const move = options.rename ?? rename
  const delays = options.retryDelaysMs ?? DEFAULT_DELAYS_MS
  for (let attempt = 0; ; attempt++) {
    try {
      await move(temp, target)
      return
    } catch (e) {
      if (!isLocked(e, platform)) throw e
      if (attempt >= delays.length) {
        throw new CurLensError(
          'FILE_LOCKED',
          `${basename(target)} is open in another program. Close ${target} in Excel and try again.`,
          { file: target, cause: e },
        )
      }
      await new Promise((r) => setTimeout(r, delays[attempt]))
    }
  }
}

/** Windows refuses to replace a file another process holds open (Excel, a virus scanner). */
function isLocked(e: unknown, platform: NodeJS.Platform): boolean {
  const code = (e as NodeJS.ErrnoException)?.code
  return code === 'EPERM' || code === 'EBUSY' || (platform === 'win32' && code === 'EACCES')
}

/** Writes through a symlink to the file it points at, as editors do. */
async function resolveTarget(path: string): Promise<string> {
  const absolute = resolve(path)
  try {
    return await realpath(absolute)
  } catch {
    return absolute
  }
}

async function existingMode(target: string): Promise<number> {
  try {
    return (await stat(target)).mode & 0o777
  } catch {
    return 0o666
  }
}

// The rename is atomic once it returns, but only durable after the folder entry is flushed. Some
// file systems refuse to fsync a folder; the data itself was already synced, so that is not fatal.
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Durability of the folder entry is best effort where the platform does not support it.
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function writeFailed(file: string, e: unknown, prefix: string): CurLensError {
  const code = (e as NodeJS.ErrnoException)?.code
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
    ENOENT: 'the folder does not exist',
    ENOTDIR: 'a part of the path is not a folder',
    EDQUOT: 'the disk quota is exceeded',
  }
  const reason = (code && reasons[code]) ?? (e instanceof Error ? e.message : String(e))
  return new CurLensError('WRITE_FAILED', `${prefix}: ${reason}.`, { file, cause: e })
}
