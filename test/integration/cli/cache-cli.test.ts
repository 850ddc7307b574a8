// `cur-lens cache` and the CLI's use of the cache, end to end: a command answers from the files and
// leaves a background build behind, after which the same command reads the cache and prints the
// same; --no-cache and the off setting keep nothing; list, clear and build say what they did.
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NO_BACKGROUND_VARIABLE } from '../../../cli/background-cache.js'
import type { CacheStatus } from '../../../core/api.js'
import { CACHE_DIR_VARIABLE } from '../../../core/cache/cache-location.js'
import { generateBilling, writeCur2Parquet } from '../../fixtures/cur-generator.js'

const execute = promisify(execFile)
const CLI = fileURLToPath(new URL('../../../bin/cur-lens.js', import.meta.url))

let dir: string
let cacheRoot: string
let exportRoot: string

/** The CLI with its own cache folder and background builds allowed, as users run it. */
function cli(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, [CACHE_DIR_VARIABLE]: cacheRoot }
  delete env[NO_BACKGROUND_VARIABLE]
  return execute(process.execPath, [CLI, ...args], { env, maxBuffer: 64 * 1024 * 1024 })
}

async function status(): Promise<CacheStatus> {
  return JSON.parse((await cli('cache', 'list', '--json')).stdout) as CacheStatus
}

/** Waits for background builds to end (each holds a lock while it runs). */
async function settled() {
  for (const started = Date.now(); Date.now() - started < 60_000;) {
    if ((await readdir(join(cacheRoot, 'locks')).catch(() => [])).length === 0) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error('A background cache build is still running after a minute.')
}

const kinds = (s: CacheStatus) => s.entries.map((e) => e.kind).sort()

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-cache-cli-'))
  cacheRoot = join(dir, 'cache')
  exportRoot = await writeCur2Parquet(generateBilling({ seed: 17_2026 }), join(dir, 'export'))
})

afterAll(async () => {
  await settled()
  await rm(dir, { recursive: true, force: true })
})

describe('cur-lens and its cache', () => {
  it('keeps nothing with --no-cache', async () => {
    await cli('report', exportRoot, '--by', 'principal', '--no-cache')
    // Time enough for a background build to have started and kept something.
    await new Promise((resolve) => setTimeout(resolve, 2000))
    await settled()
    expect((await status()).entries).toEqual([])
  })

  it('answers, builds the cache in the background, then answers the same from it', async () => {
    const cold = await cli('report', exportRoot, '--by', 'tag:iamPrincipal/team,model')
    await settled()
    await expect
      .poll(async () => kinds(await status()), { timeout: 60_000 })
      .toEqual(['attributed rows', 'totals'])
    const warm = await cli('report', exportRoot, '--by', 'tag:iamPrincipal/team,model')
    expect(warm.stdout).toBe(cold.stdout)
    expect((await cli('cache', 'build', exportRoot)).stdout).toBe(
      'Already cached: nothing to build.\n',
    )
  })

  it('lists where the cache is and what it keeps, and clears it', async () => {
    const { stdout } = await cli('cache', 'list')
    expect(stdout).toContain(`Cache folder  ${cacheRoot}\nCache         on\n`)
    expect(stdout).toMatch(/^attributed rows +[\d.]+ [kM]B {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}\//m)
    const cleared = await cli('cache', 'clear')
    expect(cleared.stdout).toMatch(new RegExp(`^Freed [\\d.]+ [kM]B from ${cacheRoot}\\.\\n$`))
    expect((await status()).entries).toEqual([])
  })

  it('builds on request, and keeps nothing while the cache is off', async () => {
    await cli('cache', 'off')
    expect((await status()).enabled).toBe(false)
    await cli('summary', exportRoot)
    await expect(cli('cache', 'build', exportRoot)).rejects.toMatchObject({
      code: 1,
      stderr: 'The cache is off: "cur-lens cache on" allows it.\n',
    })
    await settled()
    expect((await status()).entries).toEqual([])
    await cli('cache', 'on')
    const built = await cli('cache', 'build', exportRoot)
    expect(built.stdout).toMatch(/^Cached in \d+\.\d s; "cur-lens cache list" shows it\.\n$/)
    expect(kinds(await status())).toEqual(['attributed rows', 'totals'])
  })

  it('refuses unknown subcommands and paths where none belong', async () => {
    await expect(cli('cache', 'drop')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^cur-lens cache: the subcommand is one of list, clear, build/),
    })
    await expect(cli('cache', 'clear', exportRoot)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^cur-lens cache: cache clear takes no paths\./),
    })
  })
})
