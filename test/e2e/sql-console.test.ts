// The SQL screen in Chromium through `cur-lens serve`, as an auditor uses it: a query typed in the
// editor with a column completed from the schema, run with Ctrl+Enter, its result paged and
// exported as CSV (checked to the cent against the generator), a refused statement, a cancelled
// cross join. CodeMirror's run-time styles must pass the strict CSP. Screens: test-results/e2e-sql-*.png.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { trimDecimal } from '../../core/format/sql-values.js'
import { generateBilling, writeCur2Parquet, type Billing } from '../fixtures/cur-generator.js'
import { formatUnits, toUnits } from '../fixtures/money.js'
import {
  screenshot,
  openServedApp,
  type ServeProcess,
  type ServedApp,
  type WatchedPage,
} from './harness.js'

const QUERY = `SELECT usage_start, service, unblended_cost
FROM cur
ORDER BY unblended_cost DESC, usage_start, service`

let dir: string
let billing: Billing
let serve: ServeProcess
let app: ServedApp
let watched: WatchedPage

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'curlens-e2e-sql-'))
  billing = generateBilling({ seed: 20261207, usageRowsPerMonth: 120 })
  app = await openServedApp([await writeCur2Parquet(billing, join(dir, 'export'))])
  ;({ serve, watched } = app)
})

afterAll(async () => {
  await app?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

/** Unblended costs largest first, as the grid shows them (plain decimals, no trailing zeros). */
function costsDescending(): string[] {
  return billing.rows
    .map((row) => toUnits(row.line_item_unblended_cost))
    .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))
    .map((units) => trimDecimal(formatUnits(units)))
}

/** Replaces the editor's text, as a paste would (no completion pops up on the way). */
async function typeQuery(page: Page, sql: string) {
  await page.locator('[data-testid="sql-input"]').click()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.insertText(sql)
}

function firstCost(page: Page): Promise<string> {
  return page.locator('[data-testid="sql-row"]').first().locator('[data-field="c2"]').innerText()
}

describe('the SQL console in the browser', () => {
  it('runs a typed query with Ctrl+Enter, after completing a column from the schema', async () => {
    const { page } = watched
    await page.goto(serve.url)
    await page.getByTestId('overview-total').waitFor({ timeout: 60_000 })
    await page.getByTestId('nav-sql').click()
    await page.getByTestId('sql-view-cur_attributed').waitFor({ timeout: 60_000 })
    await typeQuery(page, 'SELECT principal_pers')
    await page.keyboard.press('Control+Space')
    const option = page.locator('.cm-tooltip-autocomplete li', { hasText: 'principal_person' })
    await option.first().waitFor({ timeout: 10_000 })
    await screenshot(page, 'sql-completion')
    await page.keyboard.press('Enter')
    await expect
      .poll(async () => (await page.getByTestId('sql-input').innerText()).trim())
      .toBe('SELECT principal_person')

    await typeQuery(page, QUERY)
    await page.keyboard.press('ControlOrMeta+Enter')
    const count = page.getByTestId('sql-row-count')
    await expect
      .poll(() => count.textContent(), { timeout: 60_000 })
      .toBe(`${billing.rows.length.toLocaleString('en-US')} rows · 3 columns`)
    await expect.poll(() => firstCost(page), { timeout: 10_000 }).toBe(costsDescending()[0])
    await screenshot(page, 'sql-result')
  })

  it('pages through the result, 100 rows at a time', async () => {
    const { page } = watched
    const total = billing.rows.length.toLocaleString('en-US')
    await page.getByTestId('sql-pager').getByRole('combobox').click()
    await page.getByRole('option', { name: '100', exact: true }).click()
    const range = page.getByTestId('sql-pager').locator('.MuiTablePagination-displayedRows')
    await expect.poll(() => range.textContent(), { timeout: 30_000 }).toBe(`1–100 of ${total}`)
    await page.getByRole('button', { name: 'Go to next page' }).click()
    await expect.poll(() => range.textContent(), { timeout: 30_000 }).toBe(`101–200 of ${total}`)
    // The grid applies new rows a frame after the pager shows the new range.
    await expect.poll(() => firstCost(page), { timeout: 10_000 }).toBe(costsDescending()[100])
    expect(await page.getByTestId('sql-row').count()).toBeGreaterThan(0)
    await screenshot(page, 'sql-page-2')
  })

  it('exports the whole result as CSV that adds up to the bill', async () => {
    const { page } = watched
    const downloading = page.waitForEvent('download')
    await page.getByTestId('sql-export-button').click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/^cur-lens-query-\d{4}-\d{2}-\d{2}\.csv$/)
    const csv = await readFile(await download.path(), 'utf8')
    expect(csv.startsWith('\uFEFFusage_start,service,unblended_cost\r\n')).toBe(true)
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data.slice(1)
    expect(rows).toHaveLength(billing.rows.length)
    const units = rows.reduce((sum, [, , cost]) => sum + BigInt(cost.replace('.', '')), 0n)
    expect(formatUnits(units)).toBe(billing.expected.totals.unblended)
    await expect
      .poll(() => page.getByTestId('sql-export-note').textContent())
      .toMatch(new RegExp(`: ${billing.rows.length.toLocaleString('en-US')} rows\\.$`))
    await screenshot(page, 'sql-export')
  })

  it('refuses a statement that is not a SELECT, and says why', async () => {
    const { page } = watched
    await typeQuery(page, 'DROP VIEW cur')
    await page.getByTestId('sql-run-button').click()
    const error = page.getByTestId('sql-error')
    await error.waitFor({ timeout: 30_000 })
    expect(await error.textContent()).toContain('Query refused')
    expect(await error.textContent()).toContain('Only a SELECT query can run here')
    await screenshot(page, 'sql-refused')
  })

  it('cancels a 10-billion-row cross join, then runs the next query', async () => {
    const { page } = watched
    await typeQuery(page, 'SELECT count(*) FROM range(100000) AS a, range(100000) AS b')
    await page.getByTestId('sql-run-button').click()
    await page.getByTestId('sql-cancel-button').click({ timeout: 30_000 })
    await page.getByTestId('sql-cancelled').waitFor({ timeout: 10_000 })
    await typeQuery(
      page,
      "SELECT count(*) AS bedrock_rows FROM cur WHERE service = 'Amazon Bedrock'",
    )
    await page.getByTestId('sql-run-button').click()
    await expect
      .poll(() => page.getByTestId('sql-row-count').textContent(), { timeout: 30_000 })
      .toBe('1 row · 1 column')
  })

  it('styles the editor under the strict CSP, loads nothing from elsewhere and breaks no CSP rule', async () => {
    const { page } = watched
    // Blocked run-time styles would leave CodeMirror's gutter without its border and colours.
    const gutter = await page
      .locator('.cm-gutters')
      .evaluate(
        (element) => element.ownerDocument.defaultView?.getComputedStyle(element).borderRightStyle,
      )
    expect(gutter).toBe('solid')
    expect(watched.foreignRequests).toEqual([])
    expect(watched.problems).toEqual([])
  })
})
