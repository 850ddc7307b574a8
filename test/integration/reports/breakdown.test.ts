import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BreakdownResult, Filter } from '../../../core/api.js'
import { breakdown } from '../../../core/reports/breakdown.js'
import {
  ARN,
  MODEL_OF,
  ROWS,
  SKUS,
  TOKEN_TYPE_OF,
  BOTH_BASES,
  openAttributedHandDataset,
  sumBy,
  type HandRows,
  type HandRow,
} from '../rows/hand-built-cur.js'

let ds: HandRows

beforeEach(async () => {
  ds = await openAttributedHandDataset()
})

afterEach(async () => {
  await ds.close()
})

const BEDROCK: Filter[] = [{ dimension: 'service', values: ['Amazon Bedrock'] }]
const bedrockRows = ROWS.filter((r) => r.service === 'Amazon Bedrock')

function asMap(result: BreakdownResult): Map<string | null, string> {
  return new Map(result.rows.map((r) => [r.keys[0], r.value]))
}

const skuOf = (row: HandRow) =>
  (Object.keys(SKUS) as (keyof typeof SKUS)[]).find((k) => SKUS[k][2] === row.usage_type)

describe.each(BOTH_BASES.map((b) => b.name))('breakdown read from the %s', (name) => {
  const run = (query: Parameters<typeof breakdown>[1]) =>
    breakdown(ds, query, { base: BOTH_BASES.find((b) => b.name === name)!.base })

  it('reproduces the seed split of Bedrock cost by iamPrincipal/team, untagged included', async () => {
    const result = await run({
      dimensions: ['tag:iamPrincipal/team'],
      metric: 'unblended',
      filters: BEDROCK,
    })
    expect(asMap(result)).toEqual(
      new Map([
        ['backend', '142.3000000000'],
        ['data', '89.5000000000'],
        ['frontend', '23.1000000000'],
        [null, '5.4000000000'],
      ]),
    )
    expect(result.total).toBe('260.3000000000')
    expect(result.rows.map((r) => r.keys[0])).toEqual(['backend', 'data', 'frontend', null])
  })

  it('splits Bedrock cost by person, one person across two roles, AgentCore runs rolled up to the role', async () => {
    const result = asMap(
      await run({ dimensions: ['person'], metric: 'unblended', filters: BEDROCK }),
    )
    expect(result.get('javier@example.com')).toBe('67.3000000000')
    expect(result.get('maria@example.com')).toBe('52.1000000000')
    expect(result.get('luis@example.com')).toBe('41.2000000000')
    expect(result.get('AgentRuntimeRole')).toBe('37.4000000000')
    expect(result.get('i-0abc123')).toBe('33.8000000000')
    expect(result.get('alice')).toBe('20.0000000000')
    expect(result.get('BedrockAPIKey-ab12')).toBe('3.1000000000')
    expect(result.get('gw-17')).toBe('5.4000000000')
    expect(result.size).toBe(8)
  })

  it('rolls principals up to roles and accounts', async () => {
    const roles = asMap(await run({ dimensions: ['role'], metric: 'unblended', filters: BEDROCK }))
    expect(roles).toEqual(
      new Map([
        ['BackendDev', '108.5000000000'],
        ['AgentRuntimeRole', '37.4000000000'],
        ['AppRole', '33.8000000000'],
        ['DataTeam', '32.0000000000'],
        ['AWSReservedSSO_DataScience_1a2b3c4d5e6f7a8b', '20.1000000000'],
        ['user/alice', '20.0000000000'],
        ['llm-gateway-role', '5.4000000000'],
        ['user/BedrockAPIKey-ab12', '3.1000000000'],
      ]),
    )
    const accounts = asMap(
      await run({ dimensions: ['account'], metric: 'unblended', filters: BEDROCK }),
    )
    expect(accounts).toEqual(
      new Map([
        ['111122223333', '254.9000000000'],
        ['444455556666', '5.4000000000'],
      ]),
    )
  })

  it('keeps rows without a principal, and unreadable principals, as their own groups', async () => {
    const result = asMap(await run({ dimensions: ['principal'], metric: 'unblended' }))
    expect(result.get(null)).toBe(
      sumBy(
        ROWS.filter((r) => !r.principal_arn),
        () => null,
      ).get(null),
    )
    expect(result.get(ARN.junk)).toBe('1.1100000000')
    const persons = asMap(await run({ dimensions: ['person'], metric: 'unblended' }))
    expect(persons.get(ARN.junk)).toBe('1.1100000000')
  })

  it('splits Bedrock cost, tokens and cost per model and token type', async () => {
    const byModel = asMap(
      await run({ dimensions: ['model'], metric: 'unblended', filters: BEDROCK }),
    )
    const modelOf = (r: HandRow) => {
      const sku = skuOf(r)
      return sku ? MODEL_OF[sku] : null
    }
    expect(byModel).toEqual(sumBy(bedrockRows, modelOf))
    expect(byModel.get(null)).toBe('37.4000000000')

    const byType = asMap(
      await run({ dimensions: ['token-type'], metric: 'unblended', filters: BEDROCK }),
    )
    expect(byType).toEqual(sumBy(bedrockRows, (r) => TOKEN_TYPE_OF[skuOf(r)!]))

    const tokens = asMap(await run({ dimensions: ['model'], metric: 'tokens' }))
    expect(tokens).toEqual(
      new Map([
        [
          'Claude Sonnet 4.6',
          String(
            1200_000 +
              400_000 +
              5_000_000 +
              2_400_500 +
              6_730_833 +
              2_500_000 +
              8_000_000 +
              1_300_000,
          ),
        ],
        ['Llama 4 Maverick 17B Instruct', String(10_000_000 + 130_833_333)],
        ['Amazon Nova Pro', String(20_000_000 + 5_000_000 + 6_312_500)],
        ['Amazon Nova Lite', String(12_916_667 + 10_000_000 + 12_500_000)],
        ['gpt-oss-120b', String(800_000 + 533_333)],
      ]),
    )
  })

  it('reads the EU usage-type prefix as eu-west-1 where the row has no region', async () => {
    const result = asMap(
      await run({ dimensions: ['region'], metric: 'unblended', filters: BEDROCK }),
    )
    expect(result.get('eu-west-1')).toBe('52.1000000000')
    expect(result.has(null)).toBe(false)
  })
})
