// Public face of core/attribution: group-by over declared dimensions, tag keys, line-item drill-down.
import type {
  BreakdownQuery,
  BreakdownResult,
  LineItemsQuery,
  LineItemsResult,
  TagKeysResult,
} from '../api.js'
import { CurLensError } from '../errors/curlens-error.js'
import type { Dataset } from '../sources/dataset.js'

export async function breakdown(
  _dataset: Dataset,
  _query: BreakdownQuery,
): Promise<BreakdownResult> {
  throw new CurLensError('INTERNAL', 'breakdown: not implemented yet')
}

export async function tagKeys(_dataset: Dataset): Promise<TagKeysResult> {
  throw new CurLensError('INTERNAL', 'tagKeys: not implemented yet')
}

export async function lineItems(
  _dataset: Dataset,
  _query: LineItemsQuery,
): Promise<LineItemsResult> {
  throw new CurLensError('INTERNAL', 'lineItems: not implemented yet')
}
