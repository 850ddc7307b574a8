// Filters on the Bedrock dimensions (model, provider, token type) match whatever the user types in
// another letter case or spelling: `model=amazon nova pro`, `model=NovaPro`, `model=amazon.nova-pro-v1`
// and `token-type=Input` select the same rows as the names the data holds. Each value is replaced,
// before any SQL is compiled, by the values of `bedrock_dim` it names (compared on lower-case letters
// and digits, then through the model catalog), so the filter stays a plain comparison instead of
// lower-casing every row. It reads the complete lookup. A value that names nothing stays as given
// and matches no row.
import type { Filter, GroupValue } from '../api.js'
import type { Engine } from '../engine/duckdb.js'
import type { AttributedRows } from './attributed-rows.js'
import { findModel, foldModelName } from './model-catalog.js'

/** The filter dimensions resolved here, and the `bedrock_dim` column holding their values. */
const BEDROCK_DIMENSIONS: Readonly<Record<string, string>> = {
  model: 'model',
  provider: 'provider',
  'token-type': 'token_type',
}

/** `filters` with the Bedrock dimensions' values spelled as the data spells them. */
export async function resolveFilterValues(
  rows: AttributedRows,
  filters: Filter[] | undefined,
  signal?: AbortSignal,
): Promise<Filter[] | undefined> {
  if (!Array.isArray(filters)) return filters
  const dimensions = new Set(
    filters.map((f) => f?.dimension).filter((d) => Object.hasOwn(BEDROCK_DIMENSIONS, d)),
  )
  if (dimensions.size === 0) return [...filters]
  await rows.complete(signal)
  const present = await presentValues(rows.engine, [...dimensions])
  return filters.map((filter) =>
    present.has(filter?.dimension) && Array.isArray(filter.values)
      ? {
          ...filter,
          values: filter.values.flatMap((v) =>
            spelled(v, present.get(filter.dimension)!, filter.dimension === 'model'),
          ),
        }
      : filter,
  )
}

/** The values each dimension holds in the data. */
async function presentValues(
  engine: Engine,
  dimensions: string[],
): Promise<Map<string, readonly string[]>> {
  const present = new Map<string, readonly string[]>()
  for (const dimension of dimensions) {
    // The column name comes from the closed map above, never from the query.
    const column = BEDROCK_DIMENSIONS[dimension]
    const rows = await engine.query<{ value: string }>(
      `SELECT DISTINCT ${column} AS value FROM bedrock_dim WHERE ${column} IS NOT NULL`,
    )
    present.set(
      dimension,
      rows.map((r) => r.value),
    )
  }
  return present
}

/** The present values `value` names: itself, its folded matches, or its catalog model's name. */
function spelled(value: GroupValue, present: readonly string[], isModel: boolean): GroupValue[] {
  if (typeof value !== 'string' || present.includes(value)) return [value]
  const folded = foldModelName(value)
  const matches = present.filter((p) => foldModelName(p) === folded)
  if (matches.length > 0) return matches
  const model = isModel ? findModel(value) : undefined
  return model && present.includes(model.name) ? [model.name] : [value]
}
