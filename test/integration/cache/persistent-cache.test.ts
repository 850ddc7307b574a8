// The persistent cache, through the API as every front end uses it: an unchanged export reopens
// warm (what the open and the attribution built is kept), a CSV is converted once, a changed file
// is a new entry, an unreadable entry is rebuilt, and nothing is kept when the user says so.
import { appendFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BreakdownQuery, ProgressEvent } from '../../../core/api.js'
import { createApi } from '../../../core/create-api.js'
import { generateBilling, writeCur2CsvGz, writeCur2Parquet } from '../../fixtures/cur-generator.js'

let dir: string
let cacheRoot: string
const apis: ReturnType<typeof createApi>[] = []

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-persistent-'))
  cacheRoot = join(dir, 'cache')
})
afterEach(async () => {
  for (const api of apis.splice(0)) await api.close()
  await rm(dir, { recursive: true, force: true })
})

function engine(events: ProgressEvent[] = []) {
  const api = createApi({
    emit: (event, payload) => {
      if (event === 'onDidProgress') events.push(payload as ProgressEvent)
    },
    cacheRoot,
  })
  apis.push(api)
  return api
}

const BY_TEAM_AND_MODEL: BreakdownQuery = {
  dimensions: ['tag:iamPrincipal/team', 'model'],
  metric: 'amortized',
}

const BY_PERSON: BreakdownQuery = { dimensions: ['person', 'role'], metric: 'unblended' }

/** Opens, waits for the attribution cache to be kept, and answers the summary and a breakdown. */
async function openAndAnswer(paths: string[], cache?: boolean) {
  const events: ProgressEvent[] = []
  const api = engine(events)
  await api.openSources({ paths, ...(cache === undefined ? {} : { cache }) })
  const answers = {
    summary: await api.summary(),
    breakdown: await api.breakdown(BY_TEAM_AND_MODEL),
    byPerson: await api.breakdown(BY_PERSON),
  }
  expect(await api.rowsCache(true)).toBe(cache === false ? 'temporary' : 'kept')
  return { api, answers, events }
}

const kinds = (status: { entries: { kind: string }[] }) => status.entries.map((e) => e.kind)

describe('the persistent cache', () => {
  it('reopens an unchanged Parquet export from what it kept, with the same figures', async () => {
    const root = await writeCur2Parquet(generateBilling({ seed: 71 }), join(dir, 'export'))
    const first = await openAndAnswer([root])
    const status = await first.api.cacheStatus()
    expect(status.location).toBe(cacheRoot)
    expect(kinds(status).sort()).toEqual(['attributed rows', 'totals'])
    expect(status.bytes).toBeGreaterThan(0)
    // The build was told as it went, under the open's job, to its end.
    const caching = first.events.filter((e) => e.phase === 'caching').map((e) => e.percentage)
    expect(caching[0]).toBe(0)
    expect(caching.at(-1)).toBe(100)
    expect(caching).toEqual([...caching].sort((a, b) => a - b))
    const again = engine()
    await again.openSources({ paths: [root] })
    expect(await again.rowsCache(false)).toBe('kept')
    expect(await again.summary()).toEqual(first.answers.summary)
    expect(await again.breakdown(BY_TEAM_AND_MODEL)).toEqual(first.answers.breakdown)
    // The principals are mapped as reads need them, and completed in the background.
    expect(await again.breakdown(BY_PERSON)).toEqual(first.answers.byPerson)
    expect(await again.tagKeys()).toEqual(await first.api.tagKeys())
    expect(kinds(await again.cacheStatus()).sort()).toEqual(['attributed rows', 'totals'])
  })

  it('converts a CSV export once: the next open reads the kept conversion', async () => {
    const root = await writeCur2CsvGz(generateBilling({ seed: 72 }), join(dir, 'export'))
    const first = await openAndAnswer([root])
    expect(first.events.some((e) => e.phase === 'converting')).toBe(true)
    expect(kinds(await first.api.cacheStatus())).toContain('converted CSV')
    const again = engine()
    await again.openSources({ paths: [root] })
    // Nothing converted into this open's private work folder: the kept Parquet is read instead.
    const [[work]] = (await again.runSql({ sql: "SELECT current_setting('temp_directory')" })).rows
    expect(await readdir(join(String(work), 'converted'))).toEqual([])
    expect(await again.summary()).toEqual(first.answers.summary)
    expect(await again.breakdown(BY_TEAM_AND_MODEL)).toEqual(first.answers.breakdown)
  })

  it('keeps a new entry when a file changes, and answers for the file as it now is', async () => {
    const billing = generateBilling({ seed: 73, months: ['2026-07'] })
    const root = await writeCur2Parquet(billing, join(dir, 'export'))
    await openAndAnswer([root])
    const before = (await engine().cacheStatus()).entries.length
    const other = await writeCur2Parquet(
      generateBilling({ seed: 74, months: ['2026-07'] }),
      join(dir, 'other'),
    )
    // The same path now holds other bytes: the files of another bill.
    const data = join(root, 'data', 'BILLING_PERIOD=2026-07')
    const otherData = join(other, 'data', 'BILLING_PERIOD=2026-07')
    for (const name of await readdir(data)) await rm(join(data, name))
    for (const name of await readdir(otherData)) {
      const { copyFile } = await import('node:fs/promises')
      await copyFile(join(otherData, name), join(data, name))
    }
    const changed = await openAndAnswer([root])
    const fresh = await openAndAnswer([other])
    expect(changed.answers.summary.totals).toEqual(fresh.answers.summary.totals)
    expect((await engine().cacheStatus()).entries.length).toBeGreaterThan(before)
  })

  it('discards an unreadable entry and rebuilds it, never trusting it', async () => {
    const root = await writeCur2Parquet(generateBilling({ seed: 75 }), join(dir, 'export'))
    const first = await openAndAnswer([root])
    for (const entry of await readdir(join(cacheRoot, 'entries'), { recursive: true })) {
      if (entry.endsWith('.duckdb'))
        await writeFile(join(cacheRoot, 'entries', entry), 'not a database')
    }
    const again = await openAndAnswer([root])
    expect(again.answers).toEqual(first.answers)
  })

  it('keeps nothing when the open says so, or when the user turned the cache off', async () => {
    const root = await writeCur2Parquet(generateBilling({ seed: 76 }), join(dir, 'export'))
    const once = engine()
    await once.openSources({ paths: [root], cache: false })
    await once.summary()
    await once.breakdown(BY_TEAM_AND_MODEL)
    expect(await once.rowsCache(true)).toBe('temporary')
    expect((await once.cacheStatus()).entries).toEqual([])
    await once.setCacheEnabled(false)
    const off = engine()
    await off.openSources({ paths: [root] })
    await off.summary()
    await off.breakdown(BY_TEAM_AND_MODEL)
    expect(await off.cacheStatus()).toMatchObject({ enabled: false, entries: [] })
    await off.setCacheEnabled(true)
    expect((await off.cacheStatus()).enabled).toBe(true)
    await appendFile(join(cacheRoot, 'settings.json'), '')
  })

  it('clears every entry on request', async () => {
    const root = await writeCur2Parquet(generateBilling({ seed: 77 }), join(dir, 'export'))
    const { api } = await openAndAnswer([root])
    expect(await api.clearCache()).toBeGreaterThan(0)
    expect((await api.cacheStatus()).entries).toEqual([])
  })
})
