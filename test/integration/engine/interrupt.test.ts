// Stopping queries: closing the engine while queries still run (opening another export, or
// quitting, closes a dataset whose summary and attribution cache are still being computed in the
// background; closing the DuckDB instance under a running query, or under one still connecting,
// crashed the whole process), and cancelling a query at any moment.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openEngine, type Engine } from '../../../core/engine/duckdb.js'
import { createApi } from '../../../core/create-api.js'

const DEMO = join(import.meta.dirname, '../../../resources/demo')
/** Runs for minutes unless interrupted. */
const ENDLESS = 'SELECT sum(a.range * b.range) AS s FROM range(100000) AS a, range(100000) AS b'

let work: string
let engine: Engine | undefined

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'cur-lens-close-'))
})

afterEach(async () => {
  await engine?.close()
  engine = undefined
  await rm(work, { recursive: true, force: true })
})

describe('closing the engine', () => {
  it('interrupts a running query and waits for it before closing, whoever else closes it', async () => {
    engine = await openEngine({ readPaths: [], readDirectories: [], workDirectory: work })
    let settled = false
    const running = engine.query(ENDLESS).finally(() => {
      settled = true
    })
    const failed = expect(running).rejects.toThrow('The engine was closed.')
    await new Promise((resolve) => setTimeout(resolve, 200))
    const first = engine.close()
    await engine.close()
    expect(settled).toBe(true)
    await first
    await failed
    await expect(engine.query('SELECT 1 AS one')).rejects.toThrow('The engine was closed.')
  })

  it('stops a query closed while DuckDB still prepares it, which drops a single interrupt', async () => {
    engine = await openEngine({ readPaths: [], readDirectories: [], workDirectory: work })
    // A bound parameter makes DuckDB prepare the statement; progress runs two SETs first.
    const preparing = engine.query(`${ENDLESS} WHERE $always`, { always: true })
    const reporting = engine.query(ENDLESS, {}, { onProgress: () => {} })
    const failed = Promise.all(
      [preparing, reporting].map((query) =>
        expect(query).rejects.toThrow('The engine was closed.'),
      ),
    )
    await new Promise((resolve) => setTimeout(resolve, 1))
    await engine.close()
    await failed
  })

  it('waits for a query that is still connecting', async () => {
    engine = await openEngine({ readPaths: [], readDirectories: [], workDirectory: work })
    const connecting = engine.query('SELECT 1 AS one')
    await engine.close()
    await expect(connecting).rejects.toThrow('The engine was closed.')
  })

  it('lets a session be closed, or replaced, right after each open', async () => {
    const api = createApi({ emit: () => {} })
    try {
      for (let i = 0; i < 5; i++) {
        await api.openSources({ paths: [DEMO] })
        await api.openSources({ paths: [DEMO] })
        await api.close()
      }
      await api.openSources({ paths: [DEMO] })
      expect((await api.summary()).reconciliation.matches).toBe(true)
    } finally {
      await api.close()
    }
  })
})

describe('cancelling a query', () => {
  it('stops it while it runs, or before it starts when cancelled while connecting', async () => {
    engine = await openEngine({ readPaths: [], readDirectories: [], workDirectory: work })
    const running = new AbortController()
    const endless = engine.query(ENDLESS, {}, { signal: running.signal })
    const cancelled = expect(endless).rejects.toMatchObject({ code: 'CANCELLED' })
    await new Promise((resolve) => setTimeout(resolve, 200))
    running.abort()
    await cancelled
    const connecting = new AbortController()
    const quick = engine.query('SELECT 1 AS one', {}, { signal: connecting.signal })
    connecting.abort()
    await expect(quick).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(await engine.query('SELECT 1 AS one')).toEqual([{ one: 1 }])
  })
})
