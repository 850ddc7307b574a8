// The Bedrock model invocation logs of the benchmark: the calls behind the gateway role's Bedrock
// token rows of the generated export (large-export-sql.ts), as S3 delivers them (gzip NDJSON under
// AWSLogs/<account>/BedrockModelInvocationLogs/<region>/YYYY/MM/DD/HH/). The export's token usage
// types, with the model id the logs name for each, are one table both sides of the bench read.

export const GATEWAY_ROLE = 'llm-gateway-role'
export const LOG_REGION = 'us-east-1'

export type BenchTokenType = 'input' | 'output' | 'cache-read'

export interface LoggedUsageType {
  usageType: string
  /** The model id the invocation logs name for calls billed under the usage type. */
  modelId: string
  tokenType: BenchTokenType
}

const NOVA_PRO = 'us.amazon.nova-pro-v1:0'
const LLAMA = 'us.meta.llama4-maverick-17b-instruct-v1:0'
const SONNET_GLOBAL = 'global.anthropic.claude-sonnet-4-6'
const SONNET_MARKETPLACE = 'us.anthropic.claude-sonnet-4-6'

/** Every Bedrock token usage type of the generated export. */
export const LOGGED_USAGE_TYPES: readonly LoggedUsageType[] = [
  { usageType: 'USE1-NovaPro-input-tokens', modelId: NOVA_PRO, tokenType: 'input' },
  { usageType: 'USE1-NovaPro-output-tokens', modelId: NOVA_PRO, tokenType: 'output' },
  { usageType: 'USE1-Llama4-Maverick-17B-input-tokens', modelId: LLAMA, tokenType: 'input' },
  {
    usageType: 'USE1-Claude4.6Sonnet-input-tokens-cross-region-global',
    modelId: SONNET_GLOBAL,
    tokenType: 'input',
  },
  {
    usageType: 'USE1-Claude4.6Sonnet-output-tokens-cross-region-global',
    modelId: SONNET_GLOBAL,
    tokenType: 'output',
  },
  {
    usageType: 'USE1-Claude4.6Sonnet-cache-read-input-token-count-cross-region-global',
    modelId: SONNET_GLOBAL,
    tokenType: 'cache-read',
  },
  {
    usageType: 'USE1-MP:USE1_InputTokenCount-Units',
    modelId: SONNET_MARKETPLACE,
    tokenType: 'input',
  },
  {
    usageType: 'USE1-MP:USE1_OutputTokenCount-Units',
    modelId: SONNET_MARKETPLACE,
    tokenType: 'output',
  },
  {
    usageType: 'USE1-MP:USE1_CacheReadInputTokenCount-Units',
    modelId: SONNET_MARKETPLACE,
    tokenType: 'cache-read',
  },
]

/** A VALUES list of (usage_type, model_id, token_type) for SQL. */
export function loggedUsageTypesSql(): string {
  return LOGGED_USAGE_TYPES.map((u) => `('${u.usageType}', '${u.modelId}', '${u.tokenType}')`).join(
    ', ',
  )
}

/** The records of group `group` of `groups`, so that all groups hold exactly `records`. */
export function callsInGroup(group: number, groups: number, records: number): number {
  return Math.floor(((group + 1) * records) / groups) - Math.floor((group * records) / groups)
}

/** A deterministic generator of numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const END_USERS = 500
const TEAMS = ['search', 'support', 'growth', 'research', 'platform']

export interface BenchCall {
  /** A whole number, unique in the logs: the request id is made from it. */
  serial: number
  /** YYYY-MM-DD */
  day: string
  secondOfDay: number
  accountId: string
  principalArn: string
  modelId: string
  /** 0 .. END_USERS - 1 */
  user: number
  tokens: Record<BenchTokenType, number>
}

/** One invocation log line, as Bedrock writes it (USAGE-LOGS.md §1). */
export function invocationLogLine(call: BenchCall): string {
  const time = new Date(Date.parse(`${call.day}T00:00:00Z`) + call.secondOfDay * 1000)
  const record = {
    schemaType: 'ModelInvocationLog',
    schemaVersion: '1.0',
    timestamp: time.toISOString().replace('.000Z', 'Z'),
    accountId: call.accountId,
    region: LOG_REGION,
    requestId: `00000000-0000-4000-8000-${call.serial.toString(16).padStart(12, '0')}`,
    operation: 'Converse',
    modelId: call.modelId,
    identity: { arn: call.principalArn },
    requestMetadata: { end_user: endUser(call.user), team: TEAMS[call.user % TEAMS.length] },
    input: {
      inputContentType: 'application/json',
      inputTokenCount: call.tokens.input,
      cacheReadInputTokenCount: call.tokens['cache-read'],
      cacheWriteInputTokenCount: 0,
    },
    output: { outputContentType: 'application/json', outputTokenCount: call.tokens.output },
  }
  return JSON.stringify(record)
}

export const endUser = (user: number) => `dev${String(user).padStart(3, '0')}@corp.example`

/** Where S3 delivers an account's records of a day, below the logs' root (one file a day). */
export function logFilePath(accountId: string, day: string): string {
  const [y, m, d] = day.split('-')
  return [
    'AWSLogs',
    accountId,
    'BedrockModelInvocationLogs',
    LOG_REGION,
    y,
    m,
    d,
    '00',
    `${y}${m}${d}T000102Z_${accountId.slice(-4)}.json.gz`,
  ].join('/')
}
