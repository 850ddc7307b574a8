// Random months with sub-cent amounts, credits, refunds, tax and fees: under every treatment the
// statements add up to the bill total (summed here from the inserted rows) to the cent, and each
// recipient's total stays within a few cents of its exact share, computed here independently.
import { afterEach, describe, expect, it } from 'vitest'
import { chargeback } from '../../../core/chargeback/index.js'
import type { SharedBucket, SharedTreatment } from '../../../core/api.js'
import { openAttributedDataset, type ItemRow, type TestRows } from './attributed-dataset.js'

let dataset: TestRows | undefined
afterEach(async () => {
  await dataset?.close()
  dataset = undefined
})

function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const TYPES = ['Usage', 'Usage', 'Usage', 'Usage', 'Tax', 'Credit', 'Refund', 'Fee']
const TEAMS = ['alpha', 'beta', 'gamma', 'delta']

function month(seed: number): ItemRow[] {
  const next = random(seed)
  return Array.from({ length: 60 }, (): ItemRow => {
    const type = TYPES[Math.floor(next() * TYPES.length)]
    const units =
      BigInt(Math.floor(next() * 5e12)) * (type === 'Credit' || type === 'Refund' ? -1n : 1n)
    const team = next() < 0.8 ? TEAMS[Math.floor(next() * TEAMS.length)] : undefined
    return {
      line_item_type: type,
      principal_role: next() < 0.1 ? 'gateway' : 'role',
      unblended_cost: formatUnits(units),
      tags: team ? { team } : ({} as Record<string, string>),
    }
  })
}

function formatUnits(u: bigint): string {
  const sign = u < 0n ? '-' : ''
  const s = (u < 0n ? -u : u).toString().padStart(11, '0')
  return `${sign}${s.slice(0, -10)}.${s.slice(-10)}`
}

const units = (s: string) => {
  const [whole, fraction = ''] = s.replace('-', '').split('.')
  const v = BigInt(whole + fraction.padEnd(10, '0'))
  return s.startsWith('-') ? -v : v
}
const roundHalfAway = (u: bigint) =>
  u < 0n ? -((-u + 50_000_000n) / 100_000_000n) : (u + 50_000_000n) / 100_000_000n
const toCents = (money: string) => BigInt(money.replace('.', ''))

function bucketOf(row: ItemRow): SharedBucket | 'direct' {
  if (row.line_item_type === 'Tax') return 'tax'
  if (row.line_item_type === 'Credit' || row.line_item_type === 'Refund') return 'credits'
  if (row.line_item_type === 'Fee') return 'fees'
  if (row.principal_role === 'gateway') return 'shared-roles'
  return row.tags?.team ? 'direct' : 'unmatched'
}

const TREATMENTS: SharedTreatment[] = [
  { method: 'keep' },
  { method: 'proportional' },
  { method: 'even' },
  { method: 'fixed', percentages: { alpha: 33.333333, beta: 33.333333, omega: 33.333334 } },
]

describe('reconciliation to the bill', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    for (const treatment of TREATMENTS) {
      it(`holds to the cent for month ${seed} with ${treatment.method} shared cost`, async () => {
        const rows = month(seed)
        dataset = await openAttributedDataset(rows)
        const r = await chargeback(dataset, {
          by: 'tag:team',
          basis: 'unblended',
          sharedRoles: ['gateway'],
          shared: {
            unmatched: treatment,
            'shared-roles': treatment,
            tax: treatment,
            fees: treatment,
            credits: treatment,
          },
        })
        const bill = rows.reduce((s, row) => s + units(row.unblended_cost), 0n)
        expect(toCents(r.billTotal)).toBe(roundHalfAway(bill))
        const sum = r.statements.reduce((s, st) => s + toCents(st.total), 0n)
        expect(sum).toBe(roundHalfAway(bill))
        expect(toCents(r.recipientsTotal) + toCents(r.unallocated)).toBe(roundHalfAway(bill))
        for (const st of r.statements) {
          expect(st.lines.reduce((s, l) => s + toCents(l.amount), 0n)).toBe(
            toCents(st.kind === 'recipient' ? st.direct : st.total),
          )
        }

        // Exact shares, in floating point: good to far better than a cent here.
        const direct = new Map<string, number>()
        const buckets = new Map<string, number>()
        for (const row of rows) {
          const b = bucketOf(row)
          const cost = Number(row.unblended_cost)
          if (b === 'direct') direct.set(row.tags!.team, (direct.get(row.tags!.team) ?? 0) + cost)
          else buckets.set(b, (buckets.get(b) ?? 0) + cost)
        }
        const expected = new Map(direct)
        const names = [...direct.keys()]
        const directTotal = [...direct.values()].reduce((a, b) => a + b, 0)
        for (const amount of buckets.values()) {
          if (treatment.method === 'keep') continue
          const weights =
            treatment.method === 'proportional'
              ? names.map((n) => [n, direct.get(n)!] as const)
              : treatment.method === 'even'
                ? names.map((n) => [n, 1] as const)
                : Object.entries(treatment.percentages)
          const w =
            treatment.method === 'proportional'
              ? directTotal
              : weights.reduce((a, [, x]) => a + x, 0)
          for (const [n, x] of weights) expected.set(n, (expected.get(n) ?? 0) + (amount * x) / w)
        }
        for (const [name, value] of expected) {
          const got = r.statements.find((s) => s.recipient === name && s.kind === 'recipient')
          expect(Math.abs(Number(got?.total) - value)).toBeLessThan(0.035)
        }
      })
    }
  }
})
