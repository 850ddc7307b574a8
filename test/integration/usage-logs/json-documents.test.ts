// The JSON forms besides JSON lines, each made here: LiteLLM's per-request logging payloads (one
// per file, on one line or pretty-printed, times in epoch seconds) and a pretty-printed invocation
// log record; a document that is not valid JSON is a problem naming the file.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { loadUsageLogs } from '../../../core/usage-logs/index.js'
import { openLogEngine, type LogEngine } from './log-engine.js'

const GATEWAY = 'arn:aws:sts::444455556666:assumed-role/llm-gateway-role/gw-17'

function payload(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    trace_id: `trace-${id}`,
    call_type: 'acompletion',
    response_cost: 0.0123,
    status: 'success',
    custom_llm_provider: 'bedrock',
    prompt_tokens: 1500,
    completion_tokens: 80,
    total_tokens: 1580,
    // 2026-06-01T23:59:59.5Z: the last second of the day, in epoch seconds.
    startTime: 1780358399.5,
    endTime: 1780358401.2,
    model: 'bedrock/converse/us.anthropic.claude-haiku-4-5-20251001-v1:0',
    model_group: 'haiku',
    api_base: 'https://bedrock-runtime.us-west-2.amazonaws.com',
    metadata: {
      user_api_key_alias: 'chat-frontend',
      user_api_key_team_alias: 'search',
      spend_logs_metadata: { app: 'chat' },
      usage_object: { cache_read_input_tokens: 1000, cache_creation_input_tokens: 200 },
    },
    request_tags: ['prod'],
    end_user: 'alice@corp.example',
    ...extra,
  }
}

let dir: string
let open: LogEngine | undefined

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-json-logs-'))
})

afterEach(async () => {
  await open?.close()
  open = undefined
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function load(files: Record<string, string>) {
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content)
  open = await openLogEngine()
  const result = await loadUsageLogs(
    open.engine,
    Object.keys(files).map((name) => join(dir, name)),
    { workDirectory: open.workDirectory, gatewayPrincipalArn: GATEWAY },
  )
  const rows = await open.engine.query('SELECT * FROM usage_log ORDER BY request_id')
  return { ...result, rows }
}

describe('JSON log documents', () => {
  it('read LiteLLM logging payloads, on one line or pretty-printed, and drop a failed one', async () => {
    const result = await load({
      'p1.json': JSON.stringify(payload('p1')),
      'p2.json': JSON.stringify(payload('p2'), null, 2),
      'p3.json': JSON.stringify(payload('p3', { status: 'failure' })),
    })
    expect(result.problems).toEqual([])
    expect(result.sources.map((s) => [s.format, s.records, s.skipped.failed])).toEqual([
      ['litellm-payloads', 1, 0],
      ['litellm-payloads', 1, 0],
      ['litellm-payloads', 0, 1],
    ])
    expect(result.rows).toHaveLength(2)
    expect(result.rows[0]).toMatchObject({
      source: 'litellm',
      request_id: 'p1',
      ts_utc: '2026-06-01 23:59:59.5',
      principal_arn: GATEWAY,
      end_user: 'alice@corp.example',
      team: 'search',
      model_raw: 'bedrock/converse/us.anthropic.claude-haiku-4-5-20251001-v1:0',
      model_key: 'anthropic.claude-haiku-4-5',
      cross_region: 'geo',
      region: 'us-west-2',
      input_tokens: '500',
      cache_read_tokens: '1000',
      cache_write_tokens: '200',
      output_tokens: '80',
      est_cost_usd: '0.0123000000',
    })
  })

  it('read a pretty-printed invocation log record', async () => {
    const record = {
      schemaType: 'ModelInvocationLog',
      timestamp: '2026-06-02T00:00:00Z',
      accountId: '444455556666',
      region: 'eu-west-1',
      requestId: 'r1',
      modelId: 'arn:aws:bedrock:eu-west-1:444455556666:application-inference-profile/a1b2c3d4e5f6',
      identity: { arn: GATEWAY },
      input: { inputTokenCount: 7 },
      output: { outputTokenCount: 3 },
    }
    const result = await load({ 'pretty.json': JSON.stringify(record, null, 2) })
    expect(result.problems).toEqual([])
    expect(result.rows[0]).toMatchObject({
      source: 'bedrock_mil',
      model_key: record.modelId,
      cross_region: null,
      input_tokens: '7',
    })
  })

  it('name a document that is not valid JSON', async () => {
    const path = join(dir, 'broken.json')
    const result = await load({ 'broken.json': '[\n{"request_id": "x",\n' })
    expect(result.problems.map((p) => [p.code, p.file])).toEqual([['FILE_CORRUPT', path]])
    expect(result.problems[0].message).toContain(`${path}: the file is not valid JSON`)
  })
})
