// `cur-lens report --by model` over an export that spans 2026-07-20, when AWS started to name the
// model in the product map, spelled differently from the usage type's billing names ("Amazon Nova
// Pro" against NovaPro, "Mistral Large 2" against MistralLarge2). One model must stay one row, and a
// month × model split must not lose a model in July and gain a new one. Expected figures come from
// the generator's own truth, summed exactly.
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateBilling, writeCur2Parquet, type Billing } from '../../fixtures/cur-generator.js'
import { formatUnits, toUnits } from '../../fixtures/money.js'

const run = promisify(execFile)
const CLI = fileURLToPath(new URL('../../../bin/cur-lens.js', import.meta.url))
const MONTHS = ['2026-06', '2026-07', '2026-08']

async function report(...args: string[]): Promise<Record<string, string | number | null>[]> {
  const { stdout } = await run(process.execPath, [CLI, 'report', ...args, '--format', 'json'])
  return JSON.parse(stdout) as Record<string, string | number | null>[]
}

/** Unblended cost of the generator's Bedrock rows by a key of their truth, as JSON numbers. */
function expectedBy(billing: Billing, key: (row: Billing['rows'][number]) => string) {
  const sums = new Map<string, bigint>()
  for (const row of billing.rows.filter((r) => r.truth.bedrock && r.truth.model)) {
    sums.set(key(row), (sums.get(key(row)) ?? 0n) + toUnits(row.line_item_unblended_cost))
  }
  return new Map([...sums].map(([k, units]) => [k, Number(formatUnits(units))]))
}

describe('cur-lens report over an export spanning 2026-07-20', () => {
  let root: string
  let billing: Billing
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'cur-lens-model-names-'))
    billing = generateBilling({ seed: 15_2026, months: MONTHS, awsModelNames: true })
    await writeCur2Parquet(billing, root)
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('gives one row per model, whichever columns billed it', async () => {
    const rows = await report(root, '--by', 'model', '--filter', 'service=Amazon Bedrock')
    const models = rows.filter((r) => r.model !== null)
    const expected = expectedBy(billing, (r) => r.truth.model!)
    expect(new Map(models.map((r) => [r.model, r.cost]))).toEqual(expected)
    expect(models.map((r) => r.model)).toContain('Mistral Large 2')
    expect(models.map((r) => r.model)).not.toContain('MistralLarge2')
  })

  it('keeps every model under one name from June through August', async () => {
    const rows = await report(root, '--by', 'month,model', '--filter', 'service=Amazon Bedrock')
    const models = rows.filter((r) => r.model !== null)
    const expected = expectedBy(
      billing,
      (r) => `${r.bill_billing_period_start_date.slice(0, 7)} ${r.truth.model}`,
    )
    expect(new Map(models.map((r) => [`${r.month} ${r.model}`, r.cost]))).toEqual(expected)
    const inMonth = (month: string) =>
      new Set(models.filter((r) => r.month === month).map((r) => r.model))
    expect(inMonth('2026-07')).toEqual(inMonth('2026-06'))
    expect(inMonth('2026-08')).toEqual(inMonth('2026-06'))
  })
})
