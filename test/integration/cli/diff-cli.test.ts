// `cur-lens diff` end to end: the real CLI and its engine process, on a generated CUR 2.0 export and
// the generator's later delivery of it. Expected figures are summed here from the generator's rows.
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  generateBilling,
  WRITERS,
  type Billing,
  type BillingRow,
} from '../../fixtures/cur-generator.js'
import { laterDelivery, type LaterDelivery } from '../../fixtures/later-delivery.js'
import { formatUnits, toUnits } from '../../fixtures/money.js'

const run = promisify(execFile)
const CLI = fileURLToPath(new URL('../../../bin/cur-lens.js', import.meta.url))
const MONTH = '2026-06'

async function diff(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, 'diff', ...args])
    return { code: 0, stdout, stderr }
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

/** Old, new and change of unblended cost by `key`, as JSON numbers, from the generator's rows. */
function expectedChange(old: BillingRow[], next: BillingRow[], key: (r: BillingRow) => string) {
  const sums = (rows: BillingRow[]) => {
    const result = new Map<string, bigint>()
    for (const r of rows)
      result.set(key(r), (result.get(key(r)) ?? 0n) + toUnits(r.line_item_unblended_cost))
    return result
  }
  const [o, n] = [sums(old), sums(next)]
  return [...new Set([...o.keys(), ...n.keys()])].sort().map((k) => {
    const a = o.get(k) ?? 0n
    const b = n.get(k) ?? 0n
    return {
      key: k,
      old: Number(formatUnits(a)),
      new: Number(formatUnits(b)),
      change: Number(formatUnits(b - a)),
    }
  })
}

describe('cur-lens diff', () => {
  let root: string
  let earlier: Billing
  let later: LaterDelivery
  let third: string
  let fifteenth: string

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'cur-lens-diff-cli-'))
    earlier = generateBilling({ seed: 19_05, usageRowsPerMonth: 120 })
    later = laterDelivery(earlier, { seed: 19_17, month: MONTH })
    third = await WRITERS['cur2-parquet'](earlier, join(root, 'third'))
    fifteenth = await WRITERS['cur2-parquet'](later.billing, join(root, 'fifteenth'))
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('prints one JSON object per group with old, new and change, largest absolute change first', async () => {
    const { code, stdout } = await diff(
      third,
      '--against',
      fifteenth,
      '--by',
      'service',
      '--format',
      'json',
    )
    expect(code).toBe(0)
    const groups = JSON.parse(stdout) as {
      service: string
      old: number
      new: number
      change: number
    }[]
    const byService = groups.map((g) => ({
      key: g.service,
      old: g.old,
      new: g.new,
      change: g.change,
    }))
    expect([...byService].sort((a, b) => (a.key < b.key ? -1 : 1))).toEqual(
      expectedChange(earlier.rows, later.billing.rows, (r) => r.truth.service),
    )
    const sizes = groups.map((g) => Math.abs(g.change))
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a))
  })

  it('lists the line items added, removed and changed with --lines, and says how it matched them', async () => {
    const { code, stdout, stderr } = await diff(
      third,
      '--against',
      fifteenth,
      '--lines',
      '--format',
      'json',
    )
    expect(code).toBe(0)
    expect(stderr).toContain('matched by line item id and usage start')
    const lines = JSON.parse(stdout) as {
      kind: string
      lineItemId: string
      old: number
      new: number
    }[]
    expect(lines).toHaveLength(Object.keys(later.byId).length)
    for (const line of lines) {
      const expected = later.byId[line.lineItemId]
      expect({ kind: line.kind, old: line.old, new: line.new }).toEqual({
        kind: expected.kind,
        old: Number(expected.old),
        new: Number(expected.new),
      })
    }
  })

  it('writes CSV for Excel, one row per group', async () => {
    const { code, stdout } = await diff(
      third,
      '--against',
      fifteenth,
      '--by',
      'account',
      '--format',
      'csv',
    )
    expect(code).toBe(0)
    const parsed = Papa.parse<string[]>(stdout.replace(/^\uFEFF/, '').trim()).data
    expect(parsed[0]).toEqual(['account', 'old', 'new', 'change'])
    const expected = expectedChange(earlier.rows, later.billing.rows, (r) => r.truth.account)
    expect(parsed.length - 1).toBe(expected.length)
    for (const [account, , , change] of parsed.slice(1)) {
      expect(Number(change)).toBe(expected.find((e) => e.key === account)!.change)
    }
  })

  it('compares two months of one export in a table with totals per month', async () => {
    const { code, stdout } = await diff(
      third,
      '--old-month',
      '2026-05',
      '--new-month',
      MONTH,
      '--by',
      'service',
    )
    expect(code).toBe(0)
    const month = (m: string) =>
      earlier.rows.filter((r) => r.bill_billing_period_start_date.startsWith(m))
    const total = (rows: BillingRow[]) =>
      rows.reduce((sum, r) => sum + toUnits(r.line_item_unblended_cost), 0n)
    const cents = (units: bigint) =>
      Number(formatUnits(units)).toLocaleString('en-US', {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      })
    const totalLine = stdout.split('\n').find((l) => l.startsWith('Total'))!
    expect(totalLine.split(/\s+/).slice(1, 3)).toEqual([
      cents(total(month('2026-05'))),
      cents(total(month(MONTH))),
    ])
    expect(stdout).toMatch(/^month\s+old\s+new\s+change$/m)
  })

  it('asks for the later delivery or two months, with the usage', async () => {
    const { code, stderr } = await diff(third, '--by', 'service')
    expect(code).toBe(2)
    expect(stderr).toContain('--against')
    expect(stderr).toContain('--no-cache')
  })
})
