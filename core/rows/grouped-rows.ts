// The one compiler of grouped reads over the attributed rows, in two steps. Step 1 groups the base
// rows (straight from the files, or the cache's facts) by the base columns the read needs, filtered
// on base columns; step 2 joins the lookups (principal roll-ups, Bedrock model and token type,
// merged tags) onto those groups, a few thousand rows, filters on the mapped columns and groups by
// the columns asked for. Every mapping is a function of base columns, so grouping first and mapping
// after gives the figures row-by-row mapping would, at the cost of a plain group-by over the files.
// Tokens are worked out per step-1 group, from its exact usage sum and the line's token scale.
import type { Filter } from '../api.js'
import type { SqlParams } from '../engine/duckdb.js'
import { CurLensError } from '../errors/curlens-error.js'
import {
  dimensionRead,
  rowColumn,
  SqlParamBag,
  type ColumnRead,
  type Lookup,
  type RowColumn,
} from './dimensions.js'
import { rangeCondition, validateRange } from './date-range.js'
import { bedrockShapeJoin, GROUP_TOKENS } from './lookups.js'
import { splitMapped } from './split-read.js'
import { TAG_SETS_TABLE } from './tag-sets.js'

/** The cache's facts, in its attached database with its ENUM types. */
export const CACHE_STORE = 'attribution_store'

export type Base = 'files' | 'cache'

/** The relation one row per line item is read from: the files' view, or the cache's facts. */
export function baseRelation(base: Base): string {
  return base === 'cache' ? `${CACHE_STORE}.facts` : 'rows_base'
}

export type GroupMetric =
  | 'unblended'
  | 'net'
  | 'amortized'
  | 'ondemand'
  | 'usage'
  | 'tokens'
  | 'line_items'
  | 'assumed_units'

export interface GroupedRead {
  /** The output columns, each named and reading a column of the rows or a tag's value. */
  columns: readonly { name: string; read: ColumnRead }[]
  /** Dimensions already resolved (tag labels to stored keys, Bedrock values to the data's). */
  filters?: readonly Filter[]
  metrics: readonly GroupMetric[]
  /** Only token-priced rows with a usage amount: what cost per million tokens reads. */
  billsTokens?: boolean
}

export interface CompiledRead {
  /** Step 1, a SELECT over the base. */
  grouped: string
  /** Step 2 over a relation holding step 1's rows. */
  mapped(groups: string): string
  params: SqlParams
  lookups: ReadonlySet<Lookup>
}

const SUMS: Readonly<Record<string, string>> = {
  unblended: 'sum(unblended)',
  net: 'sum(net)',
  amortized: 'sum(amortized)',
  ondemand: 'sum(ondemand)',
  usage: 'sum(usage)',
  line_items: 'count(*)',
}

const MAPPED_METRICS: Readonly<Record<GroupMetric, string>> = {
  unblended: 'sum(g.unblended)',
  net: 'sum(g.net)',
  amortized: 'sum(g.amortized)',
  ondemand: 'sum(g.ondemand)',
  usage: 'sum(g.usage)',
  line_items: 'CAST(sum(g.line_items) AS BIGINT)',
  tokens: `sum(${GROUP_TOKENS})`,
  assumed_units: `list_sort(list(DISTINCT b.assumed_token_unit)
      FILTER (WHERE b.assumed_token_unit IS NOT NULL))`,
}

/** What each metric needs in step 1. */
const METRIC_INPUTS: Readonly<Record<GroupMetric, { sums: string[]; column?: string }>> = {
  unblended: { sums: ['unblended'] },
  net: { sums: ['net'] },
  amortized: { sums: ['amortized'] },
  ondemand: { sums: ['ondemand'] },
  usage: { sums: ['usage'] },
  line_items: { sums: ['line_items'] },
  tokens: { sums: ['usage'], column: 'token_type' },
  assumed_units: { sums: [], column: 'assumed_token_unit' },
}

export function validateFilters(filters: unknown): void {
  if (filters !== undefined && !Array.isArray(filters)) {
    throw new CurLensError('INVALID_QUERY', 'filters must be a list.')
  }
  for (const filter of (filters ?? []) as Filter[]) {
    dimensionRead(filter?.dimension)
    const values: unknown = filter?.values
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'string' || v === null)) {
      throw new CurLensError('INVALID_QUERY', 'Each filter needs a list of values, text or null.')
    }
    validateRange(filter)
  }
}

export function compileGroupedRead(read: GroupedRead, base: Base): CompiledRead {
  validateFilters(read.filters)
  const bag = new SqlParamBag()
  const keys = new Set<string>()
  const lookups = new Set<Lookup>()
  const splitColumns = new Set<string>()
  const need = (column: RowColumn, name: string) => {
    if (column.lookup === 'split') splitColumns.add(name)
    for (const k of column.keys) keys.add(k)
    if (column.lookup) lookups.add(column.lookup)
  }
  const baseFilters: string[] = []
  const onBase: { filter: Filter; column: string }[] = []
  const mappedFilters: string[] = []
  const splitFilters: string[] = []
  for (const filter of read.filters ?? []) {
    const target = dimensionRead(filter.dimension)
    const column = rowColumn(target.column)
    if (column.mapped) {
      need(column, target.column)
      const filters = column.lookup === 'split' ? splitFilters : mappedFilters
      filters.push(condition(filter, mappedExpr(target, column, bag), 'VARCHAR', bag))
    } else {
      baseFilters.push(condition(filter, target.column, baseType(target.column, base), bag))
      onBase.push({ filter, column: target.column })
    }
  }
  for (const { read: target } of read.columns) need(rowColumn(target.column), target.column)
  const sums = new Set<string>()
  for (const metric of read.metrics) {
    const inputs = METRIC_INPUTS[metric]
    for (const s of inputs.sums) sums.add(s)
    if (inputs.column) need(rowColumn(inputs.column), inputs.column)
  }
  if (read.billsTokens) {
    need(rowColumn('token_type'), 'token_type')
    baseFilters.push('usage <> 0')
    mappedFilters.push('b.token_scale IS NOT NULL')
  }
  // The split's parts need only what the read's other columns need (they carry their user); the
  // groups also need their principal, whose person is their own user, and their line items, to
  // know which groups remain.
  const partKeys = [...keys]
  const partLookups = new Set(lookups)
  if (lookups.has('split')) {
    keys.add('principal_arn')
    lookups.add('principal')
    sums.add('line_items')
  }
  // The files' rows carry the raw tag columns, so tag sets not yet merged can be added from here.
  const tagInputs =
    lookups.has('tags') && base === 'files' ? ['any_value(tag_inputs) AS tag_inputs'] : []
  const grouped = `SELECT
    ${[...keys, ...[...sums].map((s) => `${SUMS[s]} AS ${s}`), ...tagInputs].join(',\n    ')}
  FROM ${baseRelation(base)}
  WHERE ${baseFilters.length ? baseFilters.join('\n    AND ') : 'true'}
  GROUP BY ALL`
  const columns = read.columns.map(({ name, read: target }) => {
    const column = rowColumn(target.column)
    return { name, expr: mappedExpr(target, column, bag), split: column.lookup === 'split' }
  })
  const outputs = columns.map(({ name, expr }) => `${expr} AS ${name}`)
  const metrics = read.metrics.map((m) => `${MAPPED_METRICS[m]} AS ${m}`)
  const joins = lookupJoins(lookups)
  if (lookups.has('split')) {
    // The base filters again, over the split's parts, which keep every base column as text.
    const partFilters = onBase.map(({ filter, column }) =>
      condition(filter, `g.${column}`, baseType(column), bag),
    )
    if (read.billsTokens) partFilters.push('g.has_usage')
    const mapped = (groups: string) =>
      splitMapped({
        groups,
        joins,
        partKeys,
        partJoins: lookupJoins(partLookups),
        splitColumns,
        columns,
        metrics: read.metrics,
        filters: mappedFilters,
        partFilters,
        splitFilters,
      })
    return { grouped, mapped, params: bag.params, lookups }
  }
  const mapped = (groups: string) => `SELECT
    ${[...outputs, ...metrics].join(',\n    ')}
  FROM ${groups} AS g
  ${joins.join('\n  ')}
  WHERE ${mappedFilters.length ? mappedFilters.join('\n    AND ') : 'true'}
  GROUP BY ALL`
  return { grouped, mapped, params: bag.params, lookups }
}

/** The lookups joined onto groups `g`. */
function lookupJoins(lookups: ReadonlySet<Lookup>): string[] {
  return [
    lookups.has('principal')
      ? 'LEFT JOIN principal_dim AS p ON p.principal_arn = CAST(g.principal_arn AS VARCHAR)'
      : '',
    lookups.has('bedrock') ? `LEFT JOIN bedrock_dim AS b ON ${bedrockShapeJoin('g')}` : '',
    lookups.has('tags') ? `LEFT JOIN ${TAG_SETS_TABLE} AS ts ON ts.tag_set = g.tag_set` : '',
  ].filter(Boolean)
}

/** A column as step 2 reads it, as text: mapped from a lookup, or the group's own base column. */
function mappedExpr(target: ColumnRead, column: RowColumn, bag: SqlParamBag): string {
  // A row without the key yields NULL: the "(untagged)" group, never dropped.
  if (target.tagKey !== undefined) {
    const map = target.column === 'log_tags' ? 'a.log_tags' : 'ts.tags'
    return `${map}[${bag.bind('tag', target.tagKey)}]`
  }
  return column.mapped ?? `CAST(g.${target.column} AS VARCHAR)`
}

/** Filter values are cast to the base column's own type: an ENUM in the cache, so ints compare. */
function baseType(column: string, base?: Base): string {
  if (column === 'usage_day') return 'DATE'
  return base === 'cache' ? `${CACHE_STORE}.e_${column}` : 'VARCHAR'
}

/**
 * One SQL condition for a filter; a null value selects the null group. A value the column cannot
 * hold casts to NULL and matches nothing; NULL-safe forms keep it from excluding anything either.
 */
export function condition(filter: Filter, expr: string, type: string, bag: SqlParamBag): string {
  if (filter.range !== undefined) return rangeCondition(filter.range, expr, !!filter.exclude, bag)
  const given: unknown[] = filter.values
  const values = given.filter((v): v is string => typeof v === 'string')
  const withNull = given.includes(null)
  const bound = values.map((v) => `TRY_CAST(${bag.bind('filter_value', v)} AS ${type})`)
  // One value compares with = (several times faster than IN on ENUMs).
  let matches: string
  let differs: string
  if (bound.length === 0) {
    matches = 'false'
    differs = 'true'
  } else if (bound.length === 1) {
    matches = `${expr} = ${bound[0]}`
    differs = `${expr} IS DISTINCT FROM ${bound[0]}`
  } else {
    matches = `${expr} IN (${bound.join(', ')})`
    differs = `NOT COALESCE(${expr} IN (${bound.join(', ')}), false)`
  }
  if (filter.exclude) {
    return withNull ? `(${expr} IS NOT NULL AND ${differs})` : `(${expr} IS NULL OR ${differs})`
  }
  return withNull ? `(${expr} IS NULL OR ${matches})` : `(${matches})`
}

/** The filters as conditions on `attribution_rows`, one row per line item (a drill-down). */
export function rowConditions(filters: readonly Filter[] | undefined, bag: SqlParamBag): string[] {
  validateFilters(filters)
  return (filters ?? []).map((filter) => {
    const target = dimensionRead(filter.dimension)
    if (rowColumn(target.column).lookup === 'split') {
      throw new CurLensError(
        'INVALID_QUERY',
        `Line items cannot be filtered by ${filter.dimension}: a line item's cost may be split among several users.`,
      )
    }
    const expr =
      target.tagKey === undefined ? target.column : `tags[${bag.bind('tag', target.tagKey)}]`
    return condition(filter, expr, target.column === 'usage_day' ? 'DATE' : 'VARCHAR', bag)
  })
}
