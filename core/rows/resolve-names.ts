// What a query names, as the data spells it, before it is compiled: `tag:<label>` becomes the stored
// key (a tag the export lacks is refused), and model, provider and token-type filter values become
// the values the data holds in any letter case or spelling.
import type { Dimension, Filter } from '../api.js'
import type { AttributedRows } from './attributed-rows.js'
import { resolveFilterValues } from './filter-values.js'
import { resolveTagNames } from './tag-names.js'

export async function resolveNames<Q extends { dimensions?: Dimension[]; filters?: Filter[] }>(
  rows: AttributedRows,
  query: Q,
  signal?: AbortSignal,
): Promise<Q> {
  const tagged = await resolveTagNames(rows, query, signal)
  const filters = await resolveFilterValues(rows, tagged.filters, signal)
  return filters === undefined ? tagged : { ...tagged, filters }
}
