// Figures computed from the generator's rows (its ground truth), to compare with what the view gives:
// unblended cost summed exactly, grouped by any key of a row.
import type { Engine } from '../../../core/engine/duckdb.js'
import type { BillingRow } from '../../fixtures/cur-generator.js'
import { formatUnits, toUnits } from '../../fixtures/money.js'

/** Unblended cost of `rows` by `key` (null keys under "null"), as 10-decimal strings. */
export function unblendedBy(
  rows: BillingRow[],
  key: (row: BillingRow) => string | null,
): Record<string, string> {
  const sums = new Map<string, bigint>()
  for (const row of rows) {
    const k = String(key(row))
    sums.set(k, (sums.get(k) ?? 0n) + toUnits(row.line_item_unblended_cost))
  }
  return Object.fromEntries(
    [...sums].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, formatUnits(v)]),
  )
}

/** The same from the `cur` view: unblended cost grouped by the SQL expression `key`. */
export async function viewUnblendedBy(
  engine: Engine,
  key: string,
): Promise<Record<string, string>> {
  const rows = await engine.query<{ key: string | null; cost: string }>(
    `SELECT CAST(${key} AS VARCHAR) AS key, CAST(sum(unblended_cost) AS VARCHAR) AS cost
     FROM cur GROUP BY 1`,
  )
  return Object.fromEntries(
    rows.map((r) => [String(r.key), r.cost]).sort(([a], [b]) => a.localeCompare(b)),
  )
}

export const month = (row: BillingRow) => row.bill_billing_period_start_date.slice(0, 7)
export const principal = (row: BillingRow) => row.line_item_iam_principal || null
export const account = (row: BillingRow) => row.line_item_usage_account_id
export const usageDay = (row: BillingRow) => row.line_item_usage_start_date.slice(0, 10)
