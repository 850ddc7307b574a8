// Every kind of query over an export with all the model and token variations of the generator at
// once (AWS's product-map spellings from 2026-07-20, two marketplace models under one product code,
// token credits and rows without a pricing unit), written as Parquet and as CSV, from the cache and
// from the live view: none may fail, and the Bedrock totals must be the generator's.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Dimension, FlatDimension } from '../../../core/api.js'
import { chargeback } from '../../../core/chargeback/index.js'
import { breakdown } from '../../../core/reports/breakdown.js'
import { lineItems } from '../../../core/reports/line-items.js'
import { modelCoverage } from '../../../core/reports/model-coverage.js'
import { tokenUnitCosts } from '../../../core/reports/token-unit-cost.js'
import type { AttributedRows } from '../../../core/rows/attributed-rows.js'
import { FLAT_DIMENSION_COLUMNS } from '../../../core/rows/dimensions.js'
import {
  generateBilling,
  writeCur2CsvGz,
  writeCur2Parquet,
  type Billing,
} from '../../fixtures/cur-generator.js'
import { openRows, readingFrom, type OpenRows } from '../rows/open-rows.js'

const BEDROCK = [{ dimension: 'service' as const, values: ['Amazon Bedrock'] }]
const DIMENSIONS: Dimension[] = [
  ...(Object.keys(FLAT_DIMENSION_COLUMNS) as FlatDimension[]),
  'tag:iamPrincipal/team',
]

/** Every query the API runs on attributed rows, with the results that must not depend on the route. */
async function everyQuery(dataset: AttributedRows) {
  const results: unknown[] = []
  for (const dimension of DIMENSIONS) {
    results.push(
      await breakdown(dataset, { dimensions: [dimension], metric: 'unblended', filters: BEDROCK }),
    )
    results.push(
      await breakdown(dataset, {
        dimensions: ['model', dimension === 'model' ? 'month' : dimension],
        metric: 'tokens',
      }),
    )
    results.push(await tokenUnitCosts(dataset, { dimensions: [dimension] }))
  }
  results.push(
    await lineItems(dataset, {
      page: 0,
      pageSize: 20,
      filters: [{ dimension: 'model', values: ['claude opus 4.7'] }],
    }),
  )
  results.push(
    await chargeback(dataset, {
      by: 'tag:iamPrincipal/team',
      basis: 'unblended',
      filters: BEDROCK,
    }),
  )
  results.push(await modelCoverage(dataset))
  return results
}

describe.each(['parquet', 'csv'])('every query over the generator variations (%s)', (format) => {
  let root: string
  let billing: Billing
  let dataset: OpenRows
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'cur-lens-variations-'))
    billing = generateBilling({
      seed: 15,
      months: ['2026-06', '2026-07', '2026-08'],
      usageRowsPerMonth: 200,
      awsModelNames: true,
      sharedMarketplaceCode: true,
      tokenEdgeRows: true,
    })
    const path = await (format === 'parquet' ? writeCur2Parquet : writeCur2CsvGz)(billing, root)
    dataset = await openRows([path])
  })
  afterAll(async () => {
    await dataset?.close()
    await rm(root, { recursive: true, force: true })
  })

  it('answers every query, the same from the cache as from the files', async () => {
    expect(await dataset.cacheReady()).toBe(true)
    const fromCache = await everyQuery(readingFrom(dataset, 'cache'))
    expect(await everyQuery(readingFrom(dataset, 'files'))).toEqual(fromCache)
  })

  it("gives the generator's Bedrock total in every split, and its tokens and models", async () => {
    const { expected } = billing
    const bedrockTotal = expected.byService['Amazon Bedrock'].unblended
    for (const dimension of DIMENSIONS) {
      const result = await breakdown(dataset, {
        dimensions: [dimension],
        metric: 'unblended',
        filters: BEDROCK,
      })
      expect(result.total, dimension).toBe(bedrockTotal)
    }
    const byModel = await breakdown(dataset, {
      dimensions: ['model'],
      metric: 'unblended',
      filters: BEDROCK,
    })
    expect(
      Object.fromEntries(byModel.rows.map((r) => [r.keys[0] ?? '(unknown)', r.value])),
    ).toEqual(expected.bedrock.byModel)
    const tokens = await tokenUnitCosts(dataset)
    expect(Object.fromEntries(tokens.map((t) => [t.keys[0], [t.tokens, t.cost]]))).toEqual(
      Object.fromEntries(
        Object.entries(expected.bedrock.tokensByModel).map(([m, n]) => [
          m,
          [String(n), expected.bedrock.tokenCostByModel[m]],
        ]),
      ),
    )
    expect(await modelCoverage(dataset)).toEqual({
      bedrockCost: bedrockTotal,
      unknownCost: '0.0000000000',
      unknownModels: [],
    })
  })
})
