import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Filter } from '../../../core/api.js'
import { breakdown } from '../../../core/reports/breakdown.js'
import { lineItems } from '../../../core/reports/line-items.js'
import {
  ARN,
  ROWS,
  decimal,
  openAttributedHandDataset,
  units,
  type HandRows,
} from '../rows/hand-built-cur.js'

let ds: HandRows

beforeEach(async () => {
  ds = await openAttributedHandDataset()
})

afterEach(async () => {
  await ds.close()
})

describe('line items', () => {
  it('pages through the rows behind a group, which add up to the group', async () => {
    const filters: Filter[] = [
      { dimension: 'service', values: ['Amazon Bedrock'] },
      { dimension: 'tag:team', values: ['backend'] },
    ]
    const group = await breakdown(ds, { dimensions: ['service'], metric: 'unblended', filters })
    const first = await lineItems(ds, { filters, page: 0, pageSize: 4 })
    const expectedRows = ROWS.filter(
      (r) => r.service === 'Amazon Bedrock' && r.tags['iamPrincipal/team'] === 'backend',
    ).length
    expect(first.totalRows).toBe(expectedRows)
    expect(first.rows).toHaveLength(4)
    const all = []
    for (let page = 0; page * 4 < first.totalRows; page++) {
      all.push(...(await lineItems(ds, { filters, page, pageSize: 4 })).rows)
    }
    expect(all).toHaveLength(expectedRows)
    expect(decimal(all.reduce((s, r) => s + units(String(r.unblended_cost)), 0n))).toBe(group.total)
    expect(all.map((r) => Number(r.unblended_cost))).toEqual(
      [...all.map((r) => Number(r.unblended_cost))].sort((a, b) => b - a),
    )
  })

  it('shows the columns a user needs to check a line against the bill', async () => {
    const result = await lineItems(ds, {
      filters: [{ dimension: 'person', values: ['luis@example.com'] }],
      page: 0,
      pageSize: 50,
    })
    expect(result.columns).toEqual([
      'period',
      'usage_start',
      'account',
      'line_item_type',
      'service',
      'usage_type',
      'operation',
      'principal',
      'model',
      'token_type',
      'usage_amount',
      'pricing_unit',
      'tokens',
      'unblended_cost',
      'amortized_cost',
      'resource_id',
      'description',
      'source_file',
    ])
    expect(result.totalRows).toBe(3)
    expect(result.rows[0]).toEqual({
      period: '2026-07',
      usage_start: '2026-07-02 00:00:00',
      account: '111122223333',
      line_item_type: 'Usage',
      service: 'Amazon Bedrock',
      usage_type: 'USE1-MP:USE1_InputTokenCount-Units',
      operation: 'InvokeModelInference',
      principal: ARN.luis,
      model: 'Claude Sonnet 4.6',
      token_type: 'input',
      usage_amount: 8,
      pricing_unit: 'Units',
      tokens: '8000000',
      unblended_cost: '24.0000000000',
      amortized_cost: '24.0000000000',
      resource_id: null,
      description: `mpSonnetIn for ${ARN.luis}`,
      source_file: 'hand-built.parquet',
    })
  })

  it('returns the null group and an empty page past the end', async () => {
    const nobody = await lineItems(ds, {
      filters: [{ dimension: 'principal', values: [null] }],
      page: 0,
      pageSize: 100,
    })
    expect(nobody.totalRows).toBe(ROWS.filter((r) => r.principal_arn === null).length)
    expect((await lineItems(ds, { page: 99, pageSize: 10 })).rows).toEqual([])
  })

  it('refuses a negative page or an oversized page', async () => {
    await expect(lineItems(ds, { page: -1, pageSize: 10 })).rejects.toMatchObject({
      code: 'INVALID_QUERY',
    })
    await expect(lineItems(ds, { page: 0, pageSize: 1e6 })).rejects.toMatchObject({
      code: 'INVALID_QUERY',
    })
  })
})
