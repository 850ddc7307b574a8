// A small export with a shared LLM gateway role and a developer, and hand-made usage-log records
// (the normalized columns of USAGE-LOGS.md §6) for the gateway, with the figures each end user's
// share comes to, worked out by hand, plus largest remainder in BigInt for the one uneven bucket.
import type { Engine } from '../../../core/engine/duckdb.js'
import type { HandRow } from '../rows/hand-built-cur.js'

export const GATEWAY = 'arn:aws:sts::444455556666:assumed-role/llm-gateway/litellm'
export const DEVELOPER = 'arn:aws:sts::444455556666:assumed-role/BackendDev/javier@example.com'

const SONNET = ['AmazonBedrockService', 'Amazon Bedrock Service', 'Claude4.6Sonnet'] as const
const NOVA_LITE = ['AmazonBedrock', 'Amazon Bedrock', 'NovaLite'] as const

function row(
  day: string,
  principal: string | null,
  [code, service, billingName]: readonly [string, string, string],
  type: 'input' | 'output',
  thousands: number,
  cost: string,
): HandRow {
  return {
    billing_period: '2026-04',
    usage_start: `2026-04-${day} 00:00:00`,
    usage_account_id: '444455556666',
    line_item_type: 'Usage',
    service: 'Amazon Bedrock',
    product_code: code,
    product_name: service,
    usage_type: `USE1-${billingName}-${type}-tokens`,
    operation: 'InvokeModelInference',
    region: 'us-east-1',
    resource_id: null,
    description: `${billingName} ${type}`,
    principal_arn: principal,
    usage_amount: thousands,
    pricing_unit: '1K tokens',
    product_provider: null,
    product_model: null,
    product_inference_type: null,
    unblended_cost: cost,
    amortized_cost: cost,
    tags: {},
  }
}

function storage(principal: string | null, cost: string): HandRow {
  return {
    ...row('01', principal, SONNET, 'input', 1, cost),
    service: 'Amazon Simple Storage Service',
    product_code: 'AmazonS3',
    product_name: 'Amazon Simple Storage Service',
    usage_type: 'USE1-TimedStorage-ByteHrs',
    operation: 'StandardStorage',
    pricing_unit: 'GB-Mo',
  }
}

/** The export: what the gateway and the developer billed, and two storage lines. */
export const CUR_ROWS: HandRow[] = [
  row('01', GATEWAY, SONNET, 'input', 0.6, '10.0000000001'),
  row('01', GATEWAY, SONNET, 'output', 0.15, '4.50'),
  row('02', GATEWAY, NOVA_LITE, 'input', 1, '2.00'),
  row('03', GATEWAY, SONNET, 'input', 5, '7.00'),
  row('01', DEVELOPER, SONNET, 'input', 1, '3.00'),
  storage(DEVELOPER, '0.40'),
  storage(null, '0.75'),
]

export interface LogRecord {
  request_id: string
  ts_utc: string
  principal_arn: string | null
  end_user: string | null
  tags: Record<string, string>
  model_key: string
  region: string | null
  /** The loader's account_id; absent: the account of principal_arn. */
  account_id?: string | null
  input_tokens: number
  output_tokens: number
  cache_read_tokens?: number
  cache_write_tokens?: number
  est_cost_usd?: string | null
  ok?: boolean
  source?: string
}

/** Gateway calls: three end users on day 1, one call naming nobody on day 2; none on day 3. */
export const LOG_RECORDS: LogRecord[] = [
  call('r1', '01', 'alice', 'search', 300, 50),
  call('r2', '01', 'bob', 'ads', 200, 0),
  call('r3', '01', 'carol', 'search', 100, 100),
  // Repeated in a second file: counted once.
  call('r1', '01', 'alice', 'search', 300, 50),
  // A failed call: its tokens are not billed.
  { ...call('r5', '01', 'alice', 'search', 90000, 9000), ok: false },
  { ...call('r4', '02', null, 'search', 1000, 0), model_key: 'amazon.nova-lite-v1' },
]

function call(
  id: string,
  day: string,
  user: string | null,
  team: string,
  input: number,
  output: number,
): LogRecord {
  return {
    request_id: id,
    ts_utc: `2026-04-${day} 10:00:00`,
    principal_arn: GATEWAY,
    end_user: user,
    tags: user ? { end_user: user, team } : { team },
    model_key: 'anthropic.claude-sonnet-4-6',
    region: 'us-east-1',
    input_tokens: input,
    output_tokens: output,
    est_cost_usd: null,
  }
}

/** A `usage_log` table with the normalized columns (core/usage-logs), holding `records`. */
export async function createUsageLog(engine: Engine, records: readonly LogRecord[]) {
  await engine.query(`CREATE OR REPLACE TABLE usage_log (
    source VARCHAR, request_id VARCHAR, ts_utc TIMESTAMP, principal_arn VARCHAR, end_user VARCHAR,
    team VARCHAR, tags MAP(VARCHAR, VARCHAR), model_raw VARCHAR, model_key VARCHAR, cross_region VARCHAR,
    region VARCHAR, account_id VARCHAR, input_tokens BIGINT, cache_read_tokens BIGINT, cache_write_tokens BIGINT,
    output_tokens BIGINT, est_cost_usd DECIMAL(38, 10), ok BOOLEAN)`)
  // Each call once, the first occurrence kept, as the loader does (core/usage-logs).
  const seen = new Set<string>()
  for (const r of records) {
    const call = `${r.source ?? 'bedrock_mil'}/${r.request_id}`
    if (seen.has(call)) continue
    seen.add(call)
    await engine.query(
      `INSERT INTO usage_log VALUES ($source, $request_id, CAST($ts AS TIMESTAMP), $principal,
        $end_user, $team, MAP(CAST($keys AS VARCHAR[]), CAST($values AS VARCHAR[])), $model_key,
        $model_key, 'none', $region, $account, $input, $cache_read, $cache_write, $output,
        CAST($cost AS DECIMAL(38, 10)), $ok)`,
      {
        source: r.source ?? 'bedrock_mil',
        request_id: r.request_id,
        ts: r.ts_utc,
        principal: r.principal_arn,
        end_user: r.end_user,
        team: r.tags.team ?? null,
        keys: Object.keys(r.tags),
        values: Object.values(r.tags),
        model_key: r.model_key,
        region: r.region,
        account:
          r.account_id !== undefined ? r.account_id : (r.principal_arn?.split(':')[4] ?? null),
        input: r.input_tokens,
        cache_read: r.cache_read_tokens ?? 0,
        cache_write: r.cache_write_tokens ?? 0,
        output: r.output_tokens,
        cost: r.est_cost_usd ?? null,
        ok: r.ok ?? true,
      },
    )
  }
}

/** Largest remainder in BigInt: `total` split by `weights`, ties to the earlier weight. */
export function largestRemainder(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n)
  const parts = weights.map((w) => (total * w) / sum)
  const order = weights
    .map((w, i) => ({ i, rem: (total * w) % sum }))
    .sort((a, b) => (b.rem > a.rem ? 1 : b.rem < a.rem ? -1 : a.i - b.i))
  let left = total - parts.reduce((a, b) => a + b, 0n)
  for (const { i } of order) {
    if (left === 0n) break
    parts[i] += 1n
    left -= 1n
  }
  return parts
}
