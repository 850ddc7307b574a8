// Usage logs loaded into an open cost export's own engine (locked down to the export's files and
// its work directory), with the export's accounts: usage_log sits beside `cur`, and the gateway's
// logged tokens per model add up to its billed tokens less what the logs miss.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Dataset } from '../../../core/sources/dataset.js'
import { openDataset } from '../../../core/sources/index.js'
import { loadUsageLogs } from '../../../core/usage-logs/index.js'
import { ACCOUNTS } from '../../fixtures/accounts-and-principals.js'
import {
  gatewayLogs,
  generateBilling,
  writeCur2Parquet,
  writeInvocationLogs,
  type GatewayLogs,
} from '../../fixtures/cur-generator.js'

let dir: string
let dataset: Dataset
let logs: GatewayLogs

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-logs-dataset-'))
  const billing = generateBilling({ seed: 18 })
  logs = gatewayLogs(billing)
  await writeCur2Parquet(billing, join(dir, 'cur'))
  await writeInvocationLogs(join(dir, 'logs'), logs)
  dataset = await openDataset([join(dir, 'cur')])
})

afterAll(async () => {
  await dataset?.close()
  await rm(dir, { recursive: true, force: true })
})

describe('usage logs beside an open cost export', () => {
  it('load into its engine, knowing its accounts', async () => {
    // The export's usage accounts, as the session passes them (core/reports/usage-logs.ts).
    const accountIds = ACCOUNTS.map((a) => a.id)
    const result = await loadUsageLogs(dataset.engine, [join(dir, 'logs')], {
      workDirectory: dataset.workDirectory,
      accountIds,
    })
    expect(result.problems.map((p) => p.code)).toEqual(['OTHER_ACCOUNT'])
    const [{ rows }] = await dataset.engine.query<{ rows: string }>(
      'SELECT count(*) AS rows FROM usage_log',
    )
    expect(Number(rows)).toBe(logs.expected.bedrock_mil.records)
  })

  it("give per model the gateway's billed tokens less the known missing ones", async () => {
    const logged = await dataset.engine.query<{ model_key: string; tokens: string }>(
      `SELECT model_key,
         sum(input_tokens + cache_read_tokens + cache_write_tokens + output_tokens) AS tokens
       FROM usage_log GROUP BY model_key`,
    )
    const expected = new Map<string, number>()
    for (const b of logs.cur) expected.set(b.modelKey, (expected.get(b.modelKey) ?? 0) + b.tokens)
    for (const m of logs.expected.bedrock_mil.missing) {
      expected.set(m.modelKey, expected.get(m.modelKey)! - m.tokens)
    }
    for (const [key, tokens] of expected) if (tokens === 0) expected.delete(key)
    expect(Object.fromEntries(logged.map((r) => [r.model_key, Number(r.tokens)]))).toEqual(
      Object.fromEntries(expected),
    )
  })
})
