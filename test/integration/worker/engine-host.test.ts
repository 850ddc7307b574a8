import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createEngineHost } from '../../../core/worker/engine-host.js'
import { spawnNodeWorker } from '../../../core/worker/node-worker.js'

const CRASHING_ENTRY = fileURLToPath(new URL('../../fixtures/crashing-engine.ts', import.meta.url))
const GOOD_EXPORT = fileURLToPath(new URL('../../../resources/demo', import.meta.url))

let root: string
let host: ReturnType<typeof createEngineHost>

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'cur-lens-host-'))
  host = createEngineHost({ spawn: () => spawnNodeWorker(CRASHING_ENTRY) })
})

afterEach(async () => {
  host.dispose()
  await rm(root, { recursive: true, force: true })
})

describe('the engine process', () => {
  it('turns a crash while reading a file into ENGINE_CRASHED naming the file, then loads the next file', async () => {
    const hostile = join(root, 'crash-me.parquet')
    await writeFile(hostile, 'PAR1')
    const error = await host.openSources({ paths: [hostile] }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'ENGINE_CRASHED', file: hostile })
    expect((error as Error).message).toContain(hostile)

    const opened = await host.openSources({ paths: [GOOD_EXPORT] })
    expect(opened.rows).toBeGreaterThan(0)
  })

  it('replaces an invalidated engine with a fresh process', async () => {
    const error = await host
      .openSources({ paths: [join(root, 'invalidate-me.csv')] })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'ENGINE_CRASHED' })
    const opened = await host.openSources({ paths: [GOOD_EXPORT] })
    expect(opened.rows).toBeGreaterThan(0)
  })

  it('kills an engine that ignores cancel after the deadline, and the next load works', async () => {
    host.dispose()
    host = createEngineHost({ spawn: () => spawnNodeWorker(CRASHING_ENTRY), cancelDeadlineMs: 300 })
    const opening = host.openSources({ paths: [join(root, 'hang-me.csv')], jobId: 'job-1' })
    await new Promise((resolve) => setTimeout(resolve, 300))
    const started = Date.now()
    await host.cancel('job-1')
    await expect(opening).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(Date.now() - started).toBeLessThan(1000)
    const opened = await host.openSources({ paths: [GOOD_EXPORT] })
    expect(opened.rows).toBeGreaterThan(0)
  })

  it('answers NO_DATASET before anything is opened, as a typed error across the process boundary', async () => {
    await expect(host.summary()).rejects.toMatchObject({ code: 'NO_DATASET' })
  })

  it('refuses a call whose arguments do not have the shape of its method before the engine sees it', async () => {
    const call = host.breakdown as unknown as (...args: unknown[]) => Promise<unknown>
    await expect(call('principal')).rejects.toMatchObject({
      code: 'INVALID_QUERY',
      message: expect.stringMatching(/must be an object/),
    })
    await expect(host.summary()).rejects.toMatchObject({ code: 'NO_DATASET' })
  })
})
