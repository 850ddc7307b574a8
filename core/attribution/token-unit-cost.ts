// Cost per million tokens by model (or any dimensions, e.g. model and token type). Only rows that
// count tokens take part, so provisioned-throughput hours or images never dilute the rate. Tokens
// and cost are exact DECIMAL sums; the rate is a ratio rounded once, to 6 decimals, in SQL.
import type { TokenUnitCost, TokenUnitCostQuery } from '../api.js'
import type { Dataset } from '../sources/dataset.js'
import { currentRowSource } from './attribution-cache.js'
import { validateBreakdownQuery } from './breakdown-sql.js'
import {
  LIVE_SOURCE,
  SqlParamBag,
  cacheCovers,
  dimensionSql,
  filterConditions,
  metricColumn,
  relationOf,
} from './dimensions.js'
import { resolveTagNames } from './tag-keys.js'

export async function tokenUnitCosts(
  dataset: Dataset,
  query: TokenUnitCostQuery = {},
): Promise<TokenUnitCost[]> {
  const basis = query.basis ?? 'unblended'
  const dimensions = query.dimensions ?? ['model']
  validateBreakdownQuery({ dimensions, metric: basis, filters: query.filters })
  const ready = await currentRowSource(dataset.engine)
  const resolved = await resolveTagNames(
    dataset.engine,
    { dimensions, filters: query.filters },
    ready,
  )
  const names = [...resolved.dimensions, ...(resolved.filters ?? []).map((f) => f?.dimension)]
  const source = cacheCovers(ready, names) ? ready : LIVE_SOURCE
  const bag = new SqlParamBag()
  const keys = resolved.dimensions.map((d, i) => `${dimensionSql(d, source, bag).expr} AS key_${i}`)
  const conditions = [...filterConditions(resolved.filters, source, bag), 'tokens IS NOT NULL']
  const cost = metricColumn(basis)
  const keyNames = resolved.dimensions.map((_, i) => `key_${i}`)
  const rows = await dataset.engine.query<Record<string, string | null>>(
    `SELECT
  ${keyNames.map((k) => `CAST(${k} AS VARCHAR) AS ${k}`).join(', ')},
  CAST(tokens AS DECIMAL(38, 0)) AS tokens,
  CAST(cost AS DECIMAL(38, 10)) AS cost,
  CAST(round(cost * 1000000 / NULLIF(tokens, 0), 6) AS DECIMAL(38, 6)) AS cost_per_million
FROM (
  SELECT ${keys.join(', ')}, SUM(tokens) AS tokens, COALESCE(SUM(${cost}), 0) AS cost
  FROM ${relationOf(source, [], 'tokens')}
  WHERE ${conditions.join('\n    AND ')}
  GROUP BY ALL
)
ORDER BY tokens DESC, ${keyNames.map((k) => `${k} ASC NULLS LAST`).join(', ')}`,
    bag.params,
  )
  return rows.map((r) => ({
    keys: resolved.dimensions.map((_, i) => r[`key_${i}`] ?? null),
    tokens: r.tokens ?? '0',
    cost: r.cost ?? '0',
    costPerMillionTokens: r.cost_per_million ?? null,
  }))
}
