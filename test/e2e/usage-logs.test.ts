// The Usage logs screen in Chromium through `cur-lens serve`: Bedrock invocation logs added by
// path (web mode), the sources and records the generator wrote, the reconciliation flagging the
// model half of whose calls are in no log, the billed-against-estimated chart, and Explore split
// by user afterwards. Screens: test-results/e2e-usage-logs*.png.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  gatewayLogs,
  generateBilling,
  writeCur2Parquet,
  writeInvocationLogs,
  type GatewayLogs,
} from '../fixtures/cur-generator.js'
import {
  screenshot,
  openServedApp,
  type ServeProcess,
  type ServedApp,
  type WatchedPage,
} from './harness.js'

let dir: string
let logs: GatewayLogs
let serve: ServeProcess
let app: ServedApp
let watched: WatchedPage

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'curlens-e2e-logs-'))
  const billing = generateBilling({ seed: 18 })
  logs = gatewayLogs(billing)
  await writeInvocationLogs(join(dir, 'mil'), logs)
  app = await openServedApp([await writeCur2Parquet(billing, join(dir, 'export'))])
  ;({ serve, watched } = app)
})

afterAll(async () => {
  await app?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('usage logs in the browser', () => {
  it('adds invocation logs by path and shows sources, coverage and the reconciliation', async () => {
    const { page } = watched
    await page.goto(serve.url)
    await page.getByTestId('nav-usage-logs').click({ timeout: 120_000 })
    await page.getByTestId('logs-path').fill(join(dir, 'mil'))
    await page.getByTestId('logs-load').click()
    const coverage = page.getByTestId('logs-coverage')
    await expect
      .poll(async () => (await coverage.textContent()) ?? '', { timeout: 60_000 })
      .toMatch(/\d%$/)
    const sources = page.getByTestId('logs-sources').locator('tbody tr')
    await expect.poll(() => sources.count(), { timeout: 10_000 }).toBeGreaterThan(0)
    const records = await sources.evaluateAll((rows) =>
      rows.reduce((n, r) => n + Number(r.children[2].textContent ?? 0), 0),
    )
    expect(records).toBe(logs.expected.bedrock_mil.records)
    const partly = page
      .getByTestId('reconcile-row')
      .filter({ hasText: 'Claude Sonnet 4.6' })
      .filter({ hasText: 'Calls missing from the logs' })
    await expect.poll(() => partly.count(), { timeout: 30_000 }).toBeGreaterThan(0)
    await page.getByRole('img', { name: 'Billed and estimated cost by day' }).waitFor()
    await page.waitForLoadState('networkidle')
    await screenshot(page, 'usage-logs')
    await page.getByTestId('reconcile-table').scrollIntoViewIfNeeded()
    await screenshot(page, 'usage-logs-reconcile')
    expect(watched.problems).toEqual([])
    expect(watched.foreignRequests).toEqual([])
  })

  it('opens Explore split by the end users the logs name, for the principals they name', async () => {
    const { page } = watched
    await page.getByTestId('logs-explore-users').click()
    const rows = page.getByTestId('breakdown-row')
    await expect
      .poll(async () => (await rows.allTextContents()).join('\n'), { timeout: 60_000 })
      .toMatch(
        /alice@corp\.example[\s\S]*\(unallocated\)|\(unallocated\)[\s\S]*alice@corp\.example/,
      )
    await page.waitForLoadState('networkidle')
    await screenshot(page, 'usage-logs-explore')
    expect(watched.problems).toEqual([])
  })
})
