import { access } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import type { BreakdownQuery } from '../../../core/api.js'
import {
  attributionCacheReady,
  breakdown as apiBreakdown,
  prepareAttribution,
} from '../../../core/rows/attributed-rows.js'
import { breakdown } from '../../../core/reports/breakdown.js'
import { currentRowSource, initCacheState } from '../../../core/rows/cache-state.js'
import { MAX_CACHED_TAG_KEYS } from '../../../core/rows/cache-build.js'
import { LIVE_SOURCE } from '../../../core/rows/dimensions.js'
import {
  ROWS,
  openAttributedHandDataset,
  openHandBuiltDataset,
  type HandDataset,
} from './hand-built-cur.js'

let ds: HandDataset | undefined

afterEach(async () => {
  await ds?.close()
  ds = undefined
})

const QUERIES: BreakdownQuery[] = [
  { dimensions: ['service'], metric: 'unblended' },
  {
    dimensions: ['tag:iamPrincipal/team'],
    metric: 'amortized',
    filters: [{ dimension: 'service', values: ['Amazon Bedrock'] }],
  },
  { dimensions: ['tag:team', 'person'], metric: 'unblended', topN: 2 },
  { dimensions: ['model', 'token-type'], metric: 'tokens' },
  { dimensions: ['usage-type'], metric: 'usage', timeGrain: 'day' },
  { dimensions: ['principal', 'account', 'region'], metric: 'ondemand', timeGrain: 'month' },
  {
    dimensions: ['provider'],
    metric: 'net',
    filters: [{ dimension: 'role', values: ['BackendDev', null], exclude: true }],
  },
  {
    dimensions: ['tag:resourceTags/user:Project'],
    metric: 'unblended',
    filters: [{ dimension: 'day', values: ['2026-06-15'] }],
  },
  { dimensions: ['line-item-type', 'operation'], metric: 'amortized', topN: 1, timeGrain: 'month' },
]

describe('the attribution cache', () => {
  it('gives results identical to the live view for every kind of query', async () => {
    ds = await openAttributedHandDataset()
    const cache = await currentRowSource(ds.engine)
    expect(cache.kind).toBe('cache')
    for (const query of QUERIES) {
      const fromCache = await breakdown(ds, query, { source: cache })
      expect(fromCache.rows.length, JSON.stringify(query)).toBeGreaterThan(0)
      expect(fromCache, JSON.stringify(query)).toEqual(
        await breakdown(ds, query, { source: LIVE_SOURCE }),
      )
    }
  })

  it('is chosen by the state recorded in the engine, not by the caller', async () => {
    ds = await openAttributedHandDataset()
    expect((await currentRowSource(ds.engine)).kind).toBe('cache')
    await initCacheState(ds.engine)
    expect((await currentRowSource(ds.engine)).kind).toBe('live')
    const result = await apiBreakdown(ds, QUERIES[1])
    expect(result.total).toBe('260.3000000000')
  })

  it('answers from the live view when a tag key has no cache column, with the same figures', async () => {
    const keys = Array.from(
      { length: MAX_CACHED_TAG_KEYS + 5 },
      (_, i) => `resourceTags/user:k${String(i).padStart(3, '0')}`,
    )
    const wide = ROWS.map((row, i) => ({
      ...row,
      tags: i === 0 ? { ...row.tags, ...Object.fromEntries(keys.map((k) => [k, 'v'])) } : row.tags,
    }))
    ds = await openAttributedHandDataset(wide)
    const cache = await currentRowSource(ds.engine)
    if (cache.kind !== 'cache') throw new Error('cache expected')
    const uncached = keys.filter((k) => cache.tagColumns[k] === null)
    expect(uncached.length).toBeGreaterThan(0)
    const query: BreakdownQuery = { dimensions: [`tag:${uncached[0]}`], metric: 'unblended' }
    const result = await apiBreakdown(ds, query)
    expect(result.rows.find((r) => r.keys[0] === 'v')?.value).toBe('3.6000000000')
    expect(result).toEqual(await breakdown(ds, query, { source: LIVE_SOURCE }))
  })

  it('records a failed build and keeps answering from the live view', async () => {
    ds = await openHandBuiltDataset()
    // A name clash makes the cache's ATTACH fail.
    await ds.engine.query(`ATTACH ':memory:' AS attribution_store`)
    await prepareAttribution(ds)
    expect(await attributionCacheReady(ds)).toBe(false)
    const [state] = await ds.engine.query<{ state: string; message: string }>(
      'SELECT state, message FROM attribution_cache_state',
    )
    expect(state.state).toBe('failed')
    expect(state.message).toMatch(/attribution_store/)
    expect((await apiBreakdown(ds, QUERIES[1])).total).toBe('260.3000000000')
  })

  it('stops the build when the dataset closes, and leaves no work directory behind', async () => {
    ds = await openHandBuiltDataset()
    await prepareAttribution(ds)
    await ds.close()
    await expect(access(ds.root)).rejects.toThrow()
    ds = undefined
  })

  it('says so when a dataset was not prepared', async () => {
    ds = await openHandBuiltDataset()
    await expect(apiBreakdown(ds, QUERIES[0])).rejects.toThrow(/prepareAttribution/)
  })

  it('builds on an empty dataset', async () => {
    ds = await openAttributedHandDataset([])
    const result = await apiBreakdown(ds, {
      dimensions: ['service', 'person'],
      metric: 'unblended',
    })
    expect(result).toEqual({
      dimensions: ['service', 'person'],
      metric: 'unblended',
      rows: [],
      total: '0.0000000000',
    })
    await expect(
      apiBreakdown(ds, { dimensions: ['tag:team'], metric: 'unblended' }),
    ).rejects.toMatchObject({
      code: 'INVALID_QUERY',
      message: 'The export has no tag team: it has no tags at all.',
    })
  })
})
