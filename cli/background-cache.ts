// After a command has answered from the files, the export's attributed rows are cached by a
// separate process (`cur-lens cache build --background`), detached and at low priority, so this
// one exits at once and the next command on the same export reads the cache. At most one such
// build runs per export (a lock in the cache folder); --no-cache, the cache setting or
// CUR_LENS_NO_BACKGROUND_CACHE (for machines that must not leave processes behind) prevent it.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { constants, setPriority } from 'node:os'
import { join } from 'node:path'
import { isProcessRunning } from '../core/files/process-alive.js'

export const NO_BACKGROUND_VARIABLE = 'CUR_LENS_NO_BACKGROUND_CACHE'

export function buildCacheInBackground(paths: string[]): void {
  if (process.env[NO_BACKGROUND_VARIABLE]) return
  const child = spawn(
    process.execPath,
    [process.argv[1], 'cache', 'build', '--background', ...paths],
    { detached: true, stdio: 'ignore', windowsHide: true },
  )
  child.on('error', () => undefined)
  try {
    if (child.pid) setPriority(child.pid, constants.priority.PRIORITY_LOW)
  } catch {
    // Not allowed here: it still yields to reads within its own engine.
  }
  child.unref()
}

/**
 * Runs `build` unless another live process holds the lock of these paths; false when one does.
 * The lock is a file naming its process, so one left by a killed build is taken over.
 */
export async function withBuildLock(
  cacheRoot: string,
  paths: string[],
  build: () => Promise<void>,
): Promise<boolean> {
  const folder = join(cacheRoot, 'locks')
  await mkdir(folder, { recursive: true })
  const name = createHash('sha256')
    .update([...paths].sort().join('\n'))
    .digest('hex')
    .slice(0, 32)
  const lock = join(folder, `${name}.lock`)
  // Written aside and linked into place, so the lock never exists without its owner's pid.
  const mine = `${lock}.${process.pid}`
  await writeFile(mine, String(process.pid))
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await link(mine, lock)
        break
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw e
        const holder = Number(await readFile(lock, 'utf8').catch(() => ''))
        if (holder > 0 && isProcessRunning(holder)) return false
        await rm(lock, { force: true })
      }
    }
  } finally {
    await rm(mine, { force: true })
  }
  try {
    await build()
    return true
  } finally {
    await rm(lock, { force: true })
  }
}
