// The line items added, removed and changed between two sides. Lines are matched by line item id
// and usage start when every line of both sides has an id (CUR 2.0, legacy CUR), else by the
// columns that stay put between deliveries (FOCUS has no id); the result says which. Each side is
// summed per match key (a key may repeat), then the two are joined. Two exports live in two
// engines: the one side writes its sums to a Parquet file in its work folder, which the other
// side's engine (opened allowed to read that folder) joins with its own.
import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type {
  CompareLinesQuery,
  CompareLinesResult,
  CostMetric,
  LineChange,
  LineChangeKind,
} from '../api.js'
import { COST_METRICS, SQL_LIMITS } from '../api-values.js'
import { usedParams, type Engine, type Row } from '../engine/duckdb.js'
import { CurLensError } from '../errors/curlens-error.js'
import { SqlParamBag } from '../rows/dimensions.js'
import { rowConditions, validateFilters } from '../rows/grouped-rows.js'
import { sqlString } from '../sources/sql-text.js'
import { resolveSides, type SideRows } from './compare-sides.js'
import { figures } from './compare.js'

export const DEFAULT_LINES = 1_000

/** Match columns, as `attribution_rows` names them → as `cur` names them. */
const ID_KEYS: Readonly<Record<string, string>> = {
  line_item_id: 'line_item_id',
  usage_start: 'usage_start',
}
const STABLE_KEYS: Readonly<Record<string, string>> = {
  billing_period: 'billing_period',
  usage_start: 'usage_start',
  account: 'usage_account_id',
  line_item_type: 'line_item_type',
  product_code: 'product_code',
  usage_type: 'usage_type',
  operation: 'operation',
  region: 'region',
  resource_id: 'resource_id',
  principal_arn: 'principal_arn',
  pricing_unit: 'pricing_unit',
  description: 'description',
}
/** What a listed line shows: result field → column of `attribution_rows`. */
const SHOWN: Readonly<Record<string, string>> = {
  period: 'billing_period',
  account: 'account',
  lineItemType: 'line_item_type',
  service: 'service',
  usageType: 'usage_type',
  operation: 'operation',
  resourceId: 'resource_id',
  description: 'description',
}

export async function compareLines(
  old: SideRows,
  next: SideRows,
  query: CompareLinesQuery,
  options: { joinOn: 'old' | 'new'; signal?: AbortSignal },
): Promise<CompareLinesResult> {
  const { signal } = options
  const metric = query?.metric ?? 'unblended'
  if (!(COST_METRICS as readonly string[]).includes(metric)) {
    throw new CurLensError('INVALID_QUERY', `Lines compare a cost: ${COST_METRICS.join(', ')}.`)
  }
  const limit = query.limit ?? DEFAULT_LINES
  if (!Number.isInteger(limit) || limit < 1 || limit > SQL_LIMITS.maxRows) {
    throw new CurLensError('INVALID_QUERY', `limit must be from 1 to ${SQL_LIMITS.maxRows}.`)
  }
  validateFilters(query.filters)
  const { filters } = await resolveSides([old, next], { dimensions: [], filters: query.filters })
  // Row by row: every line needs its principal, model and tags for the filters to apply.
  await Promise.all([old.rows.complete(signal), next.rows.complete(signal)])
  // One bag for both sides: in one engine, the two sides' parameters must not share a name.
  const bag = new SqlParamBag()
  const where = filters.map((f) => {
    const conditions = rowConditions(f, bag)
    return conditions.length ? conditions.join('\n  AND ') : 'true'
  })
  const run = <T extends Row>(engine: Engine, sql: string) =>
    engine.query<T>(sql, usedParams(sql, bag.params), { signal })
  const missing = await Promise.all(
    [old, next].map(async (side, i) => {
      const [row] = await run<{ missing: string }>(
        side.rows.engine,
        `SELECT count(*) FILTER (WHERE line_item_id IS NULL) AS missing
FROM attribution_rows WHERE ${where[i]}`,
      )
      return Number(row.missing)
    }),
  )
  const byId = missing.every((m) => m === 0)
  const keys = Object.keys(byId ? ID_KEYS : STABLE_KEYS)
  const sums = where.map((w) => sideSums(keys, metric as CostMetric, w))
  const table = `line_changes_${randomUUID().replaceAll('-', '')}`
  const joiner = options.joinOn === 'old' ? old : next
  const engine = joiner.rows.engine
  let file: string | undefined
  try {
    let relations: [string, string]
    if (old.rows.engine === next.rows.engine) {
      relations = [`(${sums[0]})`, `(${sums[1]})`]
    } else {
      const far = options.joinOn === 'old' ? 1 : 0
      const farSide = far === 0 ? old : next
      file = join(farSide.rows.dataset.workDirectory, `${table}.parquet`)
      // COPY … TO takes no parameter: the file CUR Lens names goes through the quoting helper.
      await run(farSide.rows.engine, `COPY (${sums[far]}) TO ${sqlString(file)} (FORMAT parquet)`)
      const read = `read_parquet(${bag.bind('far_sums', file)})`
      relations = far === 0 ? [read, `(${sums[1]})`] : [`(${sums[0]})`, read]
    }
    await run(engine, joinSql(table, keys, relations))
    return await readChanges(engine, table, { byId, keys, metric, limit, signal })
  } finally {
    await engine.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined)
    if (file) await rm(file, { force: true })
  }
}

/** One side summed per match key, with what a listed line shows. */
function sideSums(keys: string[], metric: CostMetric, where: string): string {
  const shown = Object.values(SHOWN).filter((c) => !keys.includes(c))
  return `SELECT
    ${keys.join(', ')},
    ${shown.map((c) => `any_value(${c}) AS ${c}`).join(', ')},
    count(*) AS lines,
    CAST(sum(${metric}) AS DECIMAL(38, 10)) AS amount
  FROM attribution_rows
  WHERE ${where}
  GROUP BY ${keys.join(', ')}`
}

/** Both sides joined on every key (NULL matches NULL), each match classified. */
function joinSql(table: string, keys: string[], [old, next]: [string, string]): string {
  const columns = [...keys, ...Object.values(SHOWN).filter((c) => !keys.includes(c))]
  return `CREATE TABLE ${table} AS
SELECT
  CASE
    WHEN o.lines IS NULL THEN 'added'
    WHEN n.lines IS NULL THEN 'removed'
    WHEN o.amount = n.amount AND o.lines = n.lines THEN 'unchanged'
    ELSE 'changed'
  END AS kind,
  ${columns.map((c) => `coalesce(n.${c}, o.${c}) AS ${c}`).join(',\n  ')},
  coalesce(o.lines, 0) AS old_lines,
  coalesce(n.lines, 0) AS new_lines,
  coalesce(o.amount, 0) AS old_amount,
  coalesce(n.amount, 0) AS new_amount
FROM ${old} AS o
FULL JOIN ${next} AS n
  ON ${keys.map((k) => `o.${k} IS NOT DISTINCT FROM n.${k}`).join('\n  AND ')}`
}

type KindRow = { kind: LineChangeKind | 'unchanged'; lines: string; old: string; new: string }
type LineRow = Record<string, string | null> & { kind: LineChangeKind }

async function readChanges(
  engine: Engine,
  table: string,
  how: { byId: boolean; keys: string[]; metric: CostMetric; limit: number; signal?: AbortSignal },
): Promise<CompareLinesResult> {
  const { signal } = how
  const kinds = await engine.query<KindRow>(
    `SELECT kind, count(*) AS lines,
  CAST(sum(old_amount) AS DECIMAL(38, 10)) AS old,
  CAST(sum(new_amount) AS DECIMAL(38, 10)) AS new
FROM ${table} GROUP BY kind`,
    {},
    { signal },
  )
  const select = Object.entries(SHOWN).map(([field, column]) => `${column} AS "${field}"`)
  const lines = await engine.query<LineRow>(
    `SELECT kind,
  ${how.byId ? 'line_item_id' : 'NULL'} AS "lineItemId",
  CAST(usage_start AS VARCHAR) AS "usageStart",
  ${select.join(',\n  ')},
  old_lines AS "oldLines",
  new_lines AS "newLines",
  old_amount AS old,
  new_amount AS new,
  CAST(new_amount - old_amount AS DECIMAL(38, 10)) AS change
FROM ${table}
WHERE kind <> 'unchanged'
ORDER BY abs(new_amount - old_amount) DESC, kind,
  ${how.keys.map((k) => `${k} ASC NULLS LAST`).join(', ')}
LIMIT $limit`,
    { limit: how.limit + 1 },
    { signal },
  )
  const kind = (name: LineChangeKind | 'unchanged') => kinds.find((k) => k.kind === name)
  const totals = (name: LineChangeKind) => {
    const row = kind(name)
    return {
      lines: Number(row?.lines ?? 0),
      ...figures(row?.old ?? '0', row?.new ?? '0', how.metric),
    }
  }
  return {
    matchedBy: how.byId ? 'line-item-id' : 'stable-columns',
    matchColumns: how.keys.map((k) => (how.byId ? ID_KEYS : STABLE_KEYS)[k]),
    metric: how.metric,
    kinds: { added: totals('added'), removed: totals('removed'), changed: totals('changed') },
    unchanged: Number(kind('unchanged')?.lines ?? 0),
    lines: lines.slice(0, how.limit).map((r): LineChange => ({
      ...(r as unknown as LineChange),
      oldLines: Number(r.oldLines),
      newLines: Number(r.newLines),
    })),
    truncated: lines.length > how.limit,
  }
}
