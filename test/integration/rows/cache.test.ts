import { access } from 'node:fs/promises'
import { afterEach, describe, expect, it } from 'vitest'
import type { BreakdownQuery } from '../../../core/api.js'
import { breakdown } from '../../../core/reports/breakdown.js'
import { attributeRows } from '../../../core/rows/attributed-rows.js'
import {
  ROWS,
  openAttributedHandDataset,
  openHandBuiltDataset,
  type HandRows,
} from './hand-built-cur.js'

let ds: HandRows | undefined

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
  it('gives results identical to a read straight from the files for every kind of query', async () => {
    ds = await openAttributedHandDataset()
    for (const query of QUERIES) {
      const fromCache = await breakdown(ds, query, { base: 'cache' })
      expect(fromCache.rows.length, JSON.stringify(query)).toBeGreaterThan(0)
      expect(fromCache, JSON.stringify(query)).toEqual(
        await breakdown(ds, query, { base: 'files' }),
      )
    }
  })

  it('answers before it is built, from the files, with the figures it gives once built', async () => {
    const dataset = await openHandBuiltDataset()
    const rows = await attributeRows(dataset)
    ds = { ...rows, dataset, close: () => dataset.close() }
    const before = await breakdown(ds, QUERIES[1])
    expect(before.total).toBe('260.3000000000')
    expect(await ds.cacheReady()).toBe(true)
    expect(await breakdown(ds, QUERIES[1])).toEqual(before)
  })

  it('holds any number of tag keys, each read from it with the same figures', async () => {
    const keys = Array.from(
      { length: 105 },
      (_, i) => `resourceTags/user:k${String(i).padStart(3, '0')}`,
    )
    const wide = ROWS.map((row, i) => ({
      ...row,
      tags: i === 0 ? { ...row.tags, ...Object.fromEntries(keys.map((k) => [k, 'v'])) } : row.tags,
    }))
    ds = await openAttributedHandDataset(wide)
    const query: BreakdownQuery = { dimensions: [`tag:${keys[104]}`], metric: 'unblended' }
    const result = await breakdown(ds, query, { base: 'cache' })
    expect(result.rows.find((r) => r.keys[0] === 'v')?.value).toBe('3.6000000000')
    expect(result).toEqual(await breakdown(ds, query, { base: 'files' }))
  })

  it('keeps answering from the files when its build fails', async () => {
    const dataset = await openHandBuiltDataset()
    // A name clash makes the cache's ATTACH fail.
    await dataset.engine.query(`ATTACH ':memory:' AS attribution_store`)
    const rows = await attributeRows(dataset)
    ds = { ...rows, dataset, close: () => dataset.close() }
    expect(await ds.cacheReady()).toBe(false)
    expect((await breakdown(ds, QUERIES[1])).total).toBe('260.3000000000')
  })

  it('stops the build when the dataset closes, and leaves no work directory behind', async () => {
    const dataset = await openHandBuiltDataset()
    await attributeRows(dataset)
    await dataset.close()
    await expect(access(dataset.root)).rejects.toThrow()
  })

  it('builds on an empty dataset', async () => {
    ds = await openAttributedHandDataset([])
    const result = await breakdown(ds, {
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
      breakdown(ds, { dimensions: ['tag:team'], metric: 'unblended' }),
    ).rejects.toMatchObject({
      code: 'INVALID_QUERY',
      message: 'The export has no tag team: it has no tags at all.',
    })
  })
})
