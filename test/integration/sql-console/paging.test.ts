// The SQL console's pages, bounds and CSV export on a generated CUR 2.0 Parquet export, checked
// against the generator's own figures: pages that join into the whole result, money as exact
// decimal strings, a total only when it is cheap, and CSV that Excel reads safely.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SQL_LIMITS } from '../../../core/api-values.js'
import { createApi } from '../../../core/create-api.js'
import { HYPERLINK_PAYLOAD } from '../../fixtures/accounts-and-principals.js'
import { generateBilling, writeCur2Parquet, type Billing } from '../../fixtures/cur-generator.js'
import { formatUnits, toUnits } from '../../fixtures/money.js'

let dir: string
let billing: Billing
let api: ReturnType<typeof createApi>

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-sql-paging-'))
  billing = generateBilling({ seed: 1919, usageRowsPerMonth: 60 })
  const exportRoot = await writeCur2Parquet(billing, join(dir, 'export'))
  api = createApi({ emit: () => {} })
  await api.openSources({ paths: [exportRoot] })
})

afterAll(async () => {
  await api?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

/** Every unblended cost of the generator, largest first, as the engine writes DECIMAL(18,10). */
function costsDescending(): string[] {
  return billing.rows
    .map((row) => toUnits(row.line_item_unblended_cost))
    .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))
    .map(formatUnits)
}

const BY_COST = 'SELECT unblended_cost FROM cur ORDER BY unblended_cost DESC'

describe('SQL console pages', () => {
  it('join into the whole result, each with the total, the last one partial', async () => {
    const expected = costsDescending()
    const pageSize = 100
    const pages = Math.ceil(expected.length / pageSize)
    const seen: unknown[] = []
    for (let page = 0; page < pages; page++) {
      const result = await api.runSql({ sql: BY_COST, page, pageSize })
      expect(result.columns).toEqual([{ name: 'unblended_cost', type: 'DECIMAL(18,10)' }])
      expect(result.totalRows).toBe(expected.length)
      expect(result.truncated).toBe(page < pages - 1)
      expect(result.ordered).toBe(true)
      seen.push(...result.rows.map(([cost]) => cost))
    }
    expect(seen).toEqual(expected)
    const after = await api.runSql({ sql: BY_COST, page: pages, pageSize })
    expect(after).toMatchObject({ rows: [], totalRows: expected.length, truncated: false })
  })

  it('carry money as exact decimal strings', async () => {
    const result = await api.runSql({
      sql: "SELECT sum(unblended_cost) AS total, sum(amortized_cost) FILTER (WHERE line_item_type = 'Tax') AS tax FROM cur",
    })
    expect(result.rows[0][0]).toBe(billing.expected.totals.unblended)
    expect(result.columns.map((c) => c.type)).toEqual(['DECIMAL(38,10)', 'DECIMAL(38,10)'])
  })

  it(`hold ${SQL_LIMITS.pageSize.toLocaleString('en-US')} rows unless asked otherwise, and at most ${SQL_LIMITS.maxRows.toLocaleString('en-US')}`, async () => {
    const result = await api.runSql({ sql: 'SELECT * FROM range(5000)' })
    expect(result).toMatchObject({ pageSize: SQL_LIMITS.pageSize, totalRows: 5000 })
    expect(result.rows).toHaveLength(SQL_LIMITS.pageSize)
    const biggest = await api.runSql({ sql: 'SELECT 1', pageSize: SQL_LIMITS.maxRows })
    expect(biggest.rows).toEqual([[1]])
    for (const bad of [
      { pageSize: 0 },
      { pageSize: SQL_LIMITS.maxRows + 1 },
      { pageSize: 1.5 },
      { page: -1 },
      { timeoutSeconds: 0 },
      { timeoutSeconds: SQL_LIMITS.maxTimeoutSeconds + 1 },
    ]) {
      await expect(
        api.runSql({ sql: 'SELECT 1', ...bad }),
        JSON.stringify(bad),
      ).rejects.toMatchObject({
        code: 'INVALID_QUERY',
        message: expect.stringMatching(/must be a whole number/),
      })
    }
    await expect(api.runSql({ sql: '  ' })).rejects.toMatchObject({
      message: 'Type a SELECT query.',
    })
  })

  it('leave the total out when counting it would take long, and still say more rows follow', async () => {
    const started = Date.now()
    const result = await api.runSql({ sql: 'SELECT * FROM range(10000000000)', pageSize: 10 })
    expect(result.rows).toHaveLength(10)
    expect(result.totalRows).toBeUndefined()
    expect(result.truncated).toBe(true)
    expect(result.ordered).toBe(false)
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('show MAPs, lists and doubles as DuckDB gives them', async () => {
    const result = await api.runSql({
      sql: "SELECT MAP {'team': 'data'} AS tags, [1, 2] AS list, 1e-7 AS small, NULL AS nothing",
    })
    expect(result.columns.map((c) => c.type)).toEqual([
      'MAP(VARCHAR, VARCHAR)',
      'INTEGER[]',
      'DOUBLE',
      'INTEGER',
    ])
    expect(result.rows).toEqual([[[{ key: 'team', value: 'data' }], [1, 2], 1e-7, null]])
  })
})

describe('SQL console CSV', () => {
  it('opens safely in Excel: BOM, CRLF, formulas escaped, credits and tiny numbers still numbers', async () => {
    const sql = `SELECT tags['iamPrincipal/cost-center'] AS cost_center, unblended_cost, 1e-7 AS small, tags
FROM cur ORDER BY unblended_cost, usage_start`
    const { csv, rows, truncated } = await api.sqlCsv({ sql })
    const page = await api.runSql({ sql, pageSize: SQL_LIMITS.maxRows })
    expect(rows).toBe(page.rows.length)
    expect(truncated).toBe(false)
    expect(csv.startsWith('\uFEFFcost_center,unblended_cost,small,tags\r\n')).toBe(true)
    expect(csv.replaceAll('\r\n', '')).not.toContain('\n')
    const back = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data.slice(1)
    // Rows of equal cost and hour may come in either order: compared as sorted lines.
    const written = back.map(([center, cost, small]) => [center, cost, small].join('|')).sort()
    const expected = page.rows
      .map(([center, cost]) => {
        const escaped = center === HYPERLINK_PAYLOAD ? `'${HYPERLINK_PAYLOAD}` : (center ?? '')
        return [escaped, cost, '0.0000001'].join('|')
      })
      .sort()
    expect(written).toEqual(expected)
    for (const [, , , tags] of back) expect(tags).toMatch(/^\{.*\}$/)
    expect(back.some(([center]) => center === `'${HYPERLINK_PAYLOAD}`)).toBe(true)
    expect(back.some(([, cost]) => cost.startsWith('-'))).toBe(true)
  })

  it('writes at most the rows asked for, and says when the result had more', async () => {
    const { csv, rows, truncated } = await api.sqlCsv({ sql: BY_COST, limit: 3 })
    expect(rows).toBe(3)
    expect(truncated).toBe(true)
    expect(csv.split('\r\n').filter((line) => line !== '')).toHaveLength(4)
    await expect(api.sqlCsv({ sql: BY_COST, limit: SQL_LIMITS.maxRows + 1 })).rejects.toMatchObject(
      {
        code: 'INVALID_QUERY',
      },
    )
  })

  it('writes a floating-point column holding NaN as text', async () => {
    const { csv } = await api.sqlCsv({
      sql: "SELECT x FROM (VALUES (1.5::DOUBLE), ('nan'::DOUBLE), (-2::DOUBLE)) AS t(x)",
    })
    expect(csv).toBe("\uFEFFx\r\n1.5\r\nNaN\r\n'-2\r\n")
  })
})
