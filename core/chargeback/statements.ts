// chargeback(): statements per recipient for one period (or all), with shared cost kept or spread by
// the declared rules, reconciled to the period's bill total to the cent.
import { CurLensError } from '../errors/curlens-error.js'
import type { Dataset } from '../sources/dataset.js'
import { allocate } from './allocate.js'
import type { RowSource } from '../rows/dimensions.js'
import { queryLines } from './line-query.js'
import { checkRequest } from './request.js'
import type { ChargebackRequest, ChargebackResult } from '../api.js'

export async function chargeback(
  dataset: Dataset,
  request: ChargebackRequest,
  options: { rowSource?: RowSource } = {},
): Promise<ChargebackResult> {
  const checked = checkRequest(request)
  const lines = await queryLines(dataset, { ...checked, rowSource: options.rowSource })
  if (lines.length === 0) {
    const periods = dataset.info.billingPeriods.join(', ') || 'none'
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
  return result
}
