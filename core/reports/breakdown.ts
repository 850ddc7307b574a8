// Runs a breakdown: reads from the engine which row source is ready (the cache, when it holds every
// tag key the query names, else the live view), resolves `tag:<label>` names to stored keys and
// refuses tags the export lacks, rewrites Bedrock filter values to the data's spelling, compiles
// the query and maps the rows to the API shape.
import type { BreakdownQuery, BreakdownResult, BreakdownRow, GroupValue } from '../api.js'
import type { Dataset } from '../sources/dataset.js'
import { currentRowSource } from '../rows/cache-state.js'
import { buildBreakdownSql, validateBreakdownQuery } from './breakdown-sql.js'
import { LIVE_SOURCE, cacheCovers, readsTags, type RowSource } from '../rows/dimensions.js'
import { resolveFilterValues } from '../rows/filter-values.js'
import { resolveTagNames } from '../rows/tag-names.js'
import { tagSetsSwitched } from '../rows/tag-sets-switch.js'

type ResultRow = {
  is_total: boolean
  other: boolean
  period?: string
  value: string
  [key: string]: unknown
}

export interface BreakdownOptions {
  /** Forces a row source (tests compare both); by default the engine's state decides. */
  source?: RowSource
  /** Interrupts the query, e.g. when a newer request supersedes it. */
  signal?: AbortSignal
}

export async function breakdown(
  dataset: Dataset,
  query: BreakdownQuery,
  { source, signal }: BreakdownOptions = {},
): Promise<BreakdownResult> {
  validateBreakdownQuery(query)
  const ready = source ?? (await currentRowSource(dataset.engine))
  if (ready.kind === 'live' && readsTags(query)) await tagSetsSwitched(dataset)
  const tagged = await resolveTagNames(dataset.engine, query, ready)
  const resolved = { ...tagged, filters: await resolveFilterValues(dataset.engine, tagged.filters) }
  const names = [...resolved.dimensions, ...(resolved.filters ?? []).map((f) => f?.dimension)]
  const from = cacheCovers(ready, names) ? ready : LIVE_SOURCE
  const { sql, params, keyColumns } = buildBreakdownSql(resolved, from)
  const rows = await dataset.engine.query<ResultRow>(sql, params, { signal })
  const total = rows.find((r) => r.is_total)?.value ?? '0'
  return {
    dimensions: query.dimensions,
    metric: query.metric,
    total,
    rows: rows
      .filter((r) => !r.is_total)
      .map((r) => {
        const row: BreakdownRow = {
          keys: keyColumns.map((k) => (r[k] ?? null) as GroupValue),
          value: r.value,
        }
        if (query.timeGrain) row.period = r.period
        if (r.other) row.other = true
        return row
      }),
  }
}
