// The app in Chromium through `cur-lens serve`, as a user drives it: a generated CUR 2.0 export
// opened from the command line, the overview total, a breakdown by team (and its workbook), a
// drill-down, rules uploaded from a file, a chargeback downloaded as a workbook and as a zip and
// read back, a month with two deliveries, and a corrupt file. Figures are checked against the
// generator's own sums, to the cent. Screens are saved to test-results/e2e-*.png.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateBilling, writeCur2Parquet, type Billing } from '../fixtures/cur-generator.js'
import { toUnits as costUnits } from '../fixtures/money.js'
import { readWorkbook } from '../fixtures/read-workbook.js'
import {
  ROOT,
  screenshot,
  openServedApp,
  type ServeProcess,
  type ServedApp,
  type WatchedPage,
} from './harness.js'
import { centsOf, displayedCents, sumDecimals, unitsToCents } from './money.js'

const TEAM_TAG = 'tag:iamPrincipal/team'

let dir: string
let billing: Billing
let serve: ServeProcess
let app: ServedApp
let watched: WatchedPage

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'curlens-e2e-'))
  billing = generateBilling({ seed: 20261123, usageRowsPerMonth: 240 })
  const exportRoot = await writeCur2Parquet(billing, join(dir, 'export'))
  await writeFile(
    join(dir, 'corrupt.parquet'),
    Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(2048, 0x5a), Buffer.from('PAR1')]),
  )
  app = await openServedApp([exportRoot])
  ;({ serve, watched } = app)
})

afterAll(async () => {
  await app?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

/** Label → displayed value of each breakdown row, read in one pass. */
async function write(path: string, content: string) {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, content)
}

function readBreakdown(page: Page): Promise<Map<string, string>> {
  return page
    .$$eval('[data-testid="breakdown-row"]', (rows) =>
      rows.map((row) => [
        row.querySelector('[data-field="key0"]')?.textContent?.trim() ?? '',
        row.querySelector('[data-field="value"]')?.textContent?.trim() ?? '',
      ]),
    )
    .then((pairs) => new Map(pairs as [string, string][]))
}

/** The principal ARN with the highest unblended cost, its row count and that cost. */
function biggestPrincipal(): { arn: string; rows: number; units: bigint } {
  const byArn = new Map<string, { rows: number; units: bigint }>()
  for (const row of billing.rows) {
    const arn = row.line_item_iam_principal
    if (!arn) continue
    const sum = byArn.get(arn) ?? { rows: 0, units: 0n }
    byArn.set(arn, {
      rows: sum.rows + 1,
      units: sum.units + costUnits(row.line_item_unblended_cost),
    })
  }
  const [arn, sum] = [...byArn].sort((a, b) => (a[1].units < b[1].units ? 1 : -1))[0]
  return { arn, ...sum }
}

/** Unblended cost by the iamPrincipal/team tag, over every row, from the generator's choices. */
function expectedByTeam(): Map<string, bigint> {
  const sums = new Map<string, bigint>()
  for (const row of billing.rows) {
    const team = row.truth.team
    if (team === undefined) continue
    sums.set(team, (sums.get(team) ?? 0n) + costUnits(row.line_item_unblended_cost))
  }
  return sums
}

describe('CUR Lens in the browser (local web mode)', () => {
  it('starts on the overview of the export given on the command line, with the bill total to the cent', async () => {
    const { page } = watched
    await page.goto(serve.url)
    const total = page.getByTestId('overview-total')
    await expect
      .poll(async () => (await total.textContent()) ?? '', { timeout: 60_000 })
      .toMatch(/\d\.\d\d/)
    expect(displayedCents((await total.textContent()) ?? '')).toBe(
      centsOf(billing.expected.totals.unblended),
    )
    await page.waitForLoadState('networkidle')
    await screenshot(page, 'overview')
  })

  it('breaks the cost down by the team tag, each team to the cent', async () => {
    const { page } = watched
    await page.getByTestId('nav-explore').click()
    await page.getByTestId('explore-dimension-1').selectOption(TEAM_TAG)
    const expected = expectedByTeam()
    // The table is replaced when the query changes: wait until it shows every team, then read it
    // in one pass inside the page.
    let shown = new Map<string, string>()
    await expect
      .poll(
        async () => {
          shown = await readBreakdown(page)
          return [...expected.keys()].filter((team) => !shown.has(team))
        },
        { timeout: 60_000 },
      )
      .toEqual([])
    for (const [team, units] of expected) {
      expect(displayedCents(shown.get(team) ?? ''), `team ${team}`).toBe(unitsToCents(units))
    }
    await screenshot(page, 'explore-by-team')

    // The same breakdown downloaded as a workbook: each team's cost a number, to the cent.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('breakdown-xlsx-button').click(),
    ])
    const file = join(dir, 'downloads', download.suggestedFilename())
    await download.saveAs(file)
    const sheet = (await readWorkbook(file)).getWorksheet('Breakdown')!
    const inWorkbook = new Map<string, number>()
    for (let r = 2; sheet.getRow(r).getCell(1).value !== null; r++) {
      inWorkbook.set(
        String(sheet.getRow(r).getCell(1).value),
        sheet.getRow(r).getCell(2).value as number,
      )
    }
    for (const [team, units] of expected) {
      expect(BigInt(Math.round(inWorkbook.get(team)! * 100)), `team ${team}`).toBe(
        unitsToCents(units),
      )
    }

    // The chart answers the keyboard as the table does: Tab to a bar, Enter filters to it.
    await page.locator('[data-testid="breakdown-chart"] rect[tabindex="0"]').first().focus()
    await screenshot(page, 'explore-bar-focused')
    await page.keyboard.press('Enter')
    const chip = page.getByTestId('filter-chip')
    await expect.poll(() => chip.count(), { timeout: 30_000 }).toBe(1)
    expect(await chip.textContent()).toMatch(/team/i)
    await chip.locator('.MuiChip-deleteIcon').click()
    await expect.poll(() => chip.count(), { timeout: 30_000 }).toBe(0)
  })

  it('drills down from a principal to its line items, with their count and cost', async () => {
    const { page } = watched
    const { arn, rows, units } = biggestPrincipal()
    await page.getByTestId('explore-dimension-1').selectOption('principal')
    // Each principal cell holds its ARN (and shows its label beside the short ARN).
    const cell = page.locator(`[data-field="key0"]:has([data-value="${arn}"])`)
    await cell.first().waitFor({ timeout: 60_000 })
    await cell.first().click()
    const table = page.getByTestId('drilldown-table')
    const subtitle = page.locator('#drilldown-title p').first()
    let heading: RegExpExecArray | null = null
    await expect
      .poll(
        async () =>
          (heading = /^([\d,]+) line items · (.+)$/.exec((await subtitle.textContent()) ?? '')),
        { timeout: 60_000 },
      )
      .not.toBeNull()
    expect(Number(heading![1].replaceAll(',', ''))).toBe(rows)
    expect(displayedCents(heading![2])).toBe(unitsToCents(units))
    await expect
      .poll(() => table.locator('.MuiDataGrid-row').count(), { timeout: 60_000 })
      .toBeGreaterThan(0)
    await screenshot(page, 'drilldown')
    await page.keyboard.press('Escape')
    await table.waitFor({ state: 'detached', timeout: 10_000 })
  })

  it('loads mapping rules from a plain rules file uploaded through the browser', async () => {
    const { page } = watched
    const rulesFile = join(ROOT, 'resources', 'demo', 'rules.json')
    const expected = (JSON.parse(await readFile(rulesFile, 'utf8')) as { rules: unknown[] }).rules
    await page.getByTestId('nav-chargeback').click()
    await page.getByTestId('load-rules-button').click()
    await page.getByTestId('rules-file-upload').setInputFiles(rulesFile)
    await page.getByText(`Loaded ${expected.length} rules.`).waitFor({ timeout: 30_000 })
    await screenshot(page, 'rules-upload')
    // The Load button drops focus when it disables itself, until MUI's focus trap takes it back;
    // on a busy machine an Escape pressed in between goes nowhere. A click does not need focus.
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: 'Close' }).click()
    await dialog.waitFor({ state: 'detached', timeout: 10_000 })
    await expect
      .poll(() => page.getByTestId('rule-row').count(), { timeout: 30_000 })
      .toBe(expected.length)
  })

  it('downloads the chargeback by team as a workbook that reads back to the amortized bill', async () => {
    const { page } = watched
    await page.getByTestId('nav-chargeback').click()
    await page.getByTestId('chargeback-quick-mode').click()
    await page.getByTestId('chargeback-by').selectOption(TEAM_TAG)
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('download-xlsx-button').click(),
    ])
    const file = join(dir, 'downloads', download.suggestedFilename())
    await download.saveAs(file)
    await page.getByTestId('download-result').waitFor({ timeout: 30_000 })
    await page.getByTestId('download-result').scrollIntoViewIfNeeded()
    await screenshot(page, 'chargeback-download')

    expect(download.suggestedFilename()).toMatch(/^chargeback-[\w-]+\.xlsx$/)
    const workbook = await readWorkbook(file)
    const summary = workbook.getWorksheet('Summary')!
    expect(summary.getRow(1).values).toEqual([
      undefined,
      'recipient',
      'kind',
      'period',
      'basis',
      'direct',
      'shared',
      'total',
    ])
    const recipients: string[] = []
    let cents = 0n
    for (let r = 2; summary.getRow(r).getCell(1).value !== null; r++) {
      recipients.push(summary.getRow(r).getCell(1).value as string)
      cents += BigInt(Math.round((summary.getRow(r).getCell(7).value as number) * 100))
    }
    // Statements are rounded to cents so that they add up to the bill rounded to cents.
    expect(cents).toBe(centsOf(billing.expected.totals.amortized))
    for (const team of expectedByTeam().keys()) {
      expect(recipients, team).toContain(team)
      expect(workbook.getWorksheet(team), team).toBeDefined()
    }
    expect(workbook.worksheets.map((s) => s.name).slice(-2)).toEqual(['Allocations', 'Metadata'])

    const [zipped] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('download-zip-button').click(),
    ])
    const zipFile = join(dir, 'downloads', zipped.suggestedFilename())
    await zipped.saveAs(zipFile)
    const entries = unzipSync(new Uint8Array(await readFile(zipFile)))
    expect(Object.keys(entries)).toEqual(
      expect.arrayContaining([
        'chargeback-summary.csv',
        'chargeback-allocations.csv',
        'chargeback-metadata.json',
        ...[...expectedByTeam().keys()].map((team) => `statement-${team}.csv`),
      ]),
    )
    const csv = strFromU8(entries['chargeback-summary.csv'])
    const totals = csv
      .slice(1)
      .split('\r\n')
      .slice(1)
      .filter((l) => l.length > 0)
      .map((l) => l.split(',').at(-1) ?? '')
    expect(unitsToCents(sumDecimals(totals))).toBe(centsOf(billing.expected.totals.amortized))
  })

  it('spreads tax by fixed percentages typed per team, refusing a total other than 100', async () => {
    const { page } = watched
    const tax = page.getByTestId('bucket-tax')
    await tax.getByRole('button', { name: 'Fixed %' }).click()
    const fields = tax.getByTestId('fixed-percentage')
    const total = tax.getByTestId('fixed-percentage-total')
    expect(await total.textContent()).toBe('Total 100 %')
    const teams = await fields.count()
    expect(teams).toBeGreaterThan(1)
    await fields.first().fill('100')
    for (let i = 1; i < teams; i++) await fields.nth(i).fill('0')
    const allocations = page.getByTestId('allocations')
    await expect
      .poll(async () => (await allocations.textContent()) ?? '', { timeout: 30_000 })
      .toMatch(/split by fixed percentages: [^,]+ 100/)
    await tax.scrollIntoViewIfNeeded()
    await screenshot(page, 'chargeback-fixed-percentages')

    await fields.first().fill('90')
    expect(await total.textContent()).toBe('Total 90 %, must be 100 %')
    await expect
      .poll(async () => (await page.getByTestId('error-message').first().textContent()) ?? '', {
        timeout: 30_000,
      })
      .toContain('add up to 90, not 100')
    await tax.getByRole('button', { name: 'Proportional' }).click()
  })

  it('names the statement lines by role when the user picks it', async () => {
    const { page } = watched
    const detail = page.getByTestId('line-detail')
    await detail.getByRole('button', { name: 'Role', exact: true }).click()
    await page
      .getByTestId('statement-row')
      .first()
      .getByRole('button', { name: /^Show lines of / })
      .click()
    const lines = page.getByRole('table', { name: /^Lines of / })
    await lines.getByRole('columnheader', { name: 'Role or user' }).waitFor({ timeout: 30_000 })
    const roles = new Set(billing.rows.map((row) => row.truth.role))
    // A labelled line holds its role name beside the label ("service role BackendDev").
    const named = await lines
      .locator('tbody tr td:nth-child(3)')
      .evaluateAll((cells) =>
        cells.map(
          (c) => c.querySelector('[data-value]')?.getAttribute('data-value') ?? c.textContent,
        ),
      )
    expect(named.length).toBeGreaterThan(0)
    for (const role of named) expect(role === '—' || roles.has(role ?? ''), role).toBe(true)
    const labelled = await lines.getByTestId('principal-label').allTextContents()
    expect(
      labelled.some((l) => /^(service role|SSO: |IAM user |API key |gateway role )/.test(l)),
    ).toBe(true)
    await screenshot(page, 'chargeback-lines-by-role')
    await detail.getByRole('button', { name: 'Full ARN', exact: true }).click()
  })

  it('says in About what the cache keeps where, and clears it', async () => {
    const { page } = watched
    await page.getByRole('button', { name: 'About CUR Lens' }).click()
    const settings = page.getByTestId('cache-settings')
    await settings.waitFor({ timeout: 30_000 })
    const location = page.getByTestId('cache-location')
    await expect.poll(() => location.textContent()).toBe(process.env.CUR_LENS_CACHE_DIR)
    // The open kept its totals at least; the attributed rows may still be building.
    await expect.poll(() => page.getByTestId('cache-size').textContent()).toMatch(/^\d+ entr/)
    expect(await page.getByTestId('cache-enabled').isChecked()).toBe(true)
    await screenshot(page, 'about-cache')
    await page.getByTestId('clear-cache').click()
    await expect.poll(() => settings.textContent()).toMatch(/Freed [\d.]+ [kM]B\./)
    expect(await page.getByTestId('cache-size').textContent()).toBe('Nothing is kept.')
    await page.getByRole('button', { name: 'Close' }).click()
  })

  it('opens only the delivery of a month its manifest lists, and says which file it left out', async () => {
    const { page } = watched
    const folder = join(dir, 'deliveries', 'exp')
    const header =
      'bill_billing_period_start_date,line_item_line_item_type,line_item_unblended_cost,line_item_usage_account_id\n'
    const delivery = (name: string, cost: string) =>
      write(
        join(folder, 'data', 'BILLING_PERIOD=2026-05', name, 'exp-00001.csv'),
        `${header}2026-05-01T00:00:00.000Z,Usage,${cost},012345678901\n`,
      )
    await delivery('2026-05-02T01:00:00.000Z-0a1b', '10')
    await delivery('2026-05-03T01:00:00.000Z-2c3d', '12.5')
    await write(
      join(folder, 'metadata', 'BILLING_PERIOD=2026-05', 'exp-Manifest.json'),
      JSON.stringify({
        dataFiles: [
          's3://bucket/exp/data/BILLING_PERIOD=2026-05/2026-05-03T01:00:00.000Z-2c3d/exp-00001.csv.gz',
        ],
      }),
    )
    await page.getByTestId('open-other-button').click()
    await page.getByTestId('open-path-input').fill(folder)
    await page.getByTestId('open-path-button').click()
    const problems = page.getByTestId('open-problems')
    await problems.waitFor({ timeout: 60_000 })
    const text = (await problems.textContent()) ?? ''
    expect(text).toContain('Earlier delivery, not loaded')
    expect(text).toContain(join('2026-05-02T01:00:00.000Z-0a1b', 'exp-00001.csv'))
    const total = page.getByTestId('overview-total')
    await expect.poll(async () => (await total.textContent()) ?? '').toMatch(/^\D*12\.50$/)
    await screenshot(page, 'manifest-deliveries')
  })

  it('shows a clear error naming the file when a corrupt file is opened', async () => {
    const { page } = watched
    await page.getByTestId('open-other-button').click()
    await page.getByTestId('open-path-input').fill(join(dir, 'corrupt.parquet'))
    await page.getByTestId('open-path-button').click()
    const error = page.getByTestId('error-message')
    await error.waitFor({ timeout: 60_000 })
    expect(await error.textContent()).toContain('corrupt.parquet')
    await screenshot(page, 'corrupt-file')
  })

  it('loaded nothing from outside the server and broke no CSP rule', () => {
    expect(watched.foreignRequests).toEqual([])
    expect(watched.problems).toEqual([])
  })
})
