// The private per-load work directory (converted CSV, extracted zip entries, spill files: client
// data). It is created under the system temp folder with an owner file naming this process, and
// removed when the dataset closes. An engine process that is killed (a crash, or a host that stops
// it without closing) cannot clean up, so each open first removes the work directories whose owner
// process is gone. Only directories carrying our owner file are ever touched.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isProcessRunning } from '../files/process-alive.js'

const PREFIX = 'cur-lens-'
const OWNER_FILE = '.owner'
/** mkdtemp appends six characters. */
const WORK_DIRECTORY = /^cur-lens-[A-Za-z0-9]{6}$/

export async function createWorkDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), PREFIX))
  await writeFile(join(directory, OWNER_FILE), `${process.pid}\n`)
  return directory
}

export async function removeWorkDirectory(directory: string): Promise<void> {
  await rm(directory, { recursive: true, force: true })
}

/** Removes the work directories left by engine processes that no longer run. Best effort. */
export async function sweepOrphanedWorkDirectories(): Promise<void> {
  const names = await readdir(tmpdir()).catch(() => [] as string[])
  await Promise.all(
    names
      .filter((name) => WORK_DIRECTORY.test(name))
      .map(async (name) => {
        const directory = join(tmpdir(), name)
        const owner = Number(
          (await readFile(join(directory, OWNER_FILE), 'utf8').catch(() => '')).trim(),
        )
        if (Number.isInteger(owner) && owner > 0 && !isProcessRunning(owner)) {
          await removeWorkDirectory(directory).catch(() => undefined)
        }
      }),
  )
}
