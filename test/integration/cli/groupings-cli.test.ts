// `cur-lens report --by week`, and --from/--to on report, tokens and export, end to end: the real
// CLI on a generated CUR 2.0 Parquet export across a year boundary. Expected figures are summed here
// from the generator's rows (Monday-start weeks worked out in JavaScript).
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateBilling, writeCur2Parquet, type BillingRow } from '../../fixtures/cur-generator.js'
import { formatUnits, toUnits } from '../../fixtures/money.js'

const execute = promisify(execFile)
const CLI = fileURLToPath(new URL('../../../bin/cur-lens.js', import.meta.url))

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await execute(process.execPath, [CLI, ...args])
    return { code: 0, stdout, stderr }
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

function mondayOf(row: BillingRow): string {
  const start = new Date(row.line_item_usage_start_date)
  const day = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate())
  const sinceMonday = (new Date(day).getUTCDay() + 6) % 7
  return new Date(day - sinceMonday * 86_400_000).toISOString().slice(0, 10)
}
const usageDay = (row: BillingRow) => row.line_item_usage_start_date.slice(0, 10)
const inRange = (from: string, to: string) => (row: BillingRow) =>
  usageDay(row) >= from && usageDay(row) <= to

/** Unblended sums by key, as the numbers the JSON output holds. */
function sums(rows: readonly BillingRow[], key: (row: BillingRow) => string) {
  const totals = new Map<string, bigint>()
  for (const row of rows) {
    totals.set(key(row), (totals.get(key(row)) ?? 0n) + toUnits(row.line_item_unblended_cost))
  }
  return Object.fromEntries([...totals].map(([k, v]) => [k, Number(formatUnits(v))]))
}

describe('weeks and --from/--to on the command line', () => {
  let root: string
  let rows: BillingRow[]
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'cur-lens-weeks-cli-'))
    const billing = generateBilling({
      seed: 19_2027,
      months: ['2026-12', '2027-01'],
      usageRowsPerMonth: 120,
    })
    rows = billing.rows
    await writeCur2Parquet(billing, join(root, 'export'))
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('reports cost by week, each week named by its Monday', async () => {
    const { code, stdout } = await cli(
      'report',
      join(root, 'export'),
      '--by',
      'week',
      '--format',
      'json',
      '--no-cache',
    )
    expect(code).toBe(0)
    const got = Object.fromEntries(
      (JSON.parse(stdout) as { week: string; cost: number }[]).map((r) => [r.week, r.cost]),
    )
    expect(got).toEqual(sums(rows, mondayOf))
    expect(got['2026-12-28']).toBeDefined()
  })

  it('reports only the usage days from --from to --to, both inclusive', async () => {
    const { code, stdout } = await cli(
      'report',
      join(root, 'export'),
      '--by',
      'service',
      '--from',
      '2026-12-28',
      '--to',
      '2027-01-03',
      '--format',
      'json',
      '--no-cache',
    )
    expect(code).toBe(0)
    const got = Object.fromEntries(
      (JSON.parse(stdout) as { service: string; cost: number }[]).map((r) => [r.service, r.cost]),
    )
    expect(got).toEqual(
      sums(rows.filter(inRange('2026-12-28', '2027-01-03')), (r) => r.truth.service),
    )
  })

  it('counts tokens of the range only', async () => {
    const { code, stdout } = await cli(
      'tokens',
      join(root, 'export'),
      '--from',
      '2027-01-01',
      '--to',
      '2027-01-10',
      '--format',
      'json',
      '--no-cache',
    )
    expect(code).toBe(0)
    const got = JSON.parse(stdout) as { model: string; tokens: number }[]
    const expected = new Map<string, number>()
    for (const row of rows.filter(inRange('2027-01-01', '2027-01-10'))) {
      if (row.truth.tokens === undefined || !row.truth.model || row.line_item_usage_amount === 0)
        continue
      expected.set(row.truth.model, (expected.get(row.truth.model) ?? 0) + row.truth.tokens)
    }
    expect(Object.fromEntries(got.map((r) => [r.model, Number(r.tokens)]))).toEqual(
      Object.fromEntries(expected),
    )
  })

  it('exports a chargeback of the range that reconciles to the range total', async () => {
    const out = join(root, 'out')
    const { code, stdout } = await cli(
      'export',
      join(root, 'export'),
      '--by',
      'account',
      '--out',
      out,
      '--from',
      '2027-01-04',
      '--to',
      '2027-01-31',
      '--no-cache',
    )
    expect(code).toBe(0)
    const units = rows
      .filter(inRange('2027-01-04', '2027-01-31'))
      .reduce((sum, row) => sum + toUnits(row.line_item_unblended_cost), 0n)
    // Units of 1e-10 dollars to cents, half away from zero, as the bill total is rounded.
    const sign = units < 0n ? -1n : 1n
    const cents = (sign * units + 50_000_000n) / 100_000_000n
    const total = `${sign < 0n ? '-' : ''}${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`
    expect(stdout).toContain(`= bill total ${total}: reconciles`)
  })

  it('counts the line items of each week with --metric count', async () => {
    const { code, stdout } = await cli(
      'report',
      join(root, 'export'),
      '--by',
      'week',
      '--metric',
      'count',
      '--format',
      'json',
      '--no-cache',
    )
    expect(code).toBe(0)
    const expected = new Map<string, number>()
    for (const row of rows) expected.set(mondayOf(row), (expected.get(mondayOf(row)) ?? 0) + 1)
    const got = JSON.parse(stdout) as { week: string; count: number }[]
    expect(Object.fromEntries(got.map((r) => [r.week, r.count]))).toEqual(
      Object.fromEntries(expected),
    )
  })

  it('summarizes the rows and the unblended, net and amortized totals of a range', async () => {
    const { code, stdout } = await cli(
      'summary',
      join(root, 'export'),
      '--from',
      '2026-12-28',
      '--to',
      '2027-01-03',
      '--json',
      '--no-cache',
    )
    expect(code).toBe(0)
    const got = JSON.parse(stdout) as {
      rows: number
      usageDays: { from: string; to: string }
      totals: { unblended: number; net: number }
    }
    const kept = rows.filter(inRange('2026-12-28', '2027-01-03'))
    const total = (cost: (row: BillingRow) => number) =>
      Number(formatUnits(kept.reduce((sum, row) => sum + toUnits(cost(row)), 0n)))
    expect(got.rows).toBe(kept.length)
    expect(got.usageDays).toEqual({ from: '2026-12-28', to: '2027-01-03' })
    expect(got.totals.unblended).toBe(total((r) => r.line_item_unblended_cost))
    expect(got.totals.net).toBe(total((r) => r.line_item_net_unblended_cost))
    const table = await cli('summary', join(root, 'export'), '--from', '2026-12-28', '--no-cache')
    expect(table.stdout).toMatch(/Usage days\s+2026-12-28 to last \(UTC\), both included/)
    expect(table.stdout).toMatch(/Net unblended/)
  })

  it('sums the groups under --min-amount into one row, and names it in the table', async () => {
    const args = [
      'report',
      join(root, 'export'),
      '--by',
      'usage-type',
      '--min-amount',
      '1',
      '--no-cache',
    ]
    const { code, stdout } = await cli(...args, '--format', 'json')
    expect(code).toBe(0)
    const units = new Map<string | null, bigint>()
    for (const row of rows) {
      // An empty usage type is the unknown (null) group.
      const key = row.line_item_usage_type || null
      units.set(key, (units.get(key) ?? 0n) + toUnits(row.line_item_unblended_cost))
    }
    const dollar = 10_000_000_000n
    const small = [...units].filter(([, u]) => (u < 0n ? -u : u) < dollar)
    expect(small.length).toBeGreaterThan(0)
    const got = JSON.parse(stdout) as {
      'usage-type': string | null
      cost: number
      under?: number
    }[]
    expect(got.filter((r) => r.under === undefined).map((r) => [r['usage-type'], r.cost])).toEqual(
      expect.arrayContaining(
        [...units]
          .filter(([, u]) => (u < 0n ? -u : u) >= dollar)
          .map(([k, u]) => [k, Number(formatUnits(u))]),
      ),
    )
    expect(got.find((r) => r.under !== undefined)).toEqual({
      'usage-type': null,
      cost: Number(formatUnits(small.reduce((s, [, u]) => s + u, 0n))),
      under: small.length,
    })
    const table = await cli(...args)
    expect(table.stdout).toContain(`(${small.length} groups under 1)`)
    const bad = await cli(...args.slice(0, -1), '--min-amount', '1e3')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--min-amount takes an amount from 0 such as 0.01, not "1e3".')
  })

  it('gives each role its readable label and when it was last seen, with --labels', async () => {
    const { code, stdout } = await cli(
      'report',
      join(root, 'export'),
      '--by',
      'role',
      '--labels',
      '--format',
      'json',
      '--no-cache',
    )
    expect(code).toBe(0)
    const got = JSON.parse(stdout) as {
      role: string | null
      label: string | null
      lastSeen: string | null
    }[]
    const byRole = Object.fromEntries(got.map((r) => [r.role, r]))
    expect(byRole['user/alice'].label).toBe('IAM user alice')
    expect(byRole['AWSReservedSSO_DataScience_1a2b3c4d5e6f7a8b'].label).toBe('SSO: DataScience')
    expect(byRole['llm-gateway-role'].label).toBe('gateway role llm-gateway-role')
    expect(byRole.AppRole.label).toBe('service role AppRole')
    expect(byRole['null']).toMatchObject({ label: null, lastSeen: null })
    const latest = rows
      .filter((r) => r.line_item_iam_principal.endsWith(':user/alice'))
      .map((r) => r.line_item_usage_start_date)
      .sort()
      .at(-1)!
    expect(byRole['user/alice'].lastSeen).toBe(`${latest.slice(0, 19)}Z`)
    const table = await cli(
      'report',
      join(root, 'export'),
      '--by',
      'role',
      '--labels',
      '--no-cache',
    )
    expect(table.stdout.split('\n')[0]).toMatch(/^role\s+label\s+last seen\s+cost$/)
    // Without --labels, the report reads the export once and adds no columns.
    const plain = await cli('report', join(root, 'export'), '--by', 'role', '--no-cache')
    expect(plain.stdout.split('\n')[0]).toMatch(/^role\s+cost$/)
  })

  it.each([
    [['--from', '2027-1-05'], /--from takes a day written YYYY-MM-DD, not "2027-1-05"/],
    [['--to', '2027-02-30'], /--to takes a day written YYYY-MM-DD, not "2027-02-30"/],
    [['--from', '2027-01-10', '--to', '2027-01-01'], /--from 2027-01-10 is after --to 2027-01-01/],
  ])('refuses %j with a usage error', async (args, message) => {
    const { code, stderr } = await cli('report', join(root, 'export'), '--by', 'service', ...args)
    expect(code).toBe(2)
    expect(stderr).toMatch(message)
    expect(stderr).toContain('--from <YYYY-MM-DD>')
  })
})
