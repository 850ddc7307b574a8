// Tags read through `cur_tag_sets` (one merge per distinct combination of raw tag columns) are the
// tags the `cur` view merges on every row, in every format, including a `cur` built by hand.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateBilling, WRITERS } from '../../fixtures/cur-generator.js'
import { openAttributedHandDataset } from './hand-built-cur.js'
import { openRows, type OpenRows } from './open-rows.js'

/** Cost by tag key and value, and the rows with no tag. */
const BY_TAG = (relation: string, cost: string) => `
SELECT coalesce(e.key || '=' || e.value, '(none)') AS tag,
       CAST(sum(${cost}) AS VARCHAR) AS total
FROM (SELECT unnest(map_entries(tags)) AS e, ${cost} FROM ${relation}
      UNION ALL
      SELECT NULL, ${cost} FROM ${relation} WHERE cardinality(tags) = 0)
GROUP BY ALL
ORDER BY tag`

let root: string
const datasets = new Map<string, OpenRows>()
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cur-lens-tag-sets-'))
  const billing = generateBilling({ seed: 424242 })
  for (const [format, write] of Object.entries(WRITERS)) {
    const dataset = await openRows([await write(billing, join(root, format))])
    await dataset.complete()
    datasets.set(format, dataset)
  }
})
afterAll(async () => {
  for (const dataset of datasets.values()) await dataset.close()
  await rm(root, { recursive: true, force: true })
})

describe.each(Object.keys(WRITERS))('tag sets of %s', (format) => {
  it('hold each combination of raw tag columns once', async () => {
    const { engine } = datasets.get(format)!
    const [counts] = await engine.query<{ sets: string; distinct_sets: string }>(
      `SELECT (SELECT CAST(count(*) AS VARCHAR) FROM cur_tag_sets) AS sets,
              (SELECT CAST(count(DISTINCT tag_set) AS VARCHAR) FROM cur) AS distinct_sets`,
    )
    expect(Number(counts.sets)).toBeGreaterThan(1)
    expect(counts.sets).toBe(counts.distinct_sets)
  })

  it('give every row the tags the view merges row by row', async () => {
    const { engine } = datasets.get(format)!
    const [perRow, bySet, attributed] = await Promise.all([
      engine.query(BY_TAG('cur', 'unblended_cost')),
      engine.query(BY_TAG('attribution_rows', 'unblended')),
      engine.query(BY_TAG('cur_attributed', 'unblended_cost')),
    ])
    expect(bySet).toEqual(perRow)
    expect(attributed).toEqual(perRow)
  })
})

describe('a cur built by hand', () => {
  it('reads its tags through the same tag sets', async () => {
    const dataset = await openAttributedHandDataset()
    try {
      expect(await dataset.engine.query(BY_TAG('attribution_rows', 'unblended'))).toEqual(
        await dataset.engine.query(BY_TAG('cur', 'unblended_cost')),
      )
    } finally {
      await dataset.close()
    }
  })
})
