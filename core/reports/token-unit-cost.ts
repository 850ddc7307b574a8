// Cost per million tokens by model (or any dimensions, e.g. model and token type). Only rows that
// bill tokens take part, on both sides of the ratio: provisioned-throughput hours, images, and credit
// or refund rows that carry a token usage type but no tokens never dilute the rate. Tokens and cost
// are exact DECIMAL sums; the rate is a ratio rounded once, to 6 decimals, in SQL. Each group names
// the pricing units it assumed for rows that had none.
import type { TokenUnitCost, TokenUnitCostQuery } from '../api.js'
import type { Dataset } from '../sources/dataset.js'
import { currentRowSource } from '../rows/cache-state.js'
import { validateBreakdownQuery } from './breakdown-sql.js'
import {
  BILLS_TOKENS,
  LIVE_SOURCE,
  SqlParamBag,
  cacheCovers,
  dimensionSql,
  filterConditions,
  metricColumn,
  readsTags,
  relationOf,
} from '../rows/dimensions.js'
import { resolveFilterValues } from '../rows/filter-values.js'
import { resolveTagNames } from '../rows/tag-names.js'
import { tagSetsSwitched } from '../rows/tag-sets-switch.js'

export async function tokenUnitCosts(
  dataset: Dataset,
  query: TokenUnitCostQuery = {},
): Promise<TokenUnitCost[]> {
  const basis = query.basis ?? 'unblended'
  const dimensions = query.dimensions ?? ['model']
  validateBreakdownQuery({ dimensions, metric: basis, filters: query.filters })
  const ready = await currentRowSource(dataset.engine)
  if (ready.kind === 'live' && readsTags({ dimensions, filters: query.filters })) {
    await tagSetsSwitched(dataset)
  }
  const tagged = await resolveTagNames(
    dataset.engine,
    { dimensions, filters: query.filters },
    ready,
  )
  const resolved = { ...tagged, filters: await resolveFilterValues(dataset.engine, tagged.filters) }
  const names = [...resolved.dimensions, ...(resolved.filters ?? []).map((f) => f?.dimension)]
  const source = cacheCovers(ready, names) ? ready : LIVE_SOURCE
  const bag = new SqlParamBag()
  const keys = resolved.dimensions.map((d, i) => `${dimensionSql(d, source, bag).expr} AS key_${i}`)
  const conditions = [...filterConditions(resolved.filters, source, bag), BILLS_TOKENS]
  const cost = metricColumn(basis)
  const keyNames = resolved.dimensions.map((_, i) => `key_${i}`)
  const rows = await dataset.engine.query<Record<string, string | string[] | null>>(
    `SELECT
  ${keyNames.map((k) => `CAST(${k} AS VARCHAR) AS ${k}`).join(', ')},
  CAST(tokens AS DECIMAL(38, 0)) AS tokens,
  CAST(cost AS DECIMAL(38, 10)) AS cost,
  CAST(round(cost * 1000000 / NULLIF(tokens, 0), 6) AS DECIMAL(38, 6)) AS cost_per_million,
  assumed_units
FROM (
  SELECT ${keys.join(', ')}, SUM(tokens) AS tokens, COALESCE(SUM(${cost}), 0) AS cost,
    list_sort(list(DISTINCT CAST(assumed_token_unit AS VARCHAR))
      FILTER (WHERE assumed_token_unit IS NOT NULL)) AS assumed_units
  FROM ${relationOf(source, names, 'tokens')}
  WHERE ${conditions.join('\n    AND ')}
  GROUP BY ALL
)
ORDER BY tokens DESC, ${keyNames.map((k) => `${k} ASC NULLS LAST`).join(', ')}`,
    bag.params,
  )
  return rows.map((r) => ({
    keys: resolved.dimensions.map((_, i) => (r[`key_${i}`] as string | null) ?? null),
    tokens: (r.tokens as string | null) ?? '0',
    cost: (r.cost as string | null) ?? '0',
    costPerMillionTokens: (r.cost_per_million as string | null) ?? null,
    assumedUnits: (r.assumed_units as string[] | null) ?? [],
  }))
}
