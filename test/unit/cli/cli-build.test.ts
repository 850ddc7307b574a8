import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cliBuildState } from '../../../scripts/cli-build.js'

const SOURCES = [
  'core/worker/engine-main.ts',
  'cli/main.ts',
  'package.json',
  'scripts/cli-build.js',
]
const OUTPUTS = ['out/cli/main.js', 'out/cli/engine-main.js']
// All in the past: a file created during a test is dated now, after all three.
const DAY = 86_400_000
const BEFORE = new Date(Date.now() - 3 * DAY)
const BUILT = new Date(Date.now() - 2 * DAY)
const AFTER = new Date(Date.now() - DAY)

let root: string

async function write(files: string[], time: Date) {
  for (const file of files) {
    await mkdir(join(root, file, '..'), { recursive: true })
    await writeFile(join(root, file), '')
    await utimes(join(root, file), time, time)
  }
}

/** Every folder dated before the build, as after a checkout followed by a build. */
async function dateFolders(time: Date) {
  for (const folder of ['core/worker', 'core', 'cli', 'scripts']) {
    await utimes(join(root, folder), time, time)
  }
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'cur-lens-cli-build-'))
  await write(SOURCES, BEFORE)
  await dateFolders(BEFORE)
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('whether the CLI build is current', () => {
  it('is missing until both bundles exist', async () => {
    expect(cliBuildState(root)).toBe('missing')
    await write(OUTPUTS.slice(0, 1), BUILT)
    expect(cliBuildState(root)).toBe('missing')
  })

  it('is fresh when nothing changed after the build started', async () => {
    await write(OUTPUTS, BUILT)
    expect(cliBuildState(root)).toBe('fresh')
  })

  it('is stale when a source was saved after the build started', async () => {
    await write(OUTPUTS, BUILT)
    await utimes(join(root, 'core/worker/engine-main.ts'), AFTER, AFTER)
    expect(cliBuildState(root)).toBe('stale')
  })

  it('is stale when npm changed the installed packages, and does without their lockfile', async () => {
    await write(OUTPUTS, BUILT)
    expect(cliBuildState(root)).toBe('fresh')
    await write(['node_modules/.package-lock.json'], BEFORE)
    expect(cliBuildState(root)).toBe('fresh')
    await utimes(join(root, 'node_modules/.package-lock.json'), AFTER, AFTER)
    expect(cliBuildState(root)).toBe('stale')
  })

  it('is stale when a source file was added or removed, whatever the files’ own dates', async () => {
    await write(OUTPUTS, BUILT)
    await write(['core/worker/new-module.ts'], BEFORE)
    expect(cliBuildState(root)).toBe('stale')

    await dateFolders(BEFORE)
    expect(cliBuildState(root)).toBe('fresh')
    await rm(join(root, 'core/worker/new-module.ts'))
    expect(cliBuildState(root)).toBe('stale')
  })
})
