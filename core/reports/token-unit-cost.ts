// Cost per million tokens by model (or any dimensions, e.g. model and token type). Only rows that
// bill tokens take part, on both sides of the ratio: provisioned-throughput hours, images, and credit
// or refund rows that carry a token usage type but no tokens never dilute the rate. Tokens and cost
// are exact DECIMAL sums; the rate is a ratio rounded once, to 6 decimals, in SQL. Each group names
// the pricing units it assumed for rows that had none.
import type { TokenUnitCost, TokenUnitCostQuery } from '../api.js'
import type { AttributedRows } from '../rows/attributed-rows.js'
import { dimensionRead, metricColumn } from '../rows/dimensions.js'
import { resolveNames } from '../rows/resolve-names.js'
import { validateBreakdownQuery } from './breakdown-sql.js'

export async function tokenUnitCosts(
  rows: AttributedRows,
  query: TokenUnitCostQuery = {},
  signal?: AbortSignal,
): Promise<TokenUnitCost[]> {
  const basis = query.basis ?? 'unblended'
  const dimensions = query.dimensions ?? ['model']
  validateBreakdownQuery({ dimensions, metric: basis, filters: query.filters })
  const resolved = await resolveNames(rows, { dimensions, filters: query.filters }, signal)
  const cost = metricColumn(basis)
  const keyNames = resolved.dimensions.map((_, i) => `key_${i}`)
  const result = await rows.read<Record<string, string | string[] | null>>(
    {
      columns: resolved.dimensions.map((d, i) => ({ name: keyNames[i], read: dimensionRead(d) })),
      filters: resolved.filters,
      metrics: ['tokens', basis, 'assumed_units'],
      billsTokens: true,
    },
    (groups) => `SELECT
  ${keyNames.map((k) => `CAST(${k} AS VARCHAR) AS ${k}`).join(', ')},
  CAST(tokens AS DECIMAL(38, 0)) AS tokens,
  CAST(COALESCE(${cost}, 0) AS DECIMAL(38, 10)) AS cost,
  CAST(round(COALESCE(${cost}, 0) * 1000000 / NULLIF(tokens, 0), 6) AS DECIMAL(38, 6)) AS cost_per_million,
  assumed_units
FROM (${groups})
ORDER BY tokens DESC, ${keyNames.map((k) => `${k} ASC NULLS LAST`).join(', ')}`,
    {},
    { signal },
  )
  return result.map((r) => ({
    keys: resolved.dimensions.map((_, i) => (r[`key_${i}`] as string | null) ?? null),
    tokens: (r.tokens as string | null) ?? '0',
    cost: (r.cost as string | null) ?? '0',
    costPerMillionTokens: (r.cost_per_million as string | null) ?? null,
    assumedUnits: (r.assumed_units as string[] | null) ?? [],
  }))
}
