// The load's options and its documented example: the CSV example of docs/usage-logs.md loads as it
// says; application inference profiles resolve through the given map and stay visible otherwise;
// other requestMetadata keys name the end user; a decompression bomb and a cancelled load stop.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { loadUsageLogs, type UsageLogOptions } from '../../../core/usage-logs/index.js'
import { openLogEngine, type LogEngine } from './log-engine.js'

const PROFILE = 'arn:aws:bedrock:us-east-1:444455556666:application-inference-profile/k9x8w7v6u5t4'
const OTHER_PROFILE =
  'arn:aws:bedrock:us-east-1:444455556666:application-inference-profile/zzzz11112222'

function record(requestId: string, modelId: string, metadata: Record<string, string> = {}) {
  return JSON.stringify({
    schemaType: 'ModelInvocationLog',
    timestamp: '2026-06-02T10:00:00Z',
    accountId: '444455556666',
    region: 'us-east-1',
    requestId,
    modelId,
    identity: { arn: 'arn:aws:sts::444455556666:assumed-role/gw/s' },
    requestMetadata: metadata,
    input: { inputTokenCount: 10 },
    output: { outputTokenCount: 1 },
  })
}

let dir: string
let open: LogEngine | undefined

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-log-options-'))
})

afterEach(async () => {
  await open?.close()
  open = undefined
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function load(paths: string[], options: Partial<UsageLogOptions> = {}) {
  open = await openLogEngine()
  return loadUsageLogs(open.engine, paths, { workDirectory: open.workDirectory, ...options })
}

describe('usage-log options', () => {
  it('load the CSV example of docs/usage-logs.md as it describes', async () => {
    const doc = await readFile(join(import.meta.dirname, '../../../docs/usage-logs.md'), 'utf8')
    const example = /```csv\n([\s\S]*?)```/.exec(doc)![1]
    const path = join(dir, 'example.csv')
    await writeFile(path, example)
    const result = await load([path], { accountIds: ['444455556666'] })
    expect(result.problems).toEqual([])
    const rows = await open!.engine.query(
      `SELECT request_id, CAST(ts_utc AS VARCHAR) AS ts, end_user, model_key, cross_region,
         input_tokens, cache_read_tokens, output_tokens, CAST(est_cost_usd AS VARCHAR) AS cost
       FROM usage_log ORDER BY request_id`,
    )
    expect(rows).toEqual([
      {
        request_id: 'req-0001',
        ts: '2026-06-01 09:15:02',
        end_user: 'alice@example.com',
        model_key: 'anthropic.claude-sonnet-4-6',
        cross_region: 'global',
        input_tokens: '1200',
        cache_read_tokens: '24000',
        output_tokens: '310',
        cost: '0.0158000000',
      },
      {
        request_id: 'req-0002',
        ts: '2026-06-01 09:15:40',
        end_user: 'bob@example.com',
        model_key: 'amazon.nova-pro-v1',
        cross_region: 'none',
        input_tokens: '800',
        cache_read_tokens: '0',
        output_tokens: '95',
        cost: '0.0009000000',
      },
    ])
  })

  it('resolve an application inference profile through the map, and keep an unmapped one as its ARN', async () => {
    const path = join(dir, 'profiles.json')
    await writeFile(path, [record('a', PROFILE), record('b', OTHER_PROFILE)].join('\n'))
    await load([path], {
      inferenceProfiles: { [PROFILE]: 'us.anthropic.claude-haiku-4-5-20251001-v1:0' },
    })
    const rows = await open!.engine.query(
      'SELECT request_id, model_raw, model_key, cross_region FROM usage_log ORDER BY request_id',
    )
    expect(rows).toEqual([
      {
        request_id: 'a',
        model_raw: PROFILE,
        model_key: 'anthropic.claude-haiku-4-5',
        cross_region: 'geo',
      },
      { request_id: 'b', model_raw: OTHER_PROFILE, model_key: OTHER_PROFILE, cross_region: null },
    ])
  })

  it('read the end user and team from the requestMetadata keys given', async () => {
    const path = join(dir, 'keys.json')
    await writeFile(path, record('a', 'amazon.nova-pro-v1:0', { user_email: 'zoe@x', squad: 'ml' }))
    await load([path], { metadataKeys: { endUser: 'user_email', team: 'squad' } })
    const rows = await open!.engine.query('SELECT end_user, team, tags FROM usage_log')
    expect(rows).toEqual([
      {
        end_user: 'zoe@x',
        team: 'ml',
        tags: [
          { key: 'user_email', value: 'zoe@x' },
          { key: 'squad', value: 'ml' },
        ],
      },
    ])
  })

  it('stop at a decompression bomb, naming it, and load the rest', async () => {
    const bomb = join(dir, 'bomb.json.gz')
    await writeFile(bomb, gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x20)))
    const good = join(dir, 'good.json')
    await writeFile(good, record('g', 'amazon.nova-pro-v1:0'))
    const result = await load([bomb, good], {
      limits: { maxCompressionRatio: 50, ratioCheckAfterBytes: 1024 * 1024 },
    })
    expect(result.problems.map((p) => [p.code, p.file])).toEqual([['FILE_TOO_LARGE', bomb]])
    expect(result.sources.map((s) => s.path)).toEqual([good])
  })

  it('end a cancelled load with CANCELLED', async () => {
    const path = join(dir, 'cancel.json')
    await writeFile(path, record('a', 'amazon.nova-pro-v1:0'))
    const controller = new AbortController()
    controller.abort()
    await expect(load([path], { signal: controller.signal })).rejects.toMatchObject({
      code: 'CANCELLED',
    })
  })
})
