// The generated gateway's logs load into usage_log with exactly the figures the generator chose:
// tokens per end user, day, model and token type, failed calls and other accounts left out,
// repeated records counted once, and the partly logged model short by its known missing share.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { loadUsageLogs, type UsageLogLoad } from '../../../core/usage-logs/index.js'
import { ACCOUNTS } from '../../fixtures/accounts-and-principals.js'
import { generateBilling } from '../../fixtures/cur-generator.js'
import {
  gatewayLogs,
  inSource,
  type GatewayLogs,
  type LogSource,
} from '../../fixtures/usage-log-calls.js'
import {
  langfuseSpans,
  writeFilterLogEvents,
  writeLangfuseExport,
  writeInvocationLogs,
  writeLogsExportTask,
  writeSpendLogsCsv,
  writeSpendLogsJson,
  writeUsageCsv,
} from '../../fixtures/writers-usage-logs.js'
import { openLogEngine, sortTokens, tokensByUser, type LogEngine } from './log-engine.js'

let dir: string
let logs: GatewayLogs
let open: LogEngine | undefined
const accountIds = ACCOUNTS.map((a) => a.id)

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-gateway-logs-'))
  logs = gatewayLogs(generateBilling({ seed: 18 }))
  await writeInvocationLogs(join(dir, 'mil'), logs)
  await writeUsageCsv(join(dir, 'usage.csv'), logs)
  await writeSpendLogsCsv(join(dir, 'litellm'), logs)
})

afterEach(async () => {
  await open?.close()
  open = undefined
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function load(paths: string[]): Promise<UsageLogLoad> {
  open = await openLogEngine()
  return loadUsageLogs(open.engine, paths, {
    workDirectory: open.workDirectory,
    accountIds,
    gatewayPrincipalArn: logs.gatewayArn,
  })
}

function skipped(result: UsageLogLoad) {
  const sum = (k: keyof UsageLogLoad['sources'][number]['skipped']) =>
    result.sources.reduce((total, s) => total + s.skipped[k], 0)
  return {
    records: result.sources.reduce((total, s) => total + s.records, 0),
    failed: sum('failed'),
    otherAccount: sum('otherAccount'),
    duplicates: sum('duplicates'),
    unreadable: sum('unreadable'),
  }
}

describe.each<[LogSource, string, string]>([
  ['bedrock_mil', 'mil', 'bedrock-invocation-logs'],
  ['csv', 'usage.csv', 'usage-csv'],
  ['litellm', 'litellm', 'litellm-spend-logs'],
])('the generated %s logs', (source, path, format) => {
  it('give each end user the tokens the generator split to them, per day, model and token type', async () => {
    const result = await load([join(dir, path)])
    const expected = logs.expected[source]
    expect(sortTokens(await tokensByUser(open!.engine, source))).toEqual(
      sortTokens(expected.tokens),
    )
    expect(result.sources.every((s) => s.format === format)).toBe(true)
    expect(skipped(result)).toEqual({
      records: expected.records,
      failed: expected.failed,
      otherAccount: expected.otherAccount,
      duplicates: expected.duplicates,
      unreadable: 0,
    })
    const [{ rows }] = await open!.engine.query<{ rows: string }>(
      'SELECT count(*) AS rows FROM usage_log',
    )
    expect(Number(rows)).toBe(expected.records)
  })

  it('name the other account once per file that holds it, and nothing else', async () => {
    const result = await load([join(dir, path)])
    expect(result.problems.map((p) => p.code)).toEqual(
      logs.expected[source].otherAccount > 0 ? ['OTHER_ACCOUNT'] : [],
    )
    if (result.problems.length > 0) expect(result.problems[0].message).toContain('999988887777')
  })

  it('lack the known missing share of the partly logged model', async () => {
    await load([join(dir, path)])
    const { modelKey, curTokens, missingTokens } = logs.partlyMissing
    expect(missingTokens).toBeGreaterThan(0)
    const [{ tokens }] = await open!.engine.query<{ tokens: string }>(
      `SELECT sum(input_tokens + cache_read_tokens + cache_write_tokens + output_tokens) AS tokens
       FROM usage_log WHERE model_key = $modelKey`,
      { modelKey },
    )
    expect(Number(tokens)).toBe(curTokens - missingTokens)
  })
})

describe('the generated invocation logs', () => {
  it('skip the body files and the permission-check object of the S3 layout', async () => {
    const result = await load([join(dir, 'mil')])
    expect(result.sources.some((s) => /\/data\/|permission-check/.test(s.path))).toBe(false)
    expect(result.problems.filter((p) => p.code !== 'OTHER_ACCOUNT')).toEqual([])
  })

  it('read global profiles and their ARNs as global calls of the base model', async () => {
    await load([join(dir, 'mil')])
    const rows = await open!.engine.query<{
      model_raw: string
      model_key: string
      cross_region: string
    }>(
      `SELECT DISTINCT model_raw, model_key, cross_region FROM usage_log
       WHERE model_raw LIKE 'arn:%' OR model_raw LIKE 'global.%'`,
    )
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) {
      expect(row.cross_region).toBe('global')
      expect(row.model_raw).toContain(row.model_key)
    }
  })

  it('bucket each call by its UTC day, whatever the zone the time was written in', async () => {
    await load([join(dir, 'usage.csv')])
    const rows = await open!.engine.query<{ request_id: string; ts: string }>(
      "SELECT request_id, strftime(ts_utc, '%Y-%m-%dT%H:%M:%SZ') AS ts FROM usage_log",
    )
    const byId = new Map(logs.calls.map((c) => [c.gatewayId, c.ts]))
    for (const row of rows) expect(row.ts).toBe(byId.get(row.request_id))
  })
})

describe('the generated LiteLLM spend logs', () => {
  it('count cache reads once: uncached input is prompt_tokens less the cache reads', async () => {
    await load([join(dir, 'litellm')])
    const inputs = await open!.engine.query<{ request_id: string; input: string; read: string }>(
      'SELECT request_id, input_tokens AS input, cache_read_tokens AS read FROM usage_log',
    )
    const byId = new Map(logs.calls.map((c) => [c.gatewayId, c.tokens]))
    for (const row of inputs) {
      expect(Number(row.input)).toBe(byId.get(row.request_id)!.input)
      expect(Number(row.read)).toBe(byId.get(row.request_id)!['cache-read'])
    }
  })

  it('give the same rows from the API JSON export as from the CSV export', async () => {
    const path = join(dir, 'spend-logs.json')
    await writeSpendLogsJson(path, logs)
    const result = await load([path])
    expect(result.problems).toEqual([])
    expect(result.sources.map((s) => s.format)).toEqual(['litellm-spend-logs'])
    const expected = logs.expected.litellm
    expect(sortTokens(await tokensByUser(open!.engine, 'litellm'))).toEqual(
      sortTokens(expected.tokens),
    )
    expect(result.sources[0].skipped.failed).toBe(expected.failed)
  })

  it('carry the gateway role as principal and the Region of the endpoint', async () => {
    await load([join(dir, 'litellm')])
    const rows = await open!.engine.query<{ principal_arn: string; region: string; n: string }>(
      'SELECT principal_arn, region, count(*) AS n FROM usage_log GROUP BY ALL ORDER BY region',
    )
    const loaded = inSource(logs.calls, 'litellm').filter((c) => !c.failed)
    const regions = [...new Set(loaded.map((c) => c.region))]
    expect(rows.map((r) => r.principal_arn)).toEqual(rows.map(() => logs.gatewayArn))
    expect(rows.map((r) => r.region).sort()).toEqual(regions.sort())
  })
})

describe('the generated invocation logs from CloudWatch Logs', () => {
  it.each([
    ['filter-log-events JSON', 'cloudwatch-events', 'events.json', writeFilterLogEvents],
    ['an export task', 'cloudwatch-export', 'cw-export', writeLogsExportTask],
  ])('as %s give the tokens of the S3 delivery', async (_, format, name, write) => {
    const path = join(dir, name)
    await write(path, logs)
    const result = await load([path])
    expect(result.sources.length).toBeGreaterThan(0)
    expect(result.sources.every((s) => s.format === format)).toBe(true)
    expect(result.problems.map((p) => p.code)).toEqual(['OTHER_ACCOUNT'])
    const expected = logs.expected.bedrock_mil
    expect(sortTokens(await tokensByUser(open!.engine, 'bedrock_mil'))).toEqual(
      sortTokens(expected.tokens),
    )
    expect(skipped(result)).toMatchObject({
      records: expected.records,
      failed: expected.failed,
      otherAccount: expected.otherAccount,
    })
  })
})

describe.each(['parquet', 'csv', 'jsonl'] as const)(
  'a generated Langfuse export as %s',
  (format) => {
    it('gives the tokens of the gateway, each observation once, spans passed over', async () => {
      const path = join(dir, `langfuse-${format}`)
      await writeLangfuseExport(path, logs, format)
      const result = await load([path])
      expect(result.problems).toEqual([])
      expect(result.sources.map((s) => s.format)).toEqual([
        'langfuse-observations',
        'langfuse-observations',
      ])
      const expected = logs.expected.langfuse
      expect(sortTokens(await tokensByUser(open!.engine, 'langfuse'))).toEqual(
        sortTokens(expected.tokens),
      )
      expect(skipped(result)).toEqual({
        records: expected.records,
        failed: expected.failed,
        otherAccount: 0,
        duplicates: expected.duplicates,
        unreadable: 0,
      })
      const spans = result.sources.reduce((sum, s) => sum + s.skipped.notCalls, 0)
      expect(spans).toBe(langfuseSpans(logs))
    })
  },
)
