import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tokenUnitCosts } from '../../../core/reports/token-unit-cost.js'
import { CUR_COLUMNS } from '../../../core/sources/cur-columns.js'
import { ARN, openAttributedHandDataset, type HandRows } from './hand-built-cur.js'

let ds: HandRows

beforeEach(async () => {
  ds = await openAttributedHandDataset()
})

afterEach(async () => {
  await ds.close()
})

type Attributed = Record<string, string | number | null>

describe('prepareAttribution', () => {
  it('creates cur_attributed with every cur column plus the attribution columns', async () => {
    const columns = await ds.engine.query<{ column_name: string }>(
      `SELECT column_name FROM (DESCRIBE cur_attributed)`,
    )
    expect(columns.map((c) => c.column_name)).toEqual([
      ...CUR_COLUMNS.map((c) => c.name),
      'principal_kind',
      'principal_person',
      'principal_role',
      'principal_account',
      'model_key',
      'model',
      'provider',
      'token_type',
      'tokens',
      'token_scale',
      'assumed_token_unit',
      'usage_region',
    ])
  })

  it('fills the principal columns from the ARN of each row', async () => {
    const rows = await ds.engine.query<Attributed>(
      `SELECT DISTINCT principal_arn, principal_kind, principal_person, principal_role, principal_account
       FROM cur_attributed ORDER BY principal_arn NULLS FIRST`,
    )
    const byArn = new Map(rows.map((r) => [r.principal_arn, r]))
    expect(byArn.get(null)).toMatchObject({ principal_kind: null, principal_person: null })
    expect(byArn.get(ARN.mariaSso)).toMatchObject({
      principal_kind: 'sso',
      principal_person: 'maria@example.com',
      principal_role: 'AWSReservedSSO_DataScience_1a2b3c4d5e6f7a8b',
      principal_account: '111122223333',
    })
    expect(byArn.get(ARN.apiKey)).toMatchObject({
      principal_kind: 'api-key',
      principal_role: 'user/BedrockAPIKey-ab12',
    })
    expect(byArn.get(ARN.agentB)).toMatchObject({
      principal_kind: 'agentcore',
      principal_person: 'AgentRuntimeRole',
    })
    expect(byArn.get(ARN.gateway)).toMatchObject({
      principal_account: '444455556666',
      principal_person: 'gw-17',
    })
    expect(byArn.get(ARN.junk)).toMatchObject({
      principal_kind: 'unknown',
      principal_account: null,
    })
  })

  it('fills model, provider, token type and tokens scaled by the pricing unit', async () => {
    const rows = await ds.engine.query<Attributed>(
      `SELECT usage_type, pricing_unit, usage_amount, model, provider, token_type, tokens
       FROM cur_attributed WHERE description LIKE 'mpSonnetCacheWrite%' OR description LIKE 'sonnetCacheRead%'
         OR description LIKE 'gptOssIn%' OR service <> 'Amazon Bedrock' OR description LIKE 'agentCore%'
       ORDER BY description, usage_start`,
    )
    const find = (usageType: string) => rows.find((r) => r.usage_type === usageType)
    expect(find('USE1-MP:USE1_CacheWrite1hInputTokenCount-Units')).toMatchObject({
      model: 'Claude Sonnet 4.6',
      provider: 'Anthropic',
      token_type: 'cache-write',
      tokens: 1_300_000,
    })
    expect(find('USE1-Claude4.6Sonnet-cache-read-input-token-count')).toMatchObject({
      token_type: 'cache-read',
      tokens: 5_000_000,
    })
    expect(find('USE1-openai.gpt-oss-120b-mantle-input-tokens-standard')).toMatchObject({
      model: 'gpt-oss-120b',
      provider: 'OpenAI',
      token_type: 'input',
      tokens: 800_000,
    })
    expect(find('USE1-AgentCore-Runtime-vCPU-Hours')).toMatchObject({
      model: null,
      token_type: 'other',
      tokens: null,
    })
    expect(find('BoxUsage:m5.large')).toMatchObject({ model: null, token_type: null, tokens: null })
  })

  it('works out the cost per million tokens by model, from token rows only', async () => {
    const costs = await tokenUnitCosts(ds, {
      filters: [{ dimension: 'service', values: ['Amazon Bedrock'] }],
    })
    const nova = costs.find((c) => c.keys[0] === 'Amazon Nova Pro')
    expect(nova).toEqual({
      keys: ['Amazon Nova Pro'],
      tokens: '31312500',
      cost: '52.1000000000',
      costPerMillionTokens: (52.1 / 31.3125).toFixed(6),
      assumedUnits: [],
    })
    expect(costs.map((c) => c.keys[0])).not.toContain(null)
    const byType = await tokenUnitCosts(ds, {
      dimensions: ['model', 'token-type'],
      basis: 'amortized',
    })
    expect(byType.find((c) => c.keys[0] === 'gpt-oss-120b' && c.keys[1] === 'input')).toMatchObject(
      {
        tokens: '1333333',
        cost: '20.0000000000',
      },
    )
  })
})
