// FOCUS as producers other than AWS's 1.0 export write it: no SubAccountId (the account is then the
// billing account), Azure's timestamps without seconds, the model and token type in SkuPriceDetails
// and a principal column (as the FOCUS AI drafts show), cost categories in AWS's x_CostCategories.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Dataset } from '../../../core/sources/dataset.js'
import { openDataset } from '../../../core/sources/index.js'
import { summarize } from '../../../core/sources/summary.js'
import { PAYER } from '../../fixtures/accounts-and-principals.js'
import { generateBilling, type Billing, type BillingRow } from '../../fixtures/cur-generator.js'
import { writeFocusCsv } from '../../fixtures/writers-focus.js'
import { month, principal, unblendedBy, usageDay, viewUnblendedBy } from './expected-by.js'

let dir: string
let billing: Billing
let dataset: Dataset | undefined

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-focus-shapes-'))
  billing = generateBilling({ seed: 20261119, usageRowsPerMonth: 120 })
})

afterEach(async () => {
  await dataset?.close()
  dataset = undefined
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('a FOCUS export', () => {
  it('without SubAccountId puts every row in its billing account', async () => {
    const folder = await writeFocusCsv(billing, dir, 'no-sub', { subAccount: false })
    dataset = await openDataset([folder])
    expect((await summarize(dataset)).totals).toEqual(billing.expected.totals)
    expect(await viewUnblendedBy(dataset.engine, 'usage_account_id')).toEqual(
      unblendedBy(billing.rows, () => PAYER.id),
    )
    expect(dataset.info.hasPrincipal).toBe(false)
  })

  it('with Azure’s timestamps (no seconds) puts every row in its day and month', async () => {
    const folder = await writeFocusCsv(billing, dir, 'azure-times', { timestamps: 'no-seconds' })
    dataset = await openDataset([folder])
    expect(await viewUnblendedBy(dataset.engine, 'billing_period')).toEqual(
      unblendedBy(billing.rows, month),
    )
    expect(await viewUnblendedBy(dataset.engine, "strftime(usage_start, '%Y-%m-%d')")).toEqual(
      unblendedBy(billing.rows, usageDay),
    )
  })

  it.each(['PrincipalId', 'x_IamPrincipal'])(
    'with SkuPriceDetails and a %s column gives each Bedrock row its model, token type and principal',
    async (principalColumn) => {
      const folder = await writeFocusCsv(billing, dir, `ai-${principalColumn}`, {
        skuPriceDetails: true,
        principalColumn,
      })
      dataset = await openDataset([folder])
      expect(dataset.info).toMatchObject({ hasPrincipal: true, problems: [] })
      const { engine } = dataset
      expect(await viewUnblendedBy(engine, 'principal_arn')).toEqual(
        unblendedBy(billing.rows, principal),
      )
      const tokenRows = billing.rows.filter((r) => r.truth.model && r.truth.tokenType !== 'other')
      const model = (r: BillingRow) => `${r.truth.provider}|${r.truth.model}|${r.truth.tokenType}`
      const byModel = await engine.query<{ key: string; cost: string }>(
        `SELECT product_provider || '|' || product_model || '|' || CASE product_inference_type
                  WHEN 'Input tokens' THEN 'input' WHEN 'Output tokens' THEN 'output'
                  WHEN 'Cache read input tokens' THEN 'cache-read'
                  WHEN 'Cache write input tokens' THEN 'cache-write' END AS key,
                CAST(sum(unblended_cost) AS VARCHAR) AS cost
         FROM cur WHERE product_model IS NOT NULL GROUP BY 1`,
      )
      expect(Object.fromEntries(byModel.map((r) => [r.key, r.cost]))).toEqual(
        unblendedBy(tokenRows, model),
      )
    },
  )

  it('adds AWS’s x_CostCategories to the tags, once', async () => {
    const header =
      'BilledCost,ChargeCategory,BillingPeriodStart,BillingAccountId,Tags,x_CostCategories'
    const rows = [
      '1.5,Usage,2026-07-01 00:00:00,012345678901,"{""user:Project"":""apollo""}","{""team"":""data""}"',
      '2.5,Usage,2026-07-01 00:00:00,012345678901,"{""costCategory/team"":""web""}","{""team"":""data""}"',
    ]
    const path = join(dir, 'cost-categories.csv')
    await writeFile(path, `${header}\n${rows.join('\n')}\n`)
    dataset = await openDataset([path])
    const tags = await dataset.engine.query<{ tags: { key: string; value: string }[] }>(
      'SELECT tags FROM cur ORDER BY unblended_cost',
    )
    expect(tags.map((t) => Object.fromEntries(t.tags.map((e) => [e.key, e.value])))).toEqual([
      { 'resourceTags/user:Project': 'apollo', 'costCategory/team': 'data' },
      { 'costCategory/team': 'web' },
    ])
  })
})
