// A tag key the export does not have is refused wherever a query names one (breakdowns, tokens,
// line items), from the live view and the cache alike, naming the closest keys it has: grouping
// every row as untagged would be a silent wrong answer. Over a generated CUR 2.0 Parquet export
// whose resource tag is spelled `user:cost_center`, as in a real one that tripped this.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { currentRowSource } from '../../../core/rows/cache-state.js'
import { breakdown } from '../../../core/reports/breakdown.js'
import { LIVE_SOURCE } from '../../../core/rows/dimensions.js'
import {
  attributionCacheReady,
  lineItems,
  prepareAttribution,
  tokenUnitCosts,
} from '../../../core/rows/attributed-rows.js'
import type { Dataset } from '../../../core/sources/dataset.js'
import { openDataset } from '../../../core/sources/index.js'
import { generateBilling, writeCur2Parquet } from '../../fixtures/cur-generator.js'
import { formatUnits, toUnits } from '../../fixtures/money.js'

const ASKED = 'resourceTags/user:CostCenter'
const STORED = 'resourceTags/user:cost_center'

describe('a tag key the export does not have', () => {
  let root: string
  let dataset: Dataset
  const expected = new Map<string | null, bigint>()
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'cur-lens-unknown-tag-'))
    const billing = generateBilling({ seed: 15_09 })
    for (const row of billing.rows) {
      const value = row.truth.team ? `cc-${row.truth.team}` : null
      if (value) {
        row.tags[STORED] = value
        row.resource_tags.user_cost_center = value
      }
      expected.set(value, (expected.get(value) ?? 0n) + toUnits(row.line_item_unblended_cost))
    }
    await writeCur2Parquet(billing, root)
    dataset = await openDataset([root])
    await prepareAttribution(dataset)
    expect(await attributionCacheReady(dataset)).toBe(true)
  })
  afterAll(async () => {
    await dataset?.close()
    await rm(root, { recursive: true, force: true })
  })

  it('groups by the key as stored', async () => {
    const result = await breakdown(dataset, { dimensions: [`tag:${STORED}`], metric: 'unblended' })
    expect(Object.fromEntries(result.rows.map((r) => [r.keys[0], r.value]))).toEqual(
      Object.fromEntries([...expected].map(([k, v]) => [k, formatUnits(v)])),
    )
  })

  it('refuses it in a breakdown, from the live view and the cache, naming the closest keys', async () => {
    const cache = await currentRowSource(dataset.engine)
    expect(cache.kind).toBe('cache')
    for (const source of [LIVE_SOURCE, cache]) {
      await expect(
        breakdown(dataset, { dimensions: [`tag:${ASKED}`], metric: 'unblended' }, { source }),
        source.kind,
      ).rejects.toMatchObject({
        code: 'INVALID_QUERY',
        message: expect.stringMatching(
          // Folded, both cost-centre keys match exactly; the one under the source asked for first.
          /^The export has no tag resourceTags\/user:CostCenter\. Closest: tag:resourceTags\/user:cost_center, tag:iamPrincipal\/cost-center, tag:[^,]+\.$/,
        ),
      })
      const filters = [{ dimension: `tag:${ASKED}` as const, values: [null] }]
      await expect(
        breakdown(dataset, { dimensions: ['service'], metric: 'unblended', filters }, { source }),
        source.kind,
      ).rejects.toMatchObject({ code: 'INVALID_QUERY', message: expect.stringContaining(ASKED) })
    }
  })

  it('refuses a label no key has, and one in token unit costs and line items', async () => {
    await expect(
      breakdown(dataset, { dimensions: ['tag:CostCentre'], metric: 'unblended' }),
    ).rejects.toMatchObject({
      code: 'INVALID_QUERY',
      message: expect.stringMatching(/^The export has no tag CostCentre\. Closest: tag:\S+cost/),
    })
    await expect(
      tokenUnitCosts(dataset, { dimensions: ['model', `tag:${ASKED}`] }),
    ).rejects.toMatchObject({ code: 'INVALID_QUERY', message: expect.stringContaining(STORED) })
    await expect(
      lineItems(dataset, {
        filters: [{ dimension: `tag:${ASKED}`, values: ['cc-backend'] }],
        page: 0,
        pageSize: 10,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_QUERY', message: expect.stringContaining(STORED) })
  })
})
