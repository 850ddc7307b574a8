// Hand-built normalized `cur` rows with known figures: the Bedrock rows reproduce the DOMAIN.md
// seed split (backend 142.30, data 89.50, frontend 23.10, untagged 5.40) across every billing shape
// and principal shape; a few other services, a Savings Plan pair, tax, a credit and an unreadable
// principal surround them.

export interface HandRow {
  billing_period: string
  usage_start: string
  usage_account_id: string
  line_item_type: string
  service: string
  product_code: string
  product_name: string | null
  usage_type: string
  operation: string
  region: string | null
  resource_id: string | null
  description: string
  principal_arn: string | null
  usage_amount: number
  pricing_unit: string | null
  product_provider: string | null
  product_model: string | null
  product_inference_type: string | null
  unblended_cost: string
  amortized_cost: string
  tags: Record<string, string>
}

const ML = '111122223333'
const GW = '444455556666'
const sts = (role: string, session: string, account = ML) =>
  `arn:aws:sts::${account}:assumed-role/${role}/${session}`
export const ARN = {
  javier: sts('BackendDev', 'javier@example.com'),
  luis: sts('BackendDev', 'luis@example.com'),
  maria: sts('DataTeam', 'maria@example.com'),
  mariaSso: sts('AWSReservedSSO_DataScience_1a2b3c4d5e6f7a8b', 'maria@example.com'),
  app: sts('AppRole', 'i-0abc123'),
  agentA: sts('AgentRuntimeRole', 'BedrockAgentCore-0f1e2d3c-aaaa-bbbb-cccc-000000000001'),
  agentB: sts('AgentRuntimeRole', 'BedrockAgentCore-0f1e2d3c-aaaa-bbbb-cccc-000000000002'),
  alice: `arn:aws:iam::${ML}:user/alice`,
  apiKey: `arn:aws:iam::${ML}:user/BedrockAPIKey-ab12`,
  gateway: sts('llm-gateway-role', 'gw-17', GW),
  junk: 'not-an-arn; DROP TABLE cur; --',
}

type Spec = [
  day: number,
  principal: string | null,
  team: string | null,
  sku: keyof typeof SKUS,
  amount: number,
  cost: string,
]

/** Bedrock SKUs in the four billing shapes, plus AgentCore. */
export const SKUS = {
  sonnetIn: [
    'AmazonBedrockService',
    'Amazon Bedrock Service',
    'USE1-Claude4.6Sonnet-input-tokens',
    '1K tokens',
  ],
  sonnetOut: [
    'AmazonBedrockService',
    'Amazon Bedrock Service',
    'USE1-Claude4.6Sonnet-output-tokens',
    '1K tokens',
  ],
  sonnetCacheRead: [
    'AmazonBedrockService',
    'Amazon Bedrock Service',
    'USE1-Claude4.6Sonnet-cache-read-input-token-count',
    '1K tokens',
  ],
  mpSonnetIn: [
    'c1s7tw5jh9ek3wqa8z2m4nfpx',
    'Claude Sonnet 4.6 (Amazon Bedrock Edition)',
    'USE1-MP:USE1_InputTokenCount-Units',
    'Units',
  ],
  mpSonnetCacheWrite: [
    'c1s7tw5jh9ek3wqa8z2m4nfpx',
    'Claude Sonnet 4.6 (Amazon Bedrock Edition)',
    'USE1-MP:USE1_CacheWrite1hInputTokenCount-Units',
    'Units',
  ],
  novaEuIn: ['AmazonBedrock', 'Amazon Bedrock', 'EU-NovaPro-input-tokens', '1K tokens'],
  novaEuOut: ['AmazonBedrock', 'Amazon Bedrock', 'EU-NovaPro-output-tokens', '1K tokens'],
  llamaIn: [
    'AmazonBedrock',
    'Amazon Bedrock',
    'USW2-Llama4-Maverick-17B-input-tokens',
    '1K tokens',
  ],
  gptOssIn: [
    'AmazonBedrock',
    'Amazon Bedrock',
    'USE1-openai.gpt-oss-120b-mantle-input-tokens-standard',
    '1M tokens',
  ],
  novaLiteOut: ['AmazonBedrock', 'Amazon Bedrock', 'USE1-NovaLite-output-tokens', '1K tokens'],
  agentCore: [
    'AmazonBedrockAgentCore',
    'Amazon Bedrock AgentCore',
    'USE1-AgentCore-Runtime-vCPU-Hours',
    'vCPU-Hours',
  ],
} as const

export const MODEL_OF: Record<keyof typeof SKUS, string | null> = {
  sonnetIn: 'Claude Sonnet 4.6',
  sonnetOut: 'Claude Sonnet 4.6',
  sonnetCacheRead: 'Claude Sonnet 4.6',
  mpSonnetIn: 'Claude Sonnet 4.6',
  mpSonnetCacheWrite: 'Claude Sonnet 4.6',
  novaEuIn: 'Amazon Nova Pro',
  novaEuOut: 'Amazon Nova Pro',
  llamaIn: 'Llama 4 Maverick 17B Instruct',
  gptOssIn: 'gpt-oss-120b',
  novaLiteOut: 'Amazon Nova Lite',
  agentCore: null,
}

export const TOKEN_TYPE_OF: Record<keyof typeof SKUS, string> = {
  sonnetIn: 'input',
  sonnetOut: 'output',
  sonnetCacheRead: 'cache-read',
  mpSonnetIn: 'input',
  mpSonnetCacheWrite: 'cache-write',
  novaEuIn: 'input',
  novaEuOut: 'output',
  llamaIn: 'input',
  gptOssIn: 'input',
  novaLiteOut: 'output',
  agentCore: 'other',
}

// Seed figures: backend 142.30 (javier 67.30, luis 41.20, AppRole 33.80), data 89.50 (maria 52.10
// over two roles, AgentCore 37.40), frontend 23.10 (alice 20.00, API key 3.10), untagged 5.40.
const BEDROCK: Spec[] = [
  [1, ARN.javier, 'backend', 'sonnetIn', 1200, '3.60'],
  [1, ARN.javier, 'backend', 'sonnetOut', 400, '6.00'],
  [2, ARN.javier, 'backend', 'sonnetCacheRead', 5000, '1.50'],
  [2, ARN.javier, 'backend', 'sonnetOut', 2400.5, '36.0075'],
  [3, ARN.javier, 'backend', 'sonnetIn', 6730.8333333333, '20.1925'],
  [1, ARN.luis, 'backend', 'mpSonnetIn', 2.5, '7.50'],
  [2, ARN.luis, 'backend', 'mpSonnetIn', 8, '24.00'],
  [3, ARN.luis, 'backend', 'mpSonnetCacheWrite', 1.3, '9.70'],
  [1, ARN.app, 'backend', 'llamaIn', 10000, '2.40'],
  [2, ARN.app, 'backend', 'llamaIn', 130833.3333, '31.40'],
  [1, ARN.maria, 'data', 'novaEuIn', 20000, '16.00'],
  [2, ARN.maria, 'data', 'novaEuOut', 5000, '16.00'],
  [3, ARN.mariaSso, 'data', 'novaEuOut', 6312.5, '20.10'],
  [1, ARN.agentA, 'data', 'agentCore', 200, '17.90'],
  [2, ARN.agentB, 'data', 'agentCore', 217.8771, '19.50'],
  [1, ARN.alice, 'frontend', 'gptOssIn', 0.8, '12.00'],
  [2, ARN.alice, 'frontend', 'gptOssIn', 0.5333333333, '8.00'],
  [3, ARN.apiKey, 'frontend', 'novaLiteOut', 12916.6667, '3.10'],
  [1, ARN.gateway, null, 'novaLiteOut', 10000, '2.40'],
  [2, ARN.gateway, null, 'novaLiteOut', 12500, '3.00'],
]

function bedrockRow([day, principal, team, sku, amount, cost]: Spec): HandRow {
  const [productCode, productName, usageType, unit] = SKUS[sku]
  const tags: Record<string, string> = {}
  if (team) tags['iamPrincipal/team'] = team
  if (team === 'backend') tags['iamPrincipal/cost-center'] = 'CC-1001'
  return {
    billing_period: '2026-07',
    usage_start: `2026-07-0${day} 00:00:00`,
    usage_account_id: principal === ARN.gateway ? GW : ML,
    line_item_type: 'Usage',
    service: 'Amazon Bedrock',
    product_code: productCode,
    product_name: productName,
    usage_type: usageType,
    operation: sku === 'agentCore' ? 'Runtime' : 'InvokeModelInference',
    region: sku.startsWith('novaEu') ? null : 'us-east-1',
    resource_id: null,
    description: `${sku} for ${principal ?? 'nobody'}`,
    principal_arn: principal,
    usage_amount: amount,
    pricing_unit: unit,
    product_provider: null,
    product_model: null,
    product_inference_type: null,
    unblended_cost: cost,
    amortized_cost: cost,
    tags,
  }
}

function otherRow(
  fields: Partial<HandRow> & Pick<HandRow, 'service' | 'usage_type' | 'unblended_cost'>,
): HandRow {
  return {
    billing_period: '2026-07',
    usage_start: '2026-07-01 00:00:00',
    usage_account_id: ML,
    line_item_type: 'Usage',
    product_code: fields.service.replaceAll(' ', ''),
    product_name: fields.service,
    operation: 'RunInstances',
    region: 'us-east-1',
    resource_id: 'i-0123456789abcdef0',
    description: 'other service',
    principal_arn: null,
    usage_amount: 1,
    pricing_unit: 'Hrs',
    product_provider: null,
    product_model: null,
    product_inference_type: null,
    amortized_cost: fields.unblended_cost,
    tags: {},
    ...fields,
  }
}

export const ROWS: HandRow[] = [
  ...BEDROCK.map(bedrockRow),
  // A product-map row from after 2026-07-20: the model comes from the product fields.
  {
    ...bedrockRow([9, ARN.javier, 'backend', 'sonnetIn', 0, '0']),
    usage_start: '2026-07-21 00:00:00',
    product_provider: 'Anthropic',
    product_model: 'Claude Sonnet 4.6',
    product_inference_type: 'Input tokens',
  },
  otherRow({
    service: 'Amazon Elastic Compute Cloud',
    usage_type: 'BoxUsage:m5.large',
    unblended_cost: '100.00',
    amortized_cost: '70.00',
    line_item_type: 'SavingsPlanCoveredUsage',
    tags: { 'resourceTags/user:Project': 'apollo', 'accountTag/environment': 'production' },
  }),
  otherRow({
    service: 'Amazon Elastic Compute Cloud',
    usage_type: 'BoxUsage:m5.large',
    unblended_cost: '-100.00',
    amortized_cost: '0',
    line_item_type: 'SavingsPlanNegation',
    tags: { 'resourceTags/user:Project': 'apollo' },
  }),
  otherRow({
    service: 'Amazon Elastic Compute Cloud',
    usage_type: 'BoxUsage:t3.micro',
    usage_start: '2026-06-15 00:00:00',
    billing_period: '2026-06',
    unblended_cost: '0.0000012345',
    tags: { 'resourceTags/user:Project': "o'brien =1+1" },
  }),
  otherRow({
    service: 'Amazon Simple Storage Service',
    usage_type: 'TimedStorage-ByteHrs',
    unblended_cost: '12.34',
    usage_amount: 1234.5678,
    pricing_unit: 'GB-Mo',
    tags: { 'costCategory/BusinessUnit': 'Platform' },
  }),
  otherRow({
    service: 'Amazon Simple Storage Service',
    usage_type: 'Tax',
    line_item_type: 'Tax',
    unblended_cost: '7.77',
    pricing_unit: null,
    usage_amount: 0,
  }),
  otherRow({
    service: 'Amazon Simple Storage Service',
    usage_type: 'Credit',
    line_item_type: 'Credit',
    unblended_cost: '-20.00',
    pricing_unit: null,
  }),
  otherRow({
    service: 'Amazon Simple Storage Service',
    usage_type: 'Requests-Tier1',
    unblended_cost: '1.11',
    principal_arn: ARN.junk,
    pricing_unit: 'Requests',
    usage_amount: 222000,
    tags: { 'userAttribute/department': 'Data Science' },
  }),
]
