// chargeback(): statements per recipient for one period (or all), with shared cost kept or spread by
// the declared rules, reconciled to the period's bill total to the cent.
import type { ChargebackRequest, ChargebackResult } from '../api.js'
import { CurLensError } from '../errors/curlens-error.js'
import type { AttributedRows, ReadOptions } from '../rows/attributed-rows.js'
import { labelsOf } from '../rows/principal-labels.js'
import { allocate } from './allocate.js'
import { queryLines } from './line-query.js'
import { checkRequest } from './request.js'

export async function chargeback(
  rows: AttributedRows,
  request: ChargebackRequest,
  options: { base?: ReadOptions['base'] } = {},
): Promise<ChargebackResult> {
  const checked = checkRequest(request)
  const lines = await queryLines(rows, { ...checked, base: options.base })
  if (lines.length === 0) {
    const periods = rows.dataset.info.billingPeriods.join(', ') || 'none'
    throw new CurLensError(
      'INVALID_QUERY',
      `No line items in period ${checked.period ?? 'all'}; the open export covers: ${periods}.`,
    )
  }
  const result = allocate(lines, checked)
  if (!result.reconciles) {
    throw new CurLensError(
      'INTERNAL',
      `The chargeback does not reconcile: recipients ${result.recipientsTotal} + unallocated ${result.unallocated} ≠ bill ${result.billTotal}.`,
    )
  }
  await labelLines(rows, result)
  return result
}

/** Each line's readable principal label, at the levels that have one (full ARN, role). */
async function labelLines(rows: AttributedRows, result: ChargebackResult): Promise<void> {
  const level = result.lineDetail
  if (level !== 'principal' && level !== 'role') return
  const lines = result.statements.flatMap((s) => s.lines)
  const values = [...new Set(lines.map((l) => l.principal).filter((p) => p !== null))]
  const labels = await labelsOf(rows, level, values)
  for (const line of lines) {
    const label = line.principal === null ? undefined : labels.get(line.principal)
    if (label !== undefined) line.label = label
  }
}
