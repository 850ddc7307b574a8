// No query ends in INTERNAL: every real sample and every variation the generator writes is opened
// through the API, and the main queries run over it (breakdowns by every dimension and a tag, line
// items, tag keys, token unit costs). Any failure must be a CurLensError with another code.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CurLensApi, FlatDimension } from '../../../core/api.js'
import { createApi } from '../../../core/create-api.js'
import { generateBilling, type Billing } from '../../fixtures/cur-generator.js'
import { writeCur1AthenaCsv } from '../../fixtures/writers-cur1.js'
import { writeCur2CsvGz, writeCur2Parquet } from '../../fixtures/writers-cur2.js'
import { writeFocusCsv } from '../../fixtures/writers-focus.js'
import { writeScriptExport } from '../../fixtures/writers-script.js'

const SAMPLES = '/work/shared/samples'
const DIMENSIONS: FlatDimension[] = [
  'principal',
  'person',
  'role',
  'account',
  'model',
  'provider',
  'token-type',
  'service',
  'region',
  'usage-type',
  'operation',
  'line-item-type',
  'month',
  'day',
]

let dir: string
let billing: Billing

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-no-internal-'))
  billing = generateBilling({ seed: 20261120, usageRowsPerMonth: 60 })
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const some = (b: Billing) => new Set(b.rows.filter((_, i) => i % 11 === 0))

const VARIATIONS: [string, (d: string) => Promise<string>][] = [
  ['CUR 2.0 Parquet without maps', (d) => writeCur2Parquet(billing, d, 'a', { mapColumns: false })],
  [
    'CUR 2.0 Parquet with text maps, some not JSON',
    (d) =>
      writeCur2Parquet(billing, d, 'b', {
        mapsAsText: true,
        notJsonCells: [
          { column: 'product', rows: some(billing), text: 'EC2' },
          { column: 'tags', rows: some(billing), text: 'team=web' },
        ],
      }),
  ],
  [
    'CUR 2.0 CSV with cells not JSON and mixed timestamps',
    (d) =>
      writeCur2CsvGz(billing, d, 'c', {
        timestamps: 'mixed',
        notJsonCells: [{ column: 'cost_category', rows: some(billing), text: 'EC2' }],
      }),
  ],
  [
    'a seven-column script export (Parquet, flat)',
    (d) =>
      writeScriptExport(billing, d, { container: 'parquet', withPeriod: false, layout: 'flat' }),
  ],
  [
    'a seven-column script export (CSV, period folders)',
    (d) =>
      writeScriptExport(billing, d, { container: 'csv', withPeriod: false, layout: 'periods' }),
  ],
  ['legacy CUR saved from Athena as CSV', (d) => writeCur1AthenaCsv(billing, d)],
  [
    'FOCUS with SkuPriceDetails, a principal and Azure timestamps',
    (d) =>
      writeFocusCsv(billing, d, 'f', {
        skuPriceDetails: true,
        principalColumn: 'PrincipalId',
        timestamps: 'no-seconds',
        subAccount: false,
      }),
  ],
]

const SAMPLE_PATHS = [
  'ola-raji-cur2-csv',
  'focus-converters-aws-cur1-csv',
  'focus-sample-data-1.0',
  'keboola-mock-cur/cur_2_0',
  'keboola-mock-cur/cur_1_0',
  'saas-workshop-lab7-cur1-parquet',
].map((p) => [p, () => Promise.resolve(join(SAMPLES, p))] as const)

/** Runs the main queries; returns the codes of any that failed. */
async function mainQueries(api: CurLensApi): Promise<string[]> {
  const failures: string[] = []
  const attempt = async (name: string, run: () => Promise<unknown>) => {
    await run().catch((e: { code?: string; message?: string }) => {
      failures.push(`${name}: ${e.code} ${e.message}`)
    })
  }
  await attempt('summary', () => api.summary())
  const keys = await api.tagKeys()
  const dimensions = [...DIMENSIONS, ...keys.keys.slice(0, 2).map((k) => `tag:${k.key}` as const)]
  for (const dimension of dimensions) {
    await attempt(dimension, () => api.breakdown({ dimensions: [dimension], metric: 'unblended' }))
  }
  await attempt('tokens', () => api.breakdown({ dimensions: ['model'], metric: 'tokens' }))
  await attempt('line items', () => api.lineItems({ page: 0, pageSize: 50 }))
  await attempt('token unit costs', () =>
    api.tokenUnitCosts({ dimensions: ['model', 'token-type'] }),
  )
  return failures
}

describe.each([...VARIATIONS, ...SAMPLE_PATHS])('the main queries over %s', (_, write) => {
  it('all answer', async () => {
    const path = await write(join(dir, String(Math.random()).slice(2)))
    const api = createApi({ emit: () => {} })
    try {
      await api.openSources({ paths: [path] })
      expect(await mainQueries(api)).toEqual([])
    } finally {
      await api.close()
    }
  })
})
