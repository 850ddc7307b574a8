import { afterEach, describe, expect, it } from 'vitest'
import { breakdown } from '../../../core/reports/breakdown.js'
import { tagKeys } from '../../../core/reports/tag-keys.js'
import {
  ROWS,
  decimal,
  openAttributedHandDataset,
  units,
  type HandRows,
} from '../rows/hand-built-cur.js'
import { readingFrom } from '../rows/open-rows.js'

let ds: HandRows | undefined

afterEach(async () => {
  await ds?.close()
  ds = undefined
})

async function open(rows = ROWS) {
  ds = await openAttributedHandDataset(rows)
  return ds
}

function covered(key: string): string {
  return decimal(
    ROWS.filter((r) => key in r.tags).reduce((s, r) => s + units(r.unblended_cost), 0n),
  )
}

describe('tag keys', () => {
  it('lists every key with its source, label, covered cost and share, grouped by source', async () => {
    const dataset = await open()
    const total = decimal(ROWS.reduce((s, r) => s + units(r.unblended_cost), 0n))
    for (const base of ['cache', 'files'] as const) {
      const result = await tagKeys(readingFrom(dataset, base))
      expect(result.totalCost).toBe(total)
      expect(result.keys.map((k) => [k.key, k.source, k.label])).toEqual([
        ['iamPrincipal/team', 'iamPrincipal', 'team'],
        ['iamPrincipal/cost-center', 'iamPrincipal', 'cost-center'],
        ['resourceTags/user:Project', 'resourceTags', 'Project'],
        ['accountTag/environment', 'accountTag', 'environment'],
        ['userAttribute/department', 'userAttribute', 'department'],
        ['costCategory/BusinessUnit', 'costCategory', 'BusinessUnit'],
      ])
      for (const key of result.keys) {
        expect(key.coveredCost, key.key).toBe(covered(key.key))
        expect(key.share).toBeCloseTo(Number(key.coveredCost) / Number(total), 12)
      }
    }
  })

  it('accepts a label for a tag dimension when one source has it', async () => {
    await open()
    const bedrock = [{ dimension: 'service' as const, values: ['Amazon Bedrock'] }]
    const byLabel = await breakdown(ds!, {
      dimensions: ['tag:team'],
      metric: 'unblended',
      filters: bedrock,
    })
    const byKey = await breakdown(ds!, {
      dimensions: ['tag:iamPrincipal/team'],
      metric: 'unblended',
      filters: bedrock,
    })
    expect(byLabel.rows).toEqual(byKey.rows)
    const project = await breakdown(ds!, {
      dimensions: ['service'],
      metric: 'unblended',
      filters: [{ dimension: 'tag:Project', values: ['apollo'] }],
    })
    expect(project.total).toBe('0.0000000000')
    expect(project.rows).toEqual([
      { keys: ['Amazon Elastic Compute Cloud'], value: '0.0000000000' },
    ])
  })

  it('refuses a label two sources share, naming both keys', async () => {
    await open([
      { ...ROWS[0], tags: { 'iamPrincipal/team': 'backend', 'resourceTags/user:team': 'web' } },
    ])
    await expect(
      breakdown(ds!, { dimensions: ['tag:team'], metric: 'unblended' }),
    ).rejects.toMatchObject({
      code: 'INVALID_QUERY',
      message: expect.stringMatching(
        /ambiguous.*tag:iamPrincipal\/team.*tag:resourceTags\/user:team/,
      ),
    })
    const exact = await breakdown(ds!, {
      dimensions: ['tag:resourceTags/user:team'],
      metric: 'unblended',
    })
    expect(exact.rows).toEqual([{ keys: ['web'], value: '3.6000000000' }])
  })

  it('prefers a key stored exactly as written over a label', async () => {
    await open([
      { ...ROWS[0], tags: { 'iamPrincipal/team': 'backend' } },
      { ...ROWS[1], tags: { team: 'legacy' } },
    ])
    const result = await breakdown(ds!, { dimensions: ['tag:team'], metric: 'unblended' })
    expect(result.rows.map((r) => r.keys[0])).toEqual(expect.arrayContaining(['legacy', null]))
  })
})
