// Chargeback over real files: the seeded generator's CUR 2.0 Parquet export and the bundled demo,
// opened by core/sources and attributed by core/attribution. Expected figures come from the
// generator's own rows (exact BigInt sums) and the demo's seed table, never from the code under test.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkRules, chargeback, exportChargeback } from '../../../core/chargeback/index.js'
import type { ChargebackRequest, ChargebackResult, MappingRules } from '../../../core/api.js'
import { readRulesFile } from '../../../core/workspace/rules-file.js'
import { generateBilling, writeCur2Parquet, type Billing } from '../../fixtures/cur-generator.js'
import { toUnits } from '../../fixtures/money.js'
import { BOTH_BASES } from '../rows/hand-built-cur.js'
import { openRows, type OpenRows } from '../rows/open-rows.js'

const DEMO = fileURLToPath(new URL('../../../resources/demo/cur-lens-demo', import.meta.url))
const DEMO_RULES = fileURLToPath(new URL('../../../resources/demo/rules.json', import.meta.url))
const BEDROCK = [{ dimension: 'service' as const, values: ['Amazon Bedrock'] }]
const BEDROCK_BY_TEAM: ChargebackRequest = {
  by: 'tag:iamPrincipal/team',
  basis: 'unblended',
  filters: BEDROCK,
}

const cents = (money: string) => BigInt(money.replace('.', ''))
const roundUnits = (u: bigint) =>
  u < 0n ? -((-u + 50_000_000n) / 100_000_000n) : (u + 50_000_000n) / 100_000_000n
const totals = (r: ChargebackResult) =>
  Object.fromEntries(r.statements.map((s) => [s.recipient, s.total]))

/** The generator's Bedrock rows that are a team's direct cost (no tax, credit, refund or fee). */
function teamBedrockRows(billing: Billing) {
  return billing.rows.filter(
    (row) =>
      row.truth.bedrock &&
      row.truth.team !== undefined &&
      !['Tax', 'Credit', 'Refund', 'Fee'].includes(row.line_item_line_item_type),
  )
}

describe('chargeback over a generated CUR 2.0 Parquet export', () => {
  let root: string
  let billing: Billing
  let dataset: OpenRows | undefined
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'cur-lens-chargeback-gen-'))
    billing = generateBilling({ seed: 4242 })
    await writeCur2Parquet(billing, root)
    dataset = await openRows([root])
  })
  afterAll(async () => {
    await dataset?.close()
    await rm(root, { recursive: true, force: true })
  })

  it('reconciles the whole bill to the generator total, each month and each basis', async () => {
    const d = dataset!
    const all = await chargeback(d, { by: 'tag:iamPrincipal/team', basis: 'unblended' })
    expect(cents(all.billTotal)).toBe(roundUnits(toUnitsOf(billing.expected.totals.unblended)))
    expect(all.statements.reduce((s, st) => s + cents(st.total), 0n)).toBe(cents(all.billTotal))
    const amortized = await chargeback(d, { by: 'tag:iamPrincipal/team', basis: 'amortized' })
    expect(cents(amortized.billTotal)).toBe(
      roundUnits(toUnitsOf(billing.expected.totals.amortized)),
    )
    for (const [month, pair] of Object.entries(billing.expected.byMonth)) {
      const r = await chargeback(d, {
        by: 'tag:iamPrincipal/team',
        basis: 'unblended',
        period: month,
        shared: {
          unmatched: { method: 'proportional' },
          tax: { method: 'even' },
          credits: { method: 'proportional' },
        },
      })
      expect(cents(r.billTotal)).toBe(roundUnits(toUnitsOf(pair.unblended)))
      expect(r.statements.reduce((s, st) => s + cents(st.total), 0n)).toBe(cents(r.billTotal))
    }
  })

  it('splits Bedrock by team as the rows say, within a cent of the exact sums', async () => {
    const d = dataset!
    const r = await chargeback(d, BEDROCK_BY_TEAM)
    const expected = new Map<string, bigint>()
    for (const row of billing.rows.filter((x) => x.truth.bedrock)) {
      const type = row.line_item_line_item_type
      const key =
        type === 'Tax'
          ? '(tax)'
          : type === 'Credit' || type === 'Refund'
            ? '(credits)'
            : type === 'Fee'
              ? '(fees)'
              : (row.truth.team ?? '(untagged)')
      expected.set(key, (expected.get(key) ?? 0n) + toUnits(row.line_item_unblended_cost))
    }
    const got = totals(r)
    expect(Object.keys(got).sort()).toEqual([...expected.keys()].sort())
    for (const [key, units] of expected) {
      const diff = cents(got[key]) - roundUnits(units)
      expect(diff >= -1n && diff <= 1n).toBe(true)
    }
    expect(cents(r.billTotal)).toBe(
      roundUnits(toUnitsOf(billing.expected.byService['Amazon Bedrock'].unblended)),
    )
  })

  it('names the lines by role, account or no one, each group within a cent per line of the rows', async () => {
    const d = dataset!
    const byArn = await chargeback(d, BEDROCK_BY_TEAM)
    const direct = teamBedrockRows(billing)
    const levels = {
      role: (row: (typeof direct)[number]) => row.truth.role ?? null,
      account: (row: (typeof direct)[number]) => row.truth.account,
      none: () => null,
    }
    for (const [lineDetail, truthOf] of Object.entries(levels)) {
      const r = await chargeback(d, {
        ...BEDROCK_BY_TEAM,
        lineDetail: lineDetail as keyof typeof levels,
      })
      expect(r.lineDetail).toBe(lineDetail)
      expect(totals(r)).toEqual(totals(byArn))
      const expected = new Map<string, bigint>()
      for (const row of direct) {
        const key = JSON.stringify([row.truth.team, truthOf(row)])
        expected.set(key, (expected.get(key) ?? 0n) + toUnits(row.line_item_unblended_cost))
      }
      const got = new Map<string, { cents: bigint; lines: number }>()
      for (const s of r.statements.filter((st) => st.kind === 'recipient')) {
        for (const line of s.lines) {
          const key = JSON.stringify([s.recipient, line.principal])
          const g = got.get(key) ?? { cents: 0n, lines: 0 }
          got.set(key, { cents: g.cents + cents(line.amount), lines: g.lines + 1 })
        }
      }
      expect([...got.keys()].sort()).toEqual([...expected.keys()].sort())
      for (const [key, units] of expected) {
        const { cents: sum, lines } = got.get(key)!
        const diff = sum - roundUnits(units)
        expect(diff <= BigInt(lines) && diff >= -BigInt(lines)).toBe(true)
      }
      const lineCount = (x: ChargebackResult) =>
        x.statements.reduce((n, st) => n + st.lines.length, 0)
      expect(lineCount(r)).toBeLessThan(lineCount(byArn))
    }
  })

  it('previews the largest lines of each statement and sums the others; the export has them all', async () => {
    const d = dataset!
    const request: ChargebackRequest = { ...BEDROCK_BY_TEAM, lineDetail: 'role' }
    const shown = 2
    const r = await chargeback(d, { ...request, linesPerStatement: shown })
    // The generator's own lines by team: exact sums by model and role, largest first.
    const byTeam = new Map<string, Map<string, bigint>>()
    for (const row of teamBedrockRows(billing)) {
      const lines = byTeam.get(row.truth.team!) ?? new Map<string, bigint>()
      const key = JSON.stringify([row.truth.model ?? null, row.truth.role ?? null])
      lines.set(key, (lines.get(key) ?? 0n) + toUnits(row.line_item_unblended_cost))
      byTeam.set(row.truth.team!, lines)
    }
    const recipients = r.statements.filter((s) => s.kind === 'recipient')
    expect(recipients.map((s) => s.recipient).sort()).toEqual([...byTeam.keys()].sort())
    for (const s of recipients) {
      const truth = [...byTeam.get(s.recipient)!.values()]
        .filter((units) => units !== 0n)
        .sort((a, b) => (a === b ? 0 : a > b ? -1 : 1))
      expect(truth.length).toBeGreaterThan(shown)
      expect(s.lines).toHaveLength(shown)
      s.lines.forEach((line, i) => {
        const diff = cents(line.amount) - roundUnits(truth[i])
        expect(diff >= -1n && diff <= 1n).toBe(true)
      })
      expect(s.otherLines?.count).toBe(truth.length - shown)
      const listed = s.lines.reduce((sum, line) => sum + cents(line.amount), 0n)
      expect(listed + cents(s.otherLines!.amount)).toBe(cents(s.direct))
    }

    const exported = await exportChargeback(d, {
      ...request,
      linesPerStatement: shown,
      outDir: join(root, 'every-line'),
      perRecipient: true,
    })
    const exportedLines = new Map<string, number>()
    for (const file of exported.files.filter((f) => /statement-[^/]*\.csv$/.test(f))) {
      const text = await readFile(file, 'utf8')
      const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true })
      for (const row of rows.data.filter((x) => x.section === 'line'))
        exportedLines.set(row.recipient, (exportedLines.get(row.recipient) ?? 0) + 1)
    }
    for (const s of recipients)
      expect(exportedLines.get(s.recipient)).toBe(shown + s.otherLines!.count)
  })

  it('exports formula payloads from the data escaped, and credits as numbers', async () => {
    const d = dataset!
    const out = join(root, 'out')
    await exportChargeback(d, {
      by: 'tag:iamPrincipal/cost-center',
      basis: 'unblended',
      outDir: out,
    })
    const text = await readFile(join(out, 'chargeback-summary.csv'), 'utf8')
    const rows = Papa.parse<Record<string, string>>(text, {
      header: true,
      skipEmptyLines: true,
    }).data
    expect(rows.map((x) => x.recipient)).toContain(`'=HYPERLINK("http://x","y")`)
    expect(rows.find((x) => x.recipient === '(credits)')?.total).toMatch(/^-\d+\.\d{2}$/)
    for (const row of rows) expect(row.recipient).not.toMatch(/^[=+\-@\t\r\n]/)
  })

  it('gives the same statements and rule coverage from the cache as straight from the files', async () => {
    const d = dataset!
    expect(await d.cacheReady()).toBe(true)
    const [month] = Object.keys(billing.expected.byMonth).sort()
    const rules: MappingRules = {
      version: 1,
      rules: [
        { id: 'dev', recipient: 'dev', match: { kind: 'role', pattern: '*Dev*' } },
        {
          id: 'data',
          recipient: 'data',
          match: { kind: 'tag', key: 'iamPrincipal/team', pattern: 'data*' },
        },
        { id: 'people', recipient: 'people', match: { kind: 'person', pattern: '*@example.com' } },
        { id: 'users', recipient: 'users', match: { kind: 'principal', pattern: '*:user/*' } },
        { id: 'sandbox', recipient: 'sandbox', match: { kind: 'account', pattern: '2*' } },
      ],
    }
    const requests: ChargebackRequest[] = [
      { rules, basis: 'unblended', sharedRoles: ['BackendDev'] },
      {
        rules,
        basis: 'amortized',
        period: month,
        shared: { unmatched: { method: 'proportional' } },
      },
      BEDROCK_BY_TEAM,
      { by: 'tag:iamPrincipal/team', basis: 'amortized', lineDetail: 'person' },
      {
        by: 'model',
        basis: 'amortized',
        filters: [{ dimension: 'token-type', values: ['input', null] }],
      },
      {
        by: 'day',
        basis: 'unblended',
        period: month,
        filters: [{ dimension: 'tag:iamPrincipal/team', values: [null], exclude: true }],
      },
      { by: 'region', basis: 'unblended', shared: { tax: { method: 'even' } } },
    ]
    for (const request of requests) {
      const fromCache = await chargeback(d, request, { base: 'cache' })
      expect(fromCache.statements.length).toBeGreaterThan(1)
      expect(fromCache).toEqual(await chargeback(d, request, { base: 'files' }))
    }
    for (const period of [undefined, month]) {
      expect(await checkRules(d, rules, 'unblended', period, { base: 'cache' })).toEqual(
        await checkRules(d, rules, 'unblended', period, { base: 'files' }),
      )
    }
  })

  it('refuses a recipient or filter tag the export lacks, naming the closest keys, from either source', async () => {
    const d = dataset!
    for (const { name, base } of BOTH_BASES) {
      const options = { base }
      await expect(
        chargeback(d, { by: 'tag:iamPrincipal/CostCenter', basis: 'unblended' }, options),
        name,
      ).rejects.toMatchObject({
        code: 'INVALID_QUERY',
        message: expect.stringMatching(
          /^The export has no tag iamPrincipal\/CostCenter\. Closest: tag:iamPrincipal\/cost-center(, tag:[^,]+){0,2}\.$/,
        ),
      })
      const filters = [{ dimension: 'tag:no/such-key' as const, values: [null] }]
      await expect(
        chargeback(d, { by: 'account', basis: 'unblended', filters }, options),
        name,
      ).rejects.toMatchObject({
        code: 'INVALID_QUERY',
        message: expect.stringMatching(/^The export has no tag no\/such-key\. Closest: tag:/),
      })
    }
  })

  it('resolves a recipient tag label to its key, and checks rules on a key the export lacks', async () => {
    const d = dataset!
    const byLabel = await chargeback(d, { by: 'tag:cost-center', basis: 'unblended' })
    const byKey = await chargeback(d, { by: 'tag:iamPrincipal/cost-center', basis: 'unblended' })
    expect(byLabel.statements.length).toBeGreaterThan(2)
    expect(byLabel.statements).toEqual(byKey.statements)
    // Rules apply across exports: a rule on a key this one lacks matches nothing, without error.
    const rules: MappingRules = {
      version: 1,
      rules: [
        {
          id: 'elsewhere',
          recipient: 'x',
          match: { kind: 'tag', key: 'resourceTags/user:CostCenter', pattern: '*' },
        },
      ],
    }
    const coverage = await checkRules(d, rules, 'unblended')
    expect(coverage.rules[0]).toMatchObject({ matchedCost: '0.0000000000', rows: 0 })
    expect(coverage.unmatched).toBe(coverage.total)
  })
})

describe('chargeback over the bundled demo with its example rules', () => {
  let dataset: OpenRows | undefined
  beforeAll(async () => {
    dataset = await openRows([DEMO])
  })
  afterAll(async () => {
    await dataset?.close()
  })

  it('reproduces the demo team table for Bedrock: 142.30, 89.50, 23.10 and 5.40 unallocated', async () => {
    const d = dataset!
    const rules = await readRulesFile(DEMO_RULES)
    const r = await chargeback(d, { rules, basis: 'unblended', filters: BEDROCK })
    expect(totals(r)).toEqual({
      backend: '142.30',
      data: '89.50',
      frontend: '23.10',
      '(unallocated)': '5.40',
    })
    expect(r.billTotal).toBe('260.30')
    const byTag = await chargeback(d, {
      by: 'tag:iamPrincipal/team',
      basis: 'unblended',
      filters: BEDROCK,
    })
    expect(totals(byTag)).toEqual({
      backend: '142.30',
      data: '89.50',
      frontend: '23.10',
      '(untagged)': '5.40',
    })
  })
})

function toUnitsOf(money: string): bigint {
  const [whole, fraction = ''] = money.replace('-', '').split('.')
  const units = BigInt(whole + fraction.padEnd(10, '0').slice(0, 10))
  return money.startsWith('-') ? -units : units
}
