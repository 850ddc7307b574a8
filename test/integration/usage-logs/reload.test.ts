// Loading usage logs again is one step: a second load whose split fails or is cancelled leaves the
// first logs and their split answering, and two loads at once run one after the other. The real
// loader reads usage CSVs written here; the shares are worked out by hand (largest remainder).
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { CurLensError } from '../../../core/errors/curlens-error.js'
import { breakdown } from '../../../core/reports/breakdown.js'
import { openUsageLogs, type LoadLogs } from '../../../core/reports/usage-logs.js'
import { loadUsageLogs } from '../../../core/usage-logs/index.js'
import { decimal, openAttributedHandDataset, units, type HandRows } from '../rows/hand-built-cur.js'
import { CUR_ROWS, GATEWAY, largestRemainder } from './hand-built-logs.js'

let ds: HandRows
let dir: string

beforeEach(async () => {
  ds = await openAttributedHandDataset(CUR_ROWS)
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-reload-'))
})

afterEach(async () => {
  await ds.close()
  await rm(dir, { recursive: true, force: true })
})

/** A usage CSV of day-1 Sonnet input calls of the gateway: [request id, user, input tokens]. */
async function csv(name: string, calls: [string, string, number][]): Promise<string> {
  const path = join(dir, name)
  const lines = calls.map(
    ([id, user, input]) =>
      `2026-04-01 10:00:00,${id},anthropic.claude-sonnet-4-6,${input},0,${GATEWAY},${user}`,
  )
  await writeFile(
    path,
    ['time,request_id,model,input_tokens,output_tokens,principal_arn,end_user', ...lines, ''].join(
      '\n',
    ),
  )
  return path
}

const realLoad: LoadLogs = async (engine, paths, { userKey: _, ...options }) => {
  const loaded = await loadUsageLogs(engine, paths, options)
  return { sources: loaded.sources, problems: loaded.problems }
}

/** Day 1's billed Sonnet input of the gateway, 10.0000000001, by user. */
async function inputByUser() {
  const result = await breakdown(ds, {
    dimensions: ['user'],
    metric: 'unblended',
    filters: [
      { dimension: 'day', values: ['2026-04-01'] },
      { dimension: 'token-type', values: ['input'] },
      { dimension: 'principal', values: [GATEWAY] },
    ],
  })
  return new Map(result.rows.map((r) => [r.keys[0], r.value]))
}

async function loggedIds() {
  const rows = await ds.engine.query<{ id: string }>(
    'SELECT request_id AS id FROM usage_log ORDER BY id',
  )
  return rows.map((r) => r.id)
}

const [alice, bob] = largestRemainder(units('10.0000000001'), [300n, 100n])
const FIRST = new Map([
  ['alice', decimal(alice)],
  ['bob', decimal(bob)],
])

it('keeps the first logs and their split when a second load fails or is cancelled', async () => {
  const first = await csv('first.csv', [
    ['a1', 'alice', 300],
    ['b1', 'bob', 100],
  ])
  const second = await csv('second.csv', [['c1', 'carol', 500]])
  await openUsageLogs(ds, { paths: [first] }, realLoad)
  expect(await inputByUser()).toEqual(FIRST)

  // The split is cancelled once the second logs are in usage_log.
  const stop = new AbortController()
  const loadThenCancel: LoadLogs = async (...args) => {
    const loaded = await realLoad(...args)
    stop.abort()
    return loaded
  }
  await expect(
    openUsageLogs(ds, { paths: [second] }, loadThenCancel, stop.signal),
  ).rejects.toThrow()
  expect(await loggedIds()).toEqual(['a1', 'b1'])
  expect(await inputByUser()).toEqual(FIRST)

  const loadThenFail: LoadLogs = async (...args) => {
    await realLoad(...args)
    throw new CurLensError('FILE_CORRUPT', 'failed after loading')
  }
  await expect(openUsageLogs(ds, { paths: [second] }, loadThenFail)).rejects.toThrow(
    'failed after loading',
  )
  expect(await loggedIds()).toEqual(['a1', 'b1'])
  expect(await inputByUser()).toEqual(FIRST)
})

it('leaves no logs when the first load fails, and runs two loads at once one after the other', async () => {
  const first = await csv('first.csv', [
    ['a1', 'alice', 300],
    ['b1', 'bob', 100],
  ])
  const second = await csv('second.csv', [['c1', 'carol', 500]])
  const failing: LoadLogs = async (...args) => {
    await realLoad(...args)
    throw new CurLensError('FILE_CORRUPT', 'failed after loading')
  }
  await expect(openUsageLogs(ds, { paths: [first] }, failing)).rejects.toThrow()
  const [left] = await ds.engine.query<{ n: string }>(
    "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE 'usage_log%'",
  )
  expect(Number(left.n)).toBe(0)
  // Without logs, the gateway's cost stays its principal's person.
  expect(await inputByUser()).toEqual(new Map([['litellm', '10.0000000001']]))

  await Promise.all([
    openUsageLogs(ds, { paths: [first] }, realLoad),
    openUsageLogs(ds, { paths: [second] }, realLoad),
  ])
  expect(await loggedIds()).toEqual(['c1'])
  expect(await inputByUser()).toEqual(new Map([['carol', '10.0000000001']]))
})

it('tells how the load goes: each file read, then the split', async () => {
  const first = await csv('first.csv', [['a1', 'alice', 300]])
  const second = await csv('second.csv', [['b1', 'bob', 100]])
  const phases: string[] = []
  await openUsageLogs(ds, { paths: [first, second] }, realLoad, undefined, (p) =>
    phases.push(
      `${p.phase} ${p.percentage}${p.file ? ` ${p.file.endsWith('first.csv') ? 'first' : 'second'}` : ''}`,
    ),
  )
  expect(phases).toEqual(['reading 0 first', 'reading 50 second', 'indexing -1', 'splitting -1'])
})
