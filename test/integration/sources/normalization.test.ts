// The normalization rules, row by row, on a small hand-made CUR 2.0 export written both as CSV and as
// Parquet (with real MAP columns), and on a legacy Athena Parquet file with flattened tag columns.
// Each row's description names it; the expected values are written out by hand.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openEngine } from '../../../core/engine/duckdb.js'
import type { Dataset } from '../../../core/sources/dataset.js'
import { openDataset } from '../../../core/sources/index.js'
import { sqlString } from '../../../core/sources/sql-text.js'
import { ARN, COLUMNS, csvText, DOUBLES, MAPS, ROWS } from './normalization-rows.js'

let dir: string
let dataset: Dataset | undefined
const paths = { csv: '', parquet: '', athena: '', untagged: '' }

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-normalize-'))
  paths.csv = join(dir, 'rules-00001.csv')
  paths.parquet = join(dir, 'rules-00001.snappy.parquet')
  paths.athena = join(dir, 'athena-part')
  paths.untagged = join(dir, 'older-00001.csv')
  await writeFile(paths.csv, csvText())
  await writeFile(paths.untagged, csvText(['tags']))
  const engine = await openEngine({
    readPaths: [paths.csv],
    readDirectories: [],
    workDirectory: dir,
  })
  try {
    const select = COLUMNS.map((c) => {
      const value = `nullif("${c}", '')`
      if (MAPS.has(c)) return `CAST(CAST("${c}" AS JSON) AS MAP(VARCHAR, VARCHAR)) AS "${c}"`
      if (DOUBLES.has(c)) return `CAST(${value} AS DOUBLE) AS "${c}"`
      if (c.endsWith('_date')) return `CAST(${value} AS TIMESTAMP) AS "${c}"`
      return `"${c}"`
    }).join(', ')
    await engine.query(
      `COPY (SELECT ${select} FROM read_csv($csv, all_varchar = true)) TO ${sqlString(paths.parquet)} (FORMAT parquet)`,
      { csv: paths.csv },
    )
    await engine.query(
      `COPY (SELECT TIMESTAMP '2026-07-01' AS bill_billing_period_start_date,
                    CAST(12345678901 AS BIGINT) AS line_item_usage_account_id,
                    'Usage' AS line_item_line_item_type, 'athena row' AS line_item_line_item_description,
                    2.5 AS line_item_unblended_cost, 'AmazonS3' AS line_item_product_code,
                    'Amazon Simple Storage Service' AS product_product_name,
                    'Amazon Simple Storage Service' AS product_servicename,
                    'backend' AS resource_tags_user_team, '' AS resource_tags_user_cost_center,
                    'AROAEXAMPLE' AS resource_tags_aws_created_by, 'Platform' AS cost_category_business_unit)
       TO ${sqlString(paths.athena)} (FORMAT parquet)`,
    )
  } finally {
    await engine.close()
  }
})

afterEach(async () => {
  await dataset?.close()
  dataset = undefined
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

type ViewRow = {
  description: string
  service: string
  line_item_type: string
  unblended_cost: string
  net_unblended_cost: string
  amortized_cost: string
  principal_arn: string | null
  product_provider: string | null
  product_model: string | null
  product_inference_type: string | null
  product_feature: string | null
  tags: { key: string; value: string }[]
  usage_account_id: string
  billing_period: string
}

async function viewRows(path: string): Promise<Map<string, ViewRow>> {
  dataset = await openDataset([path])
  const rows = await dataset.engine.query<ViewRow>(
    'SELECT description, * EXCLUDE (description) FROM cur',
  )
  return new Map(rows.map((r) => [r.description, r]))
}

const money = (n: string) => Number(n).toFixed(10)

describe.each(['csv', 'parquet'] as const)('the CUR 2.0 normalization (%s)', (kind) => {
  it('computes amortized cost as DOMAIN.md defines it for every line item type', async () => {
    const rows = await viewRows(paths[kind])
    for (const [description, type, unblended, , amortized] of ROWS) {
      const row = rows.get(description)!
      expect(row.line_item_type, description).toBe(type)
      expect(row.unblended_cost, description).toBe(money(unblended))
      expect(row.net_unblended_cost, description).toBe(money(unblended))
      expect(row.amortized_cost, description).toBe(money(amortized))
    }
  })

  it('names every Bedrock row Amazon Bedrock and other rows by their product', async () => {
    const rows = await viewRows(paths[kind])
    const service = (d: string) => rows.get(d)!.service
    expect(service('marketplace model')).toBe('Amazon Bedrock')
    expect(service('mantle endpoint')).toBe('Amazon Bedrock')
    expect(service('agentcore')).toBe('Amazon Bedrock')
    expect(service('tagged usage')).toBe('Amazon Elastic Compute Cloud')
    expect(service('credit')).toBe('Amazon Elastic Compute Cloud')
    expect(service('tax')).toBe('Amazon Elastic Compute Cloud')
    expect(service('support fee')).toBe('AWSSupportBusiness')
  })

  it('reads the Bedrock attributes from the product map and an empty principal as NULL', async () => {
    const rows = await viewRows(paths[kind])
    expect(rows.get('marketplace model')).toMatchObject({
      principal_arn: ARN,
      product_provider: 'Anthropic',
      product_model: 'Claude Sonnet 4.6',
      product_inference_type: 'Output tokens',
      product_feature: 'On-demand Inference',
    })
    expect(rows.get('tagged usage')!.principal_arn).toBeNull()
    expect(rows.get('tagged usage')!.product_provider).toBeNull()
  })

  it('merges tags, resource_tags and cost_category into one map, one spelling per resource tag', async () => {
    const rows = await viewRows(paths[kind])
    const tags = Object.fromEntries(rows.get('tagged usage')!.tags.map((t) => [t.key, t.value]))
    expect(tags).toEqual({
      'resourceTags/user:CostCenter': 'CC1',
      'iamPrincipal/team': 'backend',
      'resourceTags/user:project': 'apollo',
      'costCategory/team': 'platform',
    })
    expect(rows.get('credit')!.tags).toEqual([])
  })

  it('keeps account ids as text and the billing period as YYYY-MM', async () => {
    const rows = await viewRows(paths[kind])
    expect(rows.get('credit')).toMatchObject({
      usage_account_id: '000000000042',
      billing_period: '2026-07',
    })
  })
})

describe('an older CUR 2.0 export without the tags map', () => {
  it('still gathers resource tags and cost categories', async () => {
    const rows = await viewRows(paths.untagged)
    const tags = Object.fromEntries(rows.get('tagged usage')!.tags.map((t) => [t.key, t.value]))
    expect(tags).toEqual({
      'resourceTags/user:cost_center': 'CC1',
      'resourceTags/user:project': 'apollo',
      'costCategory/team': 'platform',
    })
  })
})

describe('a file picked twice', () => {
  it('is read once', async () => {
    dataset = await openDataset([paths.csv])
    const once = dataset.info.rows
    await dataset.close()
    dataset = await openDataset([paths.csv, paths.csv])
    expect(dataset.info.rows).toBe(once)
  })
})

describe('the legacy Athena normalization', () => {
  it('gathers flattened tag columns into the tags map and pads a numeric account id', async () => {
    const rows = await viewRows(paths.athena)
    expect(dataset!.info.format).toBe('cur1-parquet')
    const row = rows.get('athena row')!
    expect(Object.fromEntries(row.tags.map((t) => [t.key, t.value]))).toEqual({
      'resourceTags/user:team': 'backend',
      'resourceTags/aws:created_by': 'AROAEXAMPLE',
      'costCategory/business_unit': 'Platform',
    })
    expect(row).toMatchObject({
      usage_account_id: '012345678901',
      service: 'Amazon Simple Storage Service',
      principal_arn: null,
      unblended_cost: '2.5000000000',
    })
  })
})
