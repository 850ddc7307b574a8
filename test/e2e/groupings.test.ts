// The auditor's groupings in Chromium through `cur-lens serve`: cost by week across a year boundary,
// a range of usage days picked in Explore, readable principal labels (a gateway role by its session
// count) with their last-seen times, and the groups under a minimum amount summed into one row.
// Figures are summed here from the generator's rows. Screens are saved to test-results/e2e-*.png.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateBilling, writeCur2Parquet, type BillingRow } from '../fixtures/cur-generator.js'
import { toUnits } from '../fixtures/money.js'
import {
  screenshot,
  openServedApp,
  type ServeProcess,
  type ServedApp,
  type WatchedPage,
} from './harness.js'
import { displayedCents, unitsToCents } from './money.js'

const FROM = '2026-12-28'
const TO = '2027-01-03'
const proxy = (i: number) =>
  `arn:aws:sts::111122223333:assumed-role/ProxyRole/u-${String(i).padStart(2, '0')}`

let dir: string
let rows: BillingRow[]
let serve: ServeProcess
let app: ServedApp
let watched: WatchedPage

const usageDay = (row: BillingRow) => row.line_item_usage_start_date.slice(0, 10)
const inRange = (row: BillingRow) => usageDay(row) >= FROM && usageDay(row) <= TO

function mondayOf(row: BillingRow): string {
  const start = Date.parse(`${usageDay(row)}T00:00:00Z`)
  const sinceMonday = (new Date(start).getUTCDay() + 6) % 7
  return new Date(start - sinceMonday * 86_400_000).toISOString().slice(0, 10)
}

function sums(kept: readonly BillingRow[], key: (row: BillingRow) => string): Map<string, bigint> {
  const totals = new Map<string, bigint>()
  for (const row of kept) {
    totals.set(key(row), (totals.get(key(row)) ?? 0n) + toUnits(row.line_item_unblended_cost))
  }
  return totals
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'curlens-e2e-groupings-'))
  const billing = generateBilling({
    seed: 19_1228,
    months: ['2026-12', '2027-01'],
    usageRowsPerMonth: 160,
  })
  // Twelve Bedrock rows of the range move to one role, one session each: a gateway role.
  const moved = billing.rows.filter(
    (r) => r.truth.bedrock && r.line_item_iam_principal !== '' && inRange(r),
  )
  expect(moved.length).toBeGreaterThanOrEqual(12)
  moved.slice(0, 12).forEach((r, i) => (r.line_item_iam_principal = proxy(i + 1)))
  rows = billing.rows
  const exportRoot = await writeCur2Parquet(billing, join(dir, 'export'))
  app = await openServedApp([exportRoot])
  ;({ serve, watched } = app)
})

afterAll(async () => {
  await app?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

/** Each breakdown row's cells by column field, read in one pass. */
function readRows(page: Page): Promise<Record<string, string>[]> {
  return page.$$eval('[data-testid="breakdown-row"]', (found) =>
    found.map((row) =>
      Object.fromEntries(
        [...row.querySelectorAll('[data-field]')].map((cell) => [
          cell.getAttribute('data-field') ?? '',
          cell.textContent?.trim() ?? '',
        ]),
      ),
    ),
  )
}

/** Polls until `ready` accepts the table's rows, and returns them. */
async function rowsWhen(
  page: Page,
  ready: (rows: Record<string, string>[]) => boolean,
): Promise<Record<string, string>[]> {
  let shown: Record<string, string>[] = []
  await expect
    .poll(
      async () => {
        shown = await readRows(page)
        return ready(shown)
      },
      { timeout: 60_000 },
    )
    .toBe(true)
  return shown
}

const sortedCents = (values: Iterable<bigint>) =>
  [...values].map(unitsToCents).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))

describe('groupings in the browser', () => {
  it('shows cost by week, every week to the cent', async () => {
    const { page } = watched
    await page.goto(serve.url)
    await page.getByTestId('nav-explore').click()
    await page.getByTestId('explore-top-n').selectOption('all')
    await page.getByTestId('explore-dimension-1').selectOption('week')
    const weeks = sums(rows, mondayOf)
    const shown = await rowsWhen(
      page,
      (r) => r.length === weeks.size && /Dec 28, 2026/.test(r.map((x) => x.key0).join()),
    )
    const cents = shown
      .map((r) => displayedCents(r.value))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    expect(cents).toEqual(sortedCents(weeks.values()))
    await screenshot(page, 'groupings-by-week')
  })

  it('keeps only the usage days of the range picked, each service to the cent', async () => {
    const { page } = watched
    await page.getByTestId('explore-dimension-1').selectOption('service')
    await page.getByTestId('explore-from').fill(FROM)
    await page.getByTestId('explore-to').fill(TO)
    const expected = sums(rows.filter(inRange), (r) => r.truth.service)
    const shown = await rowsWhen(
      page,
      (r) =>
        r.length === expected.size &&
        r.every(
          (x) =>
            expected.has(x.key0) && displayedCents(x.value) === unitsToCents(expected.get(x.key0)!),
        ),
    )
    expect(shown).toHaveLength(expected.size)
    await screenshot(page, 'groupings-range')
  })

  it('points out a range that ends before it starts, and keeps the last good one', async () => {
    const { page } = watched
    await page.getByTestId('explore-to').fill('2026-12-01')
    await expect
      .poll(() =>
        page.getByRole('alert').filter({ hasText: 'first day is after the last' }).count(),
      )
      .toBe(1)
    await page.getByTestId('explore-to').fill(TO)
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'first day' }).count())
      .toBe(0)
  })

  it('names roles by readable labels, the role with many sessions a gateway role', async () => {
    const { page } = watched
    await page.getByTestId('explore-dimension-1').selectOption('principal')
    await page.getByTestId('explore-level-1').selectOption('role')
    const shown = await rowsWhen(page, (r) =>
      r.some((x) => x.key0.startsWith('gateway role ProxyRole')),
    )
    expect(shown.some((x) => x.key0.startsWith('IAM user alice'))).toBe(
      rows.some((r) => inRange(r) && r.line_item_iam_principal.endsWith(':user/alice')),
    )
    await screenshot(page, 'groupings-roles')
  })

  it('lists each principal with its label and when it was last seen, the ARN a click away', async () => {
    const { page } = watched
    await page.getByTestId('explore-level-1').selectOption('principal')
    const seen = rows
      .filter((r) => inRange(r) && r.line_item_iam_principal === proxy(1))
      .map((r) => r.line_item_usage_start_date)
      .sort()
      .at(-1)!
    const when = new Intl.DateTimeFormat('en-US', {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'UTC',
    }).format(new Date(seen))
    const normal = (text: string) => text.replace(/\s+/g, ' ')
    const shown = await rowsWhen(page, (r) =>
      r.some(
        (x) =>
          x.key0.startsWith('gateway role ProxyRole · u-01') && normal(x.lastSeen) === normal(when),
      ),
    )
    expect(shown.length).toBeGreaterThan(1)
    const cell = page.locator(`[data-value="${proxy(1)}"]`)
    await cell.getByRole('button', { name: `Copy ${proxy(1)}` }).waitFor({ timeout: 10_000 })
    await cell.getByTestId('principal-label').hover()
    await expect
      .poll(() =>
        page
          .getByRole('tooltip')
          .filter({ hasText: proxy(1) })
          .count(),
      )
      .toBe(1)
    await screenshot(page, 'groupings-principals')
  })

  it('sums the principals under a minimum amount into one row, the total unchanged', async () => {
    const { page } = watched
    const byArn = sums(rows.filter(inRange), (r) => r.line_item_iam_principal)
    const dollar = 10_000_000_000n
    const small = [...byArn.values()].filter((u) => (u < 0n ? -u : u) < dollar)
    expect(small.length).toBeGreaterThan(0)
    await page.getByTestId('explore-min-amount').selectOption('1')
    const label = `(${small.length} ${small.length === 1 ? 'group' : 'groups'} under $1.00)`
    // The grid draws only the rows in view: the row of small groups is the last one.
    const scroller = page.locator('[data-testid="breakdown-table"] .MuiDataGrid-virtualScroller')
    const shown = await rowsWhen(page, (r) => {
      void scroller.evaluate((el) => (el.scrollTop = el.scrollHeight))
      return r.some((x) => x.key0 === label)
    })
    const under = shown.find((x) => x.key0 === label)!
    expect(displayedCents(under.value)).toBe(unitsToCents(small.reduce((s, u) => s + u, 0n)))
    const total = page.getByTestId('breakdown-total')
    await expect.poll(() => total.textContent()).toMatch(new RegExp(`^${byArn.size} groups`))
    const rangeTotal = [...byArn.values()].reduce((s, u) => s + u, 0n)
    expect(displayedCents((await total.textContent())!.replace(/^.*Total/, ''))).toBe(
      unitsToCents(rangeTotal),
    )
    await screenshot(page, 'groupings-min-amount')
  })

  it('loaded nothing from outside the server and broke no CSP rule', () => {
    expect(watched.problems).toEqual([])
    expect(watched.foreignRequests).toEqual([])
  })
})
