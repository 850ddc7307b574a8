// The attributed line items as FOCUS 1.2, over a generated CUR 2.0 Parquet export: column names and
// types as DuckDB reads them back, and a round trip through CUR Lens's own reader that gives the
// generator's totals (overall, by service, by team tag) and x_Recipient sums from its rows.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MappingRules } from '../../../core/api.js'
import { exportFocus } from '../../../core/chargeback/index.js'
import { openEngine } from '../../../core/engine/duckdb.js'
import { breakdown } from '../../../core/reports/breakdown.js'
import { generateBilling, writeCur2Parquet, type Billing } from '../../fixtures/cur-generator.js'
import { formatUnits, toUnits } from '../../fixtures/money.js'
import { openRows, type OpenRows } from '../rows/open-rows.js'

const RULES: MappingRules = {
  version: 1,
  rules: [
    {
      id: 'backend',
      recipient: 'Backend',
      match: { kind: 'tag', key: 'iamPrincipal/team', pattern: 'backend' },
    },
    {
      id: 'data',
      recipient: 'Data',
      match: { kind: 'tag', key: 'iamPrincipal/team', pattern: 'data' },
    },
  ],
}

/** FOCUS 1.2 names and the types it gives them (Decimal, Date/Time in UTC, String, Key-Value). */
const EXPECTED_TYPES: Record<string, string> = {
  BilledCost: 'DECIMAL(18,10)',
  EffectiveCost: 'DECIMAL(18,10)',
  ListCost: 'DECIMAL(18,10)',
  ContractedCost: 'DECIMAL(18,10)',
  PricingQuantity: 'DECIMAL(38,10)',
  BillingPeriodStart: 'TIMESTAMP WITH TIME ZONE',
  BillingPeriodEnd: 'TIMESTAMP WITH TIME ZONE',
  ChargePeriodStart: 'TIMESTAMP WITH TIME ZONE',
  ChargePeriodEnd: 'TIMESTAMP WITH TIME ZONE',
  BillingAccountId: 'VARCHAR',
  BillingCurrency: 'VARCHAR',
  ChargeCategory: 'VARCHAR',
  ChargeClass: 'VARCHAR',
  ChargeDescription: 'VARCHAR',
  InvoiceIssuerName: 'VARCHAR',
  PricingUnit: 'VARCHAR',
  ProviderName: 'VARCHAR',
  PublisherName: 'VARCHAR',
  ServiceCategory: 'VARCHAR',
  ServiceName: 'VARCHAR',
  SubAccountId: 'VARCHAR',
  Tags: 'MAP(VARCHAR, VARCHAR)',
  x_IamPrincipal: 'VARCHAR',
  x_Person: 'VARCHAR',
  x_Role: 'VARCHAR',
  x_Model: 'VARCHAR',
  x_TokenType: 'VARCHAR',
  x_Recipient: 'VARCHAR',
}

describe('FOCUS 1.2 export', () => {
  let root: string
  let billing: Billing
  let rows: OpenRows | undefined
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'cur-lens-focus-'))
    billing = generateBilling({ seed: 1212 })
    await writeCur2Parquet(billing, join(root, 'cur'))
    rows = await openRows([join(root, 'cur')])
  })
  afterAll(async () => {
    await rows?.close()
    await rm(root, { recursive: true, force: true })
  })

  it('writes Parquet whose columns have the FOCUS names and types', async () => {
    const file = join(root, 'focus.parquet')
    const result = await exportFocus(rows!, { outFile: file, rules: RULES })
    expect(result).toMatchObject({ file, format: 'parquet', rows: billing.expected.rows })
    const engine = await openEngine({ readPaths: [file], readDirectories: [], workDirectory: root })
    try {
      const described = await engine.query<{ column_name: string; column_type: string }>(
        'DESCRIBE SELECT * FROM read_parquet($file)',
        { file },
      )
      const types = Object.fromEntries(described.map((c) => [c.column_name, c.column_type]))
      expect(types).toMatchObject(EXPECTED_TYPES)
      const [check] = await engine.query<{ bad_categories: string; utc: boolean }>(
        `SELECT count(*) FILTER (WHERE ChargeCategory NOT IN ('Usage', 'Purchase', 'Tax', 'Credit', 'Adjustment')) AS bad_categories,
                bool_and(strftime(BillingPeriodStart, '%d %H:%M:%S') = '01 00:00:00') AS utc
         FROM read_parquet($file)`,
        { file },
      )
      expect(check).toEqual({ bad_categories: '0', utc: true })
      // The CSV has the same columns, its Date/Time cells in ISO 8601 UTC.
      const csvFile = join(root, 'focus.csv')
      await exportFocus(rows!, { outFile: csvFile, rules: RULES })
      const [header, first] = (await readFile(csvFile, 'utf8')).split('\n')
      expect(header.split(',')).toEqual(described.map((c) => c.column_name))
      expect(first).toMatch(/,\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z,/)
    } finally {
      await engine.close()
    }
  })

  for (const format of ['parquet', 'csv'] as const) {
    it(`reads back (${format}) through CUR Lens with the generator's totals and recipients`, async () => {
      const file = join(root, `round-trip.${format}`)
      const written = await exportFocus(rows!, { outFile: file, rules: RULES })
      expect(written.billedCost).toBe(billing.expected.totals.unblended)
      expect(written.effectiveCost).toBe(billing.expected.totals.amortized)
      const again = await openRows([file])
      try {
        expect(again.dataset.info.format).toBe('focus')
        expect(again.dataset.info.rows).toBe(billing.expected.rows)
        const byService = await breakdown(again, { dimensions: ['service'], metric: 'unblended' })
        expect(byService.total).toBe(billing.expected.totals.unblended)
        expect(Object.fromEntries(byService.rows.map((r) => [r.keys[0], r.value]))).toEqual(
          Object.fromEntries(
            Object.entries(billing.expected.byService).map(([s, pair]) => [s, pair.unblended]),
          ),
        )
        const amortized = await breakdown(again, { dimensions: ['month'], metric: 'amortized' })
        expect(Object.fromEntries(amortized.rows.map((r) => [r.keys[0], r.value]))).toEqual(
          Object.fromEntries(
            Object.entries(billing.expected.byMonth).map(([m, pair]) => [m, pair.amortized]),
          ),
        )
        const byTeam = await breakdown(again, {
          dimensions: ['tag:iamPrincipal/team'],
          metric: 'unblended',
          filters: [{ dimension: 'service', values: ['Amazon Bedrock'] }],
        })
        expect(
          Object.fromEntries(byTeam.rows.map((r) => [r.keys[0] ?? '(untagged)', r.value])),
        ).toEqual(billing.expected.bedrock.byTeam)

        // x_Recipient, summed in DuckDB, against the generator's rows of each team.
        const sums = await again.engine.query<{ recipient: string | null; billed: string }>(
          format === 'parquet'
            ? `SELECT x_Recipient AS recipient, sum(BilledCost) AS billed FROM read_parquet($file) GROUP BY 1`
            : `SELECT x_Recipient AS recipient, sum(CAST(BilledCost AS DECIMAL(18,10))) AS billed FROM read_csv($file, all_varchar = true) GROUP BY 1`,
          { file },
        )
        const got = Object.fromEntries(sums.map((s) => [s.recipient ?? '(none)', s.billed]))
        for (const [team, recipient] of [
          ['backend', 'Backend'],
          ['data', 'Data'],
        ]) {
          const units = billing.rows
            .filter((r) => r.truth.team === team)
            .reduce((sum, r) => sum + toUnits(r.line_item_unblended_cost), 0n)
          expect(got[recipient]).toBe(formatUnits(units))
        }
      } finally {
        await again.close()
      }
    })
  }

  it('escapes CSV text cells Excel would read as formulas, not the figures; Parquet stays raw', async () => {
    const formulas: MappingRules = {
      version: 1,
      rules: [
        { id: 'f', recipient: '=HYPERLINK("http://x")', match: { kind: 'account', pattern: '*' } },
      ],
    }
    const csvFile = join(root, 'formulas.csv')
    const parquetFile = join(root, 'formulas.parquet')
    await exportFocus(rows!, { outFile: csvFile, rules: formulas })
    await exportFocus(rows!, { outFile: parquetFile, rules: formulas })
    const read = async (sql: string, file: string) => {
      const engine = await openEngine({
        readPaths: [file],
        readDirectories: [],
        workDirectory: root,
      })
      try {
        return await engine.query<{ recipient: string; credits: string }>(sql, { file })
      } finally {
        await engine.close()
      }
    }
    const [csv] = await read(
      `SELECT any_value(x_Recipient) AS recipient,
              count(*) FILTER (WHERE BilledCost LIKE '-%') AS credits
       FROM read_csv($file, all_varchar = true)`,
      csvFile,
    )
    const negative = billing.rows.filter((r) => toUnits(r.line_item_unblended_cost) < 0n).length
    expect(negative).toBeGreaterThan(0)
    expect(csv).toEqual({ recipient: `'=HYPERLINK("http://x")`, credits: String(negative) })
    const [parquet] = await read(
      'SELECT any_value(x_Recipient) AS recipient, 0 AS credits FROM read_parquet($file)',
      parquetFile,
    )
    expect(parquet.recipient).toBe('=HYPERLINK("http://x")')
  })

  it('refuses a file name that is neither .parquet nor .csv', async () => {
    await expect(exportFocus(rows!, { outFile: join(root, 'focus.json') })).rejects.toThrow(
      'Name the FOCUS file with .parquet or .csv',
    )
  })
})
