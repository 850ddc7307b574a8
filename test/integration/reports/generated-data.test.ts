// Attribution over real files: the seeded generator's CUR 2.0 Parquet export and the bundled demo,
// opened by core/sources. Expected figures come from the generator's own choices (its `expected`
// block, exact BigInt sums) and the demo's seed table, never from the code under test.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BreakdownResult, Dimension, Filter, Metric } from '../../../core/api.js'
import { breakdown } from '../../../core/reports/breakdown.js'
import type { Base } from '../../../core/rows/grouped-rows.js'
import { generateBilling, writeCur2Parquet, type Billing } from '../../fixtures/cur-generator.js'
import { decimal, units } from '../rows/hand-built-cur.js'
import { openRows, type OpenRows } from '../rows/open-rows.js'

const DEMO = fileURLToPath(new URL('../../../resources/demo', import.meta.url))
const BEDROCK: Filter[] = [{ dimension: 'service', values: ['Amazon Bedrock'] }]
const NULL_BUCKETS = new Set(['(untagged)', '(no principal)', '(unknown)'])

async function openPrepared(paths: string[]): Promise<{ dataset: OpenRows; sources: Base[] }> {
  const dataset = await openRows(paths)
  expect(await dataset.cacheReady()).toBe(true)
  return { dataset, sources: ['files', 'cache'] }
}

function keyed(result: BreakdownResult): Record<string, string> {
  return Object.fromEntries(result.rows.map((r) => [r.keys[0] ?? '(null)', r.value]))
}

/** The generator's bucket names mapped to our group keys, amounts summed when two buckets merge. */
function expectedGroups(
  expected: Record<string, string>,
  rename: (key: string) => string = (k) => k,
): Record<string, string> {
  const sums = new Map<string, bigint>()
  for (const [key, value] of Object.entries(expected)) {
    const ours = NULL_BUCKETS.has(key) ? '(null)' : rename(key)
    sums.set(ours, (sums.get(ours) ?? 0n) + units(value))
  }
  return Object.fromEntries([...sums].map(([k, v]) => [k, decimal(v)]))
}

describe('attribution over a generated CUR 2.0 Parquet export', () => {
  let root: string
  let billing: Billing
  let opened: { dataset: OpenRows; sources: Base[] }
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'cur-lens-attribution-gen-'))
    billing = generateBilling({ seed: 7_2026 })
    await writeCur2Parquet(billing, root)
    opened = await openPrepared([root])
  })
  afterAll(async () => {
    await opened?.dataset.close()
    await rm(root, { recursive: true, force: true })
  })

  const run = (
    source: Base,
    dimension: Dimension,
    metric: Metric = 'unblended',
    filters = BEDROCK,
  ) => breakdown(opened.dataset, { dimensions: [dimension], metric, filters }, { base: source })

  it.each([0, 1])(
    'matches the generator by team, role, person, account, model and token type (source %i)',
    async (i) => {
      const source = opened.sources[i]
      const { bedrock } = billing.expected
      expect(keyed(await run(source, 'tag:iamPrincipal/team'))).toEqual(
        expectedGroups(bedrock.byTeam),
      )
      expect(keyed(await run(source, 'role'))).toEqual(expectedGroups(bedrock.byRole))
      // AgentCore opens one session per run; attribution rolls those sessions up to their role.
      expect(keyed(await run(source, 'person'))).toEqual(
        expectedGroups(bedrock.byPerson, (k) =>
          k.startsWith('BedrockAgentCore-') ? 'AgentRuntimeRole' : k,
        ),
      )
      expect(keyed(await run(source, 'account'))).toEqual(expectedGroups(bedrock.byAccount))
      expect(keyed(await run(source, 'model'))).toEqual(expectedGroups(bedrock.byModel))
      expect(keyed(await run(source, 'token-type'))).toEqual(expectedGroups(bedrock.byTokenType))
      const tokens = keyed(await run(source, 'model', 'tokens', []))
      expect(tokens).toEqual(
        Object.fromEntries(Object.entries(bedrock.tokensByModel).map(([m, t]) => [m, String(t)])),
      )
    },
  )

  it('matches the generator totals by service, month and line item type, on both bases', async () => {
    const [live, cache] = opened.sources
    for (const source of [live, cache]) {
      const byService = await run(source, 'service', 'unblended', [])
      expect(byService.total).toBe(billing.expected.totals.unblended)
      expect(keyed(byService)).toEqual(
        Object.fromEntries(
          Object.entries(billing.expected.byService).map(([k, v]) => [k, v.unblended]),
        ),
      )
      const byMonth = await run(source, 'month', 'amortized', [])
      expect(byMonth.total).toBe(billing.expected.totals.amortized)
      expect(keyed(byMonth)).toEqual(
        Object.fromEntries(
          Object.entries(billing.expected.byMonth).map(([k, v]) => [k, v.amortized]),
        ),
      )
      const byType = await run(source, 'line-item-type', 'amortized', [])
      expect(keyed(byType)).toEqual(
        Object.fromEntries(
          Object.entries(billing.expected.byLineItemType).map(([k, v]) => [k, v.amortized]),
        ),
      )
      expect((await run(source, 'account', 'net', [])).total).toBe(billing.expected.totals.net)
      expect((await run(source, 'region', 'ondemand', [])).total).toBe(
        billing.expected.totals.ondemand,
      )
    }
  })
})

describe('attribution over the bundled demo', () => {
  let opened: { dataset: OpenRows; sources: Base[] }
  beforeAll(async () => {
    opened = await openPrepared([DEMO])
  })
  afterAll(async () => {
    await opened?.dataset.close()
  })

  it.each([0, 1])(
    'reproduces the seed split of Bedrock by team and the top persons (source %i)',
    async (i) => {
      const source = opened.sources[i]
      const teams = await breakdown(
        opened.dataset,
        { dimensions: ['tag:iamPrincipal/team'], metric: 'unblended', filters: BEDROCK },
        { base: source },
      )
      expect(keyed(teams)).toEqual({
        backend: '142.3000000000',
        data: '89.5000000000',
        frontend: '23.1000000000',
        '(null)': '5.4000000000',
      })
      const persons = await breakdown(
        opened.dataset,
        { dimensions: ['person'], metric: 'unblended', filters: BEDROCK, topN: 3 },
        { base: source },
      )
      expect(persons.rows.filter((r) => !r.other).map((r) => [r.keys[0], r.value])).toEqual([
        ['javier@example.com', '67.3000000000'],
        ['maria@example.com', '52.1000000000'],
        ['luis@example.com', '41.2000000000'],
      ])
      expect(persons.total).toBe('260.3000000000')
    },
  )
})
