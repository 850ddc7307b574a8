// Totals of an open dataset by line item type, month and service, reconciled to the source files.
import type { SummaryResult } from '../api.js'
import { CurLensError } from '../errors/curlens-error.js'
import type { Dataset } from './dataset.js'

export async function summarize(_dataset: Dataset): Promise<SummaryResult> {
  throw new CurLensError('INTERNAL', 'summarize: not implemented yet')
}
