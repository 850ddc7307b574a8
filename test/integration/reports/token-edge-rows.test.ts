// Cost per million tokens over a generated export with the rows that trip it: a Bedrock credit that
// carries a token usage type but no tokens (it must lower the model's cost, not its cost per million
// tokens), and usage rows with no pricing unit (their tokens count, in the unit their usage type
// implies, and the answer says so). Filters on model and token type match in any spelling. Expected
// figures are the generator's own.
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BreakdownQuery, Filter } from '../../../core/api.js'
import { breakdown } from '../../../core/reports/breakdown.js'
import { lineItems } from '../../../core/reports/line-items.js'
import { tokenUnitCosts } from '../../../core/reports/token-unit-cost.js'
import { chargeback } from '../../../core/chargeback/index.js'
import { openRows, type OpenRows } from '../rows/open-rows.js'
import { generateBilling, writeCur2Parquet, type Billing } from '../../fixtures/cur-generator.js'

const run = promisify(execFile)
const CLI = fileURLToPath(new URL('../../../bin/cur-lens.js', import.meta.url))

describe('tokens over an export with token credits and rows without a pricing unit', () => {
  let root: string
  let billing: Billing
  let dataset: OpenRows
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'cur-lens-token-edges-'))
    billing = generateBilling({ seed: 8_2026, tokenEdgeRows: true })
    await writeCur2Parquet(billing, root)
    dataset = await openRows([root])
  })
  afterAll(async () => {
    await dataset?.close()
    await rm(root, { recursive: true, force: true })
  })

  it('counts only the rows that bill tokens, on both sides of the cost per million', async () => {
    const { tokensByModel, tokenCostByModel, assumedUnitsByModel } = billing.expected.bedrock
    const costs = await tokenUnitCosts(dataset)
    expect(costs.map((c) => c.keys[0]).sort()).toEqual(Object.keys(tokensByModel).sort())
    for (const cost of costs) {
      const model = cost.keys[0]!
      expect(cost.tokens, model).toBe(String(tokensByModel[model]))
      expect(cost.cost, model).toBe(tokenCostByModel[model])
      expect(cost.assumedUnits, model).toEqual(assumedUnitsByModel[model] ?? [])
    }
    // The credit stays in the model's cost: it is only kept out of the rate.
    const nova = await breakdown(dataset, {
      dimensions: ['model'],
      metric: 'unblended',
      filters: [{ dimension: 'model', values: ['Amazon Nova Pro'] }],
    })
    expect(nova.total).toBe(billing.expected.bedrock.byModel['Amazon Nova Pro'])
    expect(nova.total).not.toBe(tokenCostByModel['Amazon Nova Pro'])
  })

  it('gives the same token figures from the files and from the cache', async () => {
    expect(await dataset.cacheReady()).toBe(true)
    const query: BreakdownQuery = { dimensions: ['model'], metric: 'tokens' }
    const live = await breakdown(dataset, query, { base: 'files' })
    expect(await breakdown(dataset, query, { base: 'cache' })).toEqual(live)
    expect(Object.fromEntries(live.rows.map((r) => [r.keys[0], r.value]))).toEqual(
      Object.fromEntries(
        Object.entries(billing.expected.bedrock.tokensByModel).map(([m, t]) => [m, String(t)]),
      ),
    )
    const costs = await tokenUnitCosts(dataset, { dimensions: ['model', 'token-type'] })
    expect(
      costs.find((c) => c.keys[0] === 'Claude Sonnet 4.6' && c.keys[1] === 'input'),
    ).toMatchObject({ assumedUnits: ['Units'] })
  })

  it('names the assumed unit in `cur-lens tokens`', async () => {
    const { stdout } = await run(process.execPath, [CLI, 'tokens', root])
    expect(stdout).toMatch(/no pricing unit/i)
    expect(stdout).toMatch(/Amazon Nova Pro: 1K tokens/)
    expect(stdout).toMatch(/Claude Sonnet 4\.6: Units/)
    const json = JSON.parse(
      (await run(process.execPath, [CLI, 'tokens', root, '--format', 'json'])).stdout,
    )
    expect(json.find((r: { model: string }) => r.model === 'Amazon Nova Pro').assumedUnits).toEqual(
      ['1K tokens'],
    )
  })

  it.each([
    [
      { dimension: 'model', values: ['Amazon Nova Pro'] },
      { dimension: 'model', values: ['amazon nova pro'] },
    ],
    [
      { dimension: 'model', values: ['Amazon Nova Pro'] },
      { dimension: 'model', values: ['NovaPro'] },
    ],
    [
      { dimension: 'model', values: ['Amazon Nova Pro'] },
      { dimension: 'model', values: ['amazon.nova-pro-v1'] },
    ],
    [
      { dimension: 'token-type', values: ['input'] },
      { dimension: 'token-type', values: ['Input'] },
    ],
    [
      { dimension: 'provider', values: ['Anthropic'] },
      { dimension: 'provider', values: ['ANTHROPIC'] },
    ],
    [
      { dimension: 'model', values: ['Amazon Nova Pro'], exclude: true },
      { dimension: 'model', values: ['AMAZON NOVA PRO'], exclude: true },
    ],
  ] as [Filter, Filter][])('selects the same rows with %j and %j', async (canonical, spelled) => {
    const query = (filter: Filter): BreakdownQuery => ({
      dimensions: ['model', 'token-type'],
      metric: 'unblended',
      filters: [filter],
    })
    const expected = await breakdown(dataset, query(canonical))
    expect(expected.rows.length).toBeGreaterThan(0)
    expect(await breakdown(dataset, query(spelled))).toEqual(expected)
    expect(await tokenUnitCosts(dataset, { filters: [spelled] })).toEqual(
      await tokenUnitCosts(dataset, { filters: [canonical] }),
    )
    const page = { page: 0, pageSize: 5 }
    expect((await lineItems(dataset, { ...page, filters: [spelled] })).totalRows).toBe(
      (await lineItems(dataset, { ...page, filters: [canonical] })).totalRows,
    )
    const statements = (filter: Filter) =>
      chargeback(dataset, { by: 'role', basis: 'unblended', filters: [filter] })
    expect(await statements(spelled)).toEqual(await statements(canonical))
  })
})
