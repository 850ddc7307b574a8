// Runs a breakdown over the attributed rows: resolves what the query names (tag labels to stored
// keys, refusing tags the export lacks; Bedrock filter values to the data's spelling), reads the
// groups (from the cache once ready, else straight from the files) and maps them to the API shape.
import type { BreakdownQuery, BreakdownResult, BreakdownRow, GroupValue } from '../api.js'
import type { AttributedRows, ReadOptions } from '../rows/attributed-rows.js'
import { resolveNames } from '../rows/resolve-names.js'
import { buildBreakdownSql, validateBreakdownQuery } from './breakdown-sql.js'

type ResultRow = {
  is_total: boolean
  other: boolean
  under: number | string
  period?: string
  value: string
  [key: string]: unknown
}

export async function breakdown(
  rows: AttributedRows,
  query: BreakdownQuery,
  options: ReadOptions = {},
): Promise<BreakdownResult> {
  validateBreakdownQuery(query)
  return readBreakdown(rows, await resolveNames(rows, query, options.signal), options)
}

/** A breakdown whose names are already resolved (tag keys as stored, filter values as spelled). */
export async function readBreakdown(
  rows: AttributedRows,
  query: BreakdownQuery,
  options: ReadOptions = {},
): Promise<BreakdownResult> {
  const { read, outer, params, keyColumns } = buildBreakdownSql(query)
  const result = await rows.read<ResultRow>(read, outer, params, options)
  const total = result.find((r) => r.is_total)?.value ?? '0'
  return {
    dimensions: query.dimensions,
    metric: query.metric,
    total,
    rows: result
      .filter((r) => !r.is_total)
      .map((r) => {
        const row: BreakdownRow = {
          keys: keyColumns.map((k) => (r[k] ?? null) as GroupValue),
          value: r.value,
        }
        if (query.timeGrain) row.period = r.period
        if (r.other) row.other = true
        if (Number(r.under) > 0) row.under = Number(r.under)
        return row
      }),
  }
}
