// `cur-lens summary` end to end: the real CLI, its engine in a child process, on a real export.
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { sumDecimals } from './decimal-units.js'

const run = promisify(execFile)
const CLI = fileURLToPath(new URL('../../../bin/cur-lens.js', import.meta.url))
const SAMPLE = '/work/shared/samples/ola-raji-cur2-csv'

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, 'summary', ...args])
    return { code: 0, stdout, stderr }
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

describe('cur-lens summary', () => {
  it('prints exactly one JSON document with --json', async () => {
    const text = await readFile(`${SAMPLE}/ha-project-CUR-daily-1-00001.csv`, 'utf8')
    const rows = Papa.parse<Record<string, string>>(text, {
      header: true,
      skipEmptyLines: true,
    }).data
    const { code, stdout } = await cli(SAMPLE, '--json')
    expect(code).toBe(0)
    const summary = JSON.parse(stdout)
    expect(Object.keys(summary)).toEqual(['format', 'rows', 'billingPeriods', 'totals', 'models'])
    // The sample has no Bedrock line item.
    expect(summary.models).toEqual({ bedrockCost: 0, unknownCost: 0, unknownModels: [] })
    expect(summary).toMatchObject({
      format: 'cur2-csv',
      rows: rows.length,
      billingPeriods: ['2026-04'],
    })
    const usage = rows.filter((r) => r.line_item_line_item_type === 'Usage')
    expect(summary.totals.byLineItemType.Usage.unblended).toBe(
      Number(sumDecimals(usage.map((r) => r.line_item_unblended_cost))),
    )
    expect(Object.keys(summary.totals.byLineItemType).sort()).toEqual(['Credit', 'Tax', 'Usage'])
    expect(Math.abs(summary.totals.unblended)).toBeLessThan(0.005)
    expect(typeof summary.totals.amortized).toBe('number')
  })

  it('writes amounts as the exact decimals, never in exponent notation', async () => {
    const text = await readFile(`${SAMPLE}/ha-project-CUR-daily-1-00001.csv`, 'utf8')
    const rows = Papa.parse<Record<string, string>>(text, {
      header: true,
      skipEmptyLines: true,
    }).data
    // Usage and credits nearly cancel: a JS number would print this total as -6.76e-8.
    const total = sumDecimals(rows.map((r) => r.line_item_unblended_cost))
    expect(total).toBe('-0.0000000676')
    const { stdout } = await cli(SAMPLE, '--json')
    expect(stdout).toContain(`"totals":{"unblended":${total},`)
    expect(stdout).not.toMatch(/\de[+-]?\d/i)
  })

  it('prints the format, rows, periods and a table of totals by line item type', async () => {
    const { code, stdout } = await cli(SAMPLE)
    expect(code).toBe(0)
    expect(stdout).toContain('CUR 2.0 CSV')
    expect(stdout).toContain('1,882')
    expect(stdout).toContain('2026-04')
    expect(stdout).toMatch(/Credit\s+358\s+-\$47\.68\s+-\$47\.68/)
  })

  it('reports an error on stderr with a non-zero exit', async () => {
    const { code, stdout, stderr } = await cli('/no/such/export')
    expect(code).not.toBe(0)
    expect(stdout).toBe('')
    expect(stderr).toContain('FILE_NOT_FOUND')
    expect(stderr).toContain('/no/such/export')
  })
})
