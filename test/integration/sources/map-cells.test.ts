// Map cells that are not JSON objects (a `product` or `cost_category` cell holding `EC2`), in a CUR
// 2.0 CSV and in a Parquet file that stores its maps as text: the file loads, each such cell reads as
// an empty map, the rows are counted per file and column among the problems, and the totals are
// still the generator's. Columns that look like tags, principals or costs and that nothing reads are
// listed too.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Dataset } from '../../../core/sources/dataset.js'
import { openDataset } from '../../../core/sources/index.js'
import { summarize } from '../../../core/sources/summary.js'
import { generateBilling, type Billing, type BillingRow } from '../../fixtures/cur-generator.js'
import {
  writeCur2CsvGz,
  writeCur2Parquet,
  type Cur2WriteOptions,
} from '../../fixtures/writers-cur2.js'
import { unblendedBy, viewUnblendedBy } from './expected-by.js'

let dir: string
let billing: Billing
let badProduct: Set<BillingRow>
let badCostCategory: Set<BillingRow>
let dataset: Dataset | undefined

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-map-cells-'))
  billing = generateBilling({ seed: 20261117, usageRowsPerMonth: 120 })
  const usage = billing.rows.filter(
    (r) => !r.truth.bedrock && r.line_item_line_item_type === 'Usage',
  )
  badProduct = new Set(usage.slice(0, 7))
  badCostCategory = new Set(usage.slice(7, 12))
})

afterEach(async () => {
  await dataset?.close()
  dataset = undefined
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const options: () => Cur2WriteOptions = () => ({
  notJsonCells: [
    { column: 'product', rows: badProduct, text: 'EC2' },
    { column: 'cost_category', rows: badCostCategory, text: 'EC2' },
  ],
})

describe.each([
  ['CSV', (b: Billing, d: string) => writeCur2CsvGz(b, d, 'bad-maps-csv', options()), false],
  [
    'Parquet with text maps',
    (b: Billing, d: string) =>
      writeCur2Parquet(b, d, 'bad-maps', { ...options(), mapsAsText: true }),
    true,
  ],
] as const)('map cells that are not JSON in a CUR 2.0 %s', (_, write, namesByProduct) => {
  it('load as empty maps, are counted per file and column, and the totals reconcile', async () => {
    dataset = await openDataset([await write(billing, dir)])
    const summary = await summarize(dataset)
    expect(summary.totals).toEqual(billing.expected.totals)
    expect(summary.reconciliation.matches).toBe(true)
    const counted = { product: 0, cost_category: 0 }
    for (const problem of dataset.info.problems) {
      expect(problem.code).toBe('MAP_NOT_JSON')
      const [, rows, column] =
        /has (\d+) rows? whose (\w+) cell holds text that is not a JSON object \(such as "EC2"\)/.exec(
          problem.message,
        )!
      expect(problem.message).toContain(problem.file)
      counted[column as keyof typeof counted] += Number(rows)
    }
    expect(counted).toEqual({ product: badProduct.size, cost_category: badCostCategory.size })
  })

  // A CSV's rows are named one by one, from their own map; a Parquet export's by product, from the
  // maps of other rows of the same product (product-names.ts).
  it('name the service of a row without its product map by the product code (CSV) or its product (Parquet)', async () => {
    dataset = await openDataset([await write(billing, join(dir, 'services'))])
    const service = (r: BillingRow) =>
      badProduct.has(r) && !namesByProduct ? r.line_item_product_code : r.truth.service
    expect(await viewUnblendedBy(dataset.engine, 'service')).toEqual(
      unblendedBy(billing.rows, service),
    )
  })

  it('keep the cost categories the tags map also carries', async () => {
    dataset = await openDataset([await write(billing, join(dir, 'tags'))])
    const key = (r: BillingRow) => r.tags['costCategory/team'] ?? null
    expect(await viewUnblendedBy(dataset.engine, "tags['costCategory/team']")).toEqual(
      unblendedBy(billing.rows, key),
    )
  })
})

describe('a column that looks like a tag, principal or cost and that nothing reads', () => {
  it('is listed, once per file, and the standard ones are not', async () => {
    const header =
      'bill_billing_period_start_date,line_item_line_item_type,line_item_unblended_cost,tags,line_item_blended_cost,resource_tags_user_team,my_cost_eur,x_principal_email,line_item_user_identifier'
    const row = '2026-07-01T00:00:00Z,Usage,1.5,{},1.5,web,1.3,a@b.c,u1'
    const path = join(dir, 'extra-columns.csv')
    await writeFile(path, `${header}\n${row}\n`)
    dataset = await openDataset([path])
    expect(dataset.info.problems).toEqual([
      {
        file: path,
        code: 'COLUMNS_NOT_READ',
        message: expect.stringContaining(
          'has 3 columns that look like tags, principals or costs but that CUR Lens does not read: resource_tags_user_team, my_cost_eur, x_principal_email.',
        ),
      },
    ])
  })
})
