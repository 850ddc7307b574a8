// `cur-lens tags` end to end: the real CLI, its engine in a child process, on a generated CUR 2.0
// Parquet export. Covered cost per key is summed from the generator's rows (exact BigInt units).
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateBilling, writeCur2Parquet } from '../../fixtures/cur-generator.js'
import { formatUnits, toUnits } from '../../fixtures/money.js'

const run = promisify(execFile)
const CLI = fileURLToPath(new URL('../../../bin/cur-lens.js', import.meta.url))
const SOURCES = ['iamPrincipal', 'resourceTags', 'accountTag', 'userAttribute', 'costCategory']

let root: string
const covered = new Map<string, bigint>()
let total = 0n

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cur-lens-tags-cli-'))
  const billing = generateBilling({ seed: 16_2026 })
  for (const row of billing.rows) {
    const cost = toUnits(row.line_item_unblended_cost)
    total += cost
    for (const key of Object.keys(row.tags)) covered.set(key, (covered.get(key) ?? 0n) + cost)
  }
  await writeCur2Parquet(billing, root)
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

/** Source order, then widest cover first, then by key: the Tags screen's order (total > 0 here). */
function expectedOrder(): string[] {
  const rank = (key: string) => {
    const i = SOURCES.indexOf(key.slice(0, key.indexOf('/')))
    return i < 0 ? SOURCES.length : i
  }
  return [...covered.keys()].sort(
    (a, b) => rank(a) - rank(b) || Number(covered.get(b)! - covered.get(a)!) || (a < b ? -1 : 1),
  )
}

/** Units of 1e-10 as the table shows them: cents half away from zero (positive here), 1,234.57. */
function dollars(units: bigint): string {
  const cents = (units + 50_000_000n) / 100_000_000n
  return `${(cents / 100n).toLocaleString('en-US')}.${String(cents % 100n).padStart(2, '0')}`
}

describe('cur-lens tags', () => {
  it('prints one JSON object per key with its label, source, covered cost and share', async () => {
    expect(total > 0n).toBe(true)
    const { stdout } = await run(process.execPath, [CLI, 'tags', root, '--format', 'json'])
    const keys = JSON.parse(stdout) as {
      key: string
      label: string
      source: string
      coveredCost: number
      share: number
    }[]
    expect(keys.map((k) => k.key)).toEqual(expectedOrder())
    for (const k of keys) {
      expect(stdout).toContain(
        `"coveredCost": ${formatUnits(covered.get(k.key)!).replace(/\.?0+$/, '')},`,
      )
      expect(k.share).toBeCloseTo(Number(covered.get(k.key)!) / Number(total), 12)
      expect(k.source).toBe(k.key.slice(0, k.key.indexOf('/')))
    }
    expect(keys.find((k) => k.key === 'resourceTags/user:Project')?.label).toBe('Project')
  })

  it('prints a table with an aligned cost column and shares in percent', async () => {
    const { stdout } = await run(process.execPath, [CLI, 'tags', root])
    const lines = stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^key\s+label\s+source\s+covered cost\s+share$/)
    const body = lines.slice(1, 1 + covered.size)
    expect(body.map((l) => l.split(/\s+/)[0])).toEqual(expectedOrder())
    expect(new Set([lines[0], ...body].map((l) => l.length)).size).toBe(1)
    const team = covered.get('iamPrincipal/team')!
    const percent = ((Number(team) / Number(total)) * 100).toFixed(1)
    expect(body).toContain(
      body.find((l) =>
        new RegExp(`^iamPrincipal/team +team +iamPrincipal +${dollars(team)}  +${percent}%$`).test(
          l,
        ),
      ),
    )
    expect(lines.at(-1)).toBe(
      `${covered.size} tag keys; shares are of ${dollars(total)} unblended cost.`,
    )
  })
})
