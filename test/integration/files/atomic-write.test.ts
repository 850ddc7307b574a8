import { spawn, spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sweepOrphanTempFiles, writeFileAtomic } from '../../../core/files/atomic-write.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-atomic-'))
})
afterEach(async () => {
  await chmod(dir, 0o755).catch(() => undefined)
  await rm(dir, { recursive: true, force: true })
})

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code })

describe('atomic writes', () => {
  it('replaces a file and leaves no temp file behind', async () => {
    const target = join(dir, 'summary.csv')
    await writeFileAtomic(target, 'old')
    await chmod(target, 0o640)
    await writeFileAtomic(target, 'new')
    expect(await readFile(target, 'utf8')).toBe('new')
    expect((await stat(target)).mode & 0o777).toBe(0o640)
    expect(await readdir(dir)).toEqual(['summary.csv'])
  })

  it('writes a stream of chunks whole, in order, views into larger buffers included', async () => {
    const target = join(dir, 'focus.parquet')
    const whole = randomBytes(3 * 1024 * 1024 + 17)
    async function* chunks() {
      // Sizes written out here: a large chunk, a view with an offset, an empty one, the rest.
      yield whole.subarray(0, 2 * 1024 * 1024)
      yield new Uint8Array(whole.buffer, whole.byteOffset + 2 * 1024 * 1024, 1000)
      yield new Uint8Array(0)
      yield whole.subarray(2 * 1024 * 1024 + 1000)
    }
    await writeFileAtomic(target, chunks())
    const written = await readFile(target)
    expect(written.length).toBe(whole.length)
    expect(sha(written)).toBe(sha(whole))
  })

  it('retries a rename Windows refuses while Excel holds the file, then succeeds', async () => {
    const target = join(dir, 'summary.csv')
    let calls = 0
    const { rename } = await import('node:fs/promises')
    await writeFileAtomic(target, 'new', {
      retryDelaysMs: [1, 1, 1],
      rename: async (from, to) => {
        calls++
        if (calls < 3) throw errno(calls === 1 ? 'EPERM' : 'EBUSY')
        await rename(from, to)
      },
    })
    expect(calls).toBe(3)
    expect(await readFile(target, 'utf8')).toBe('new')
  })

  it('reports FILE_LOCKED after bounded retries, keeping the old file and no temp file', async () => {
    const target = join(dir, 'summary.csv')
    await writeFileAtomic(target, 'old')
    let calls = 0
    const attempt = writeFileAtomic(target, 'new', {
      retryDelaysMs: [1, 2, 4],
      platform: 'win32',
      rename: async () => {
        calls++
        throw errno('EPERM')
      },
    })
    await expect(attempt).rejects.toMatchObject({
      code: 'FILE_LOCKED',
      file: target,
      message: expect.stringContaining(`Close ${target} in Excel and try again`),
    })
    expect(calls).toBe(4)
    expect(await readFile(target, 'utf8')).toBe('old')
    expect(await readdir(dir)).toEqual(['summary.csv'])
  })

  it('reports WRITE_FAILED naming a folder that cannot be written', async () => {
    await writeFile(join(dir, 'file'), 'x')
    const notAFolder = join(dir, 'file', 'sub')
    await expect(writeFileAtomic(join(notAFolder, 'a.csv'), 'x')).rejects.toMatchObject({
      code: 'WRITE_FAILED',
      file: notAFolder,
      message: expect.stringContaining(notAFolder),
    })
  })

  it.skipIf(process.getuid?.() === 0)('reports WRITE_FAILED for a read-only folder', async () => {
    await chmod(dir, 0o555)
    await expect(writeFileAtomic(join(dir, 'a.csv'), 'x')).rejects.toMatchObject({
      code: 'WRITE_FAILED',
      file: dir,
      message: `Cannot write to the folder ${dir}: permission denied.`,
    })
  })

  it('sweeps temp files left by a dead writer, not those of a live one', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!
    const orphan = join(dir, `.summary.csv.${dead}.0123456789ab.curlens-tmp`)
    const live = join(dir, `.summary.csv.${process.pid}.0123456789ab.curlens-tmp`)
    await writeFile(orphan, 'half')
    await writeFile(live, 'in progress')
    await writeFile(join(dir, 'unrelated.tmp'), 'x')
    expect(await sweepOrphanTempFiles(dir)).toEqual([orphan])
    expect((await readdir(dir)).sort()).toEqual([
      `.summary.csv.${process.pid}.0123456789ab.curlens-tmp`,
      'unrelated.tmp',
    ])
  })

  it('leaves the old or the new bytes, never a mix, when the writer is killed at random (25 runs)', async () => {
    const child = fileURLToPath(new URL('./atomic-writer-child.ts', import.meta.url))
    const target = join(dir, 'big.csv')
    const a = randomBytes(8 * 1024 * 1024)
    const b = randomBytes(8 * 1024 * 1024)
    await writeFile(join(dir, 'a.bin'), a)
    await writeFile(join(dir, 'b.bin'), b)
    const allowed = new Set([sha(a), sha(b)])
    await writeFileAtomic(target, a)
    let killedMidWrite = 0
    for (let run = 0; run < 25; run++) {
      const proc = spawn(
        process.execPath,
        ['--import', 'tsx', child, target, join(dir, 'a.bin'), join(dir, 'b.bin')],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      )
      await new Promise<void>((resolve, reject) => {
        proc.stdout.once('data', () => resolve())
        proc.once('exit', (code) => reject(new Error(`child exited early (${code})`)))
      })
      await new Promise((r) => setTimeout(r, Math.random() * 300))
      const exited = new Promise((r) => proc.once('exit', r))
      proc.kill('SIGKILL')
      await exited
      expect(allowed.has(sha(await readFile(target)))).toBe(true)
      if ((await sweepOrphanTempFiles(dir)).length > 0) killedMidWrite++
    }
    // The kills must land inside the write window, or the test proves nothing.
    expect(killedMidWrite).toBeGreaterThan(5)
    expect((await readdir(dir)).sort()).toEqual(['a.bin', 'b.bin', 'big.csv'])
  }, 180_000)
})
