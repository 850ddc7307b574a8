// The Compare screen in Chromium through `cur-lens serve`, as a consultant uses it: the export of
// the 3rd is open, the delivery of the 15th is opened by path beside it, and the screen shows the
// change by service (checked to the cent against the generator's rows), the totals per month and
// the line items added, removed and changed; then two months of the one export.
// Screens: test-results/e2e-compare-*.png.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateBilling, writeCur2Parquet, type Billing } from '../fixtures/cur-generator.js'
import { laterDelivery, type LaterDelivery } from '../fixtures/later-delivery.js'
import { formatUnits, toUnits } from '../fixtures/money.js'
import {
  screenshot,
  openServedApp,
  type ServeProcess,
  type ServedApp,
  type WatchedPage,
} from './harness.js'

const MONTH = '2026-06'

let dir: string
let earlier: Billing
let later: LaterDelivery
let fifteenth: string
let serve: ServeProcess
let app: ServedApp
let watched: WatchedPage

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'curlens-e2e-compare-'))
  earlier = generateBilling({ seed: 19_06, usageRowsPerMonth: 120 })
  later = laterDelivery(earlier, { seed: 19_18, month: MONTH })
  const third = await writeCur2Parquet(earlier, join(dir, 'third'))
  fifteenth = await writeCur2Parquet(later.billing, join(dir, 'fifteenth'))
  app = await openServedApp([third])
  ;({ serve, watched } = app)
})

afterAll(async () => {
  await app?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

/** "$1,234.56" (en-US, as the app formats money), "-$3.67" for a fall, from exact units. */
function dollars(units: bigint): string {
  const cents = ((units < 0n ? -units : units) + 50_000_000n) / 100_000_000n
  const text = (Number(cents) / 100).toLocaleString('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  })
  return `${units < 0n ? '-' : ''}$${text}`
}

function bedrockChange(): bigint {
  const sum = (b: Billing) =>
    b.rows
      .filter((r) => r.truth.service === 'Amazon Bedrock')
      .reduce((total, r) => total + toUnits(r.line_item_unblended_cost), 0n)
  return sum(later.billing) - sum(earlier)
}

describe('the Compare screen in the browser', () => {
  it('opens a second delivery by path and shows the change by service and the line items', async () => {
    const { page } = watched
    await page.goto(serve.url)
    await page.getByTestId('overview-total').waitFor({ timeout: 60_000 })
    await page.getByTestId('nav-compare').click()
    await page.getByTestId('compare-path-input').fill(fifteenth)
    await page.getByTestId('compare-path-button').click()
    await page.getByTestId('comparison-name').waitFor({ timeout: 60_000 })
    const groups = page.getByTestId('compare-groups-row')
    await groups.first().waitFor({ timeout: 60_000 })
    const bedrock = groups.filter({ hasText: 'Amazon Bedrock' })
    const change = bedrockChange()
    expect(change).not.toBe(0n)
    await expect
      .poll(() => bedrock.locator('td').nth(3).innerText(), { timeout: 30_000 })
      .toBe(`${change > 0n ? '+' : ''}${dollars(change)}`)
    const months = page.getByTestId('compare-months-row')
    await expect.poll(() => months.count(), { timeout: 30_000 }).toBe(3)
    await page.getByTestId('line-changes').waitFor({ timeout: 60_000 })
    await expect(page.getByTestId('matched-by').innerText()).resolves.toContain(
      'line item id and usage time',
    )
    const added = later.kinds.added
    await expect(page.getByTestId('lines-added').innerText()).resolves.toBe(
      `${added.lines} added · ${dollars(BigInt(added.change.replace('.', '')))}`,
    )
    await screenshot(page, 'compare-deliveries')
    await page.getByTestId('line-changes').scrollIntoViewIfNeeded()
    await screenshot(page, 'compare-lines')
    expect(watched.problems).toEqual([])
    expect(watched.foreignRequests).toEqual([])
  })

  it('compares two months of the open export', async () => {
    const { page } = watched
    await page.getByTestId('compare-mode').getByRole('button', { name: 'Two months' }).click()
    await page.getByTestId('compare-old-month').selectOption('2026-05')
    await page.getByTestId('compare-new-month').selectOption(MONTH)
    const inMonth = (m: string) =>
      earlier.rows
        .filter((r) => r.bill_billing_period_start_date.startsWith(m))
        .reduce((total, r) => total + toUnits(r.line_item_unblended_cost), 0n)
    const total = page.getByTestId('compare-groups').locator('tr', { hasText: 'Total' })
    await expect
      .poll(() => total.locator('td').nth(1).innerText(), { timeout: 30_000 })
      .toBe(dollars(inMonth('2026-05')))
    // The new month's figures replace the default month's once its query answers.
    await expect
      .poll(() => total.locator('td').nth(2).innerText(), { timeout: 30_000 })
      .toBe(dollars(inMonth(MONTH)))
    expect(formatUnits(inMonth(MONTH))).not.toBe(formatUnits(inMonth('2026-05')))
    await screenshot(page, 'compare-months')
    expect(watched.problems).toEqual([])
  })
})
