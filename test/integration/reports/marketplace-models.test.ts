// Two marketplace models billed under one product code, each named only in its rows' product name.
// The same generated rows written as CUR 2.0 Parquet and as CUR 2.0 CSV must split by model
// identically, and as the generator billed them: the answer may not depend on the file format.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BreakdownQuery } from '../../../core/api.js'
import { breakdown } from '../../../core/reports/breakdown.js'
import { openRows, type OpenRows } from '../rows/open-rows.js'
import {
  generateBilling,
  writeCur2CsvGz,
  writeCur2Parquet,
  type Billing,
} from '../../fixtures/cur-generator.js'

const BY_MODEL: BreakdownQuery = {
  dimensions: ['model'],
  metric: 'unblended',
  filters: [{ dimension: 'service', values: ['Amazon Bedrock'] }],
}

const keyed = (rows: { keys: (string | null)[]; value: string }[]) =>
  Object.fromEntries(rows.map((r) => [r.keys.join(' | '), r.value]))

describe('several marketplace models under one product code', () => {
  let root: string
  let billing: Billing
  const datasets: OpenRows[] = []
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'cur-lens-marketplace-'))
    billing = generateBilling({ seed: 2_15, sharedMarketplaceCode: true })
    const parquet = await writeCur2Parquet(billing, join(root, 'parquet'))
    const csv = await writeCur2CsvGz(billing, join(root, 'csv'))
    for (const path of [parquet, csv]) {
      const dataset = await openRows([path])
      datasets.push(dataset)
      expect(await dataset.cacheReady()).toBe(true)
    }
  })
  afterAll(async () => {
    for (const dataset of datasets) await dataset.close()
    await rm(root, { recursive: true, force: true })
  })

  it('splits Parquet and CSV by model identically, as the generator billed them', async () => {
    const [parquet, csv] = await Promise.all(datasets.map((d) => breakdown(d, BY_MODEL)))
    expect(parquet).toEqual(csv)
    const expected = Object.fromEntries(
      Object.entries(billing.expected.bedrock.byModel).map(([m, v]) => [
        m === '(unknown)' ? '' : m,
        v,
      ]),
    )
    expect(keyed(parquet.rows)).toEqual(expected)
  })

  it('gives the same split by model and token type in tokens, from the files and the cache', async () => {
    const query: BreakdownQuery = { dimensions: ['model', 'token-type'], metric: 'tokens' }
    const results = []
    for (const dataset of datasets) {
      results.push(await breakdown(dataset, query, { base: 'cache' }))
      results.push(await breakdown(dataset, query, { base: 'files' }))
    }
    for (const result of results.slice(1)) expect(result).toEqual(results[0])
    const opus = results[0].rows.filter((r) => r.keys[0] === 'Claude Opus 4.7')
    expect(opus.length).toBeGreaterThan(0)
  })
})
