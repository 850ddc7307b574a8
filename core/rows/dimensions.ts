// The closed map from API dimensions and metrics to SQL over the two row sources: the live view
// `attribution_rows` (VARCHAR columns) and the cache `attribution_store.facts` (the same column
// names, ENUM-typed, see cache-build.ts). Identifiers come only from these maps and from the cache's
// own generated tag columns; every user value (tag keys, filter values) is a bound `$name` parameter.
import type { Dimension, Filter, FlatDimension, Metric } from '../api.js'
import type { SqlParams, SqlValue } from '../engine/duckdb.js'
import { CurLensError } from '../errors/curlens-error.js'

/** The attached database holding the cache table and its ENUM types. */
export const CACHE_STORE = 'attribution_store'

/**
 * Where grouped rows come from. The cache names its column for each tag key present in the data
 * (null when there were too many keys to give each a column).
 */
export type RowSource =
  { kind: 'live' } | { kind: 'cache'; tagColumns: Readonly<Record<string, string | null>> }

export const LIVE_SOURCE: RowSource = { kind: 'live' }

/**
 * `account` is the usage account: for rows with a principal it is normally the principal's own
 * (Bedrock bills the account whose principal called it), and rows without one keep theirs.
 */
export const FLAT_DIMENSION_COLUMNS: Readonly<Record<FlatDimension, string>> = {
  principal: 'principal_arn',
  person: 'principal_person',
  role: 'principal_role',
  account: 'account',
  model: 'model',
  provider: 'provider',
  'token-type': 'token_type',
  service: 'service',
  region: 'region',
  'usage-type': 'usage_type',
  operation: 'operation',
  'line-item-type': 'line_item_type',
  month: 'billing_period',
  day: 'usage_day',
}

/**
 * Columns of both sources that hold text (ENUMs in the cache): the dimensions (`usage_day` is a DATE
 * in both), the two that chargeback's buckets and principals read, and the token unit assumed for
 * rows without one (which cost per million tokens reports).
 */
export const TEXT_COLUMNS = [
  ...Object.values(FLAT_DIMENSION_COLUMNS).filter((c) => c !== 'usage_day'),
  'product_code',
  'principal_kind',
  'assumed_token_unit',
]

export const METRIC_COLUMNS: Readonly<Record<Metric, string>> = {
  unblended: 'unblended',
  net: 'net',
  amortized: 'amortized',
  ondemand: 'ondemand',
  usage: 'usage',
  tokens: 'tokens',
}

/**
 * The rows that bill tokens: a count that is not zero. A credit or refund row can carry a token usage
 * type with no tokens; it takes no part in token sums or in the cost per million tokens.
 */
export const BILLS_TOKENS = 'tokens IS NOT NULL AND tokens <> 0'

/** Output type of a metric: money and usage keep 10 decimals, tokens are whole. */
export function metricOutputType(metric: Metric): string {
  return metric === 'tokens' ? 'DECIMAL(38, 0)' : 'DECIMAL(38, 10)'
}

/** Columns the live view takes from `cur` alone; the others need the lookup-table joins. */
const UNJOINED_COLUMNS = new Set([
  'billing_period',
  'usage_day',
  'account',
  'service',
  'usage_type',
  'operation',
  'line_item_type',
  'principal_arn',
  'unblended',
  'net',
  'amortized',
  'ondemand',
  'usage',
])

/** Columns `attribution_rows_principal` adds to the unjoined ones (one join, no Bedrock lookup). */
const PRINCIPAL_COLUMNS = new Set(['principal_person', 'principal_role'])

/** Columns `attribution_rows_bedrock` adds to the unjoined ones (one join, no principal lookup). */
const BEDROCK_COLUMNS = new Set([
  'model',
  'provider',
  'token_type',
  'tokens',
  'assumed_token_unit',
  'region',
])

/**
 * The relation to read. On the live side a query reads the view with the fewest joins that has its
 * columns: `attribution_rows_unjoined` (none: several times faster while the cache builds),
 * `attribution_rows_principal` (the principal lookup), `attribution_rows_bedrock` (the Bedrock
 * lookup) or `attribution_rows` (both lookups); one that reads tags reads the view's `_tagged`
 * twin (attribution-views.ts).
 */
export function relationOf(
  source: RowSource,
  dimensions: readonly unknown[],
  metric: Metric,
): string {
  if (source.kind === 'cache') return `${CACHE_STORE}.facts`
  const columns = dimensions.map((d) => {
    const parsed = parseDimension(d)
    return parsed.kind === 'tag' ? 'tags' : FLAT_DIMENSION_COLUMNS[parsed.name]
  })
  const needed = [...columns, METRIC_COLUMNS[metric]].filter((c) => c !== 'tags')
  const within = (added: Set<string>) =>
    needed.every((c) => UNJOINED_COLUMNS.has(c) || added.has(c))
  const view = within(new Set())
    ? 'attribution_rows_unjoined'
    : within(PRINCIPAL_COLUMNS)
      ? 'attribution_rows_principal'
      : within(BEDROCK_COLUMNS)
        ? 'attribution_rows_bedrock'
        : 'attribution_rows'
  return columns.includes('tags') ? `${view}_tagged` : view
}

export const TAG_PREFIX = 'tag:'

/** Whether a query groups or filters by a tag (before or after its tag names are resolved). */
export function readsTags(query: { dimensions?: readonly unknown[]; filters?: readonly Filter[] }) {
  return [...(query.dimensions ?? []), ...(query.filters ?? []).map((f) => f?.dimension)].some(
    (d) => typeof d === 'string' && d.startsWith(TAG_PREFIX),
  )
}

/** Collects bound parameters for one statement and hands out their `$names`. */
export class SqlParamBag {
  readonly params: SqlParams = {}
  private count = 0

  bind(hint: string, value: SqlValue): string {
    const name = `${hint}_${this.count++}`
    this.params[name] = value
    return `$${name}`
  }
}

export type ParsedDimension = { kind: 'flat'; name: FlatDimension } | { kind: 'tag'; key: string }

export function parseDimension(dimension: unknown): ParsedDimension {
  if (typeof dimension === 'string') {
    if (Object.hasOwn(FLAT_DIMENSION_COLUMNS, dimension)) {
      return { kind: 'flat', name: dimension as FlatDimension }
    }
    if (dimension.startsWith(TAG_PREFIX) && dimension.length > TAG_PREFIX.length) {
      return { kind: 'tag', key: dimension.slice(TAG_PREFIX.length) }
    }
  }
  throw new CurLensError(
    'INVALID_QUERY',
    `Unknown dimension ${JSON.stringify(dimension)}. Use one of ` +
      `${Object.keys(FLAT_DIMENSION_COLUMNS).join(', ')} or tag:<key>.`,
  )
}

export function metricColumn(metric: unknown): string {
  if (typeof metric === 'string' && Object.hasOwn(METRIC_COLUMNS, metric)) {
    return METRIC_COLUMNS[metric as Metric]
  }
  throw new CurLensError(
    'INVALID_QUERY',
    `Unknown metric ${JSON.stringify(metric)}. Use one of ${Object.keys(METRIC_COLUMNS).join(', ')}.`,
  )
}

/** Whether the cache holds every tag key these dimensions name (absent keys count as held). */
export function cacheCovers(source: RowSource, dimensions: readonly unknown[]): boolean {
  if (source.kind === 'live') return true
  return dimensions.every((d) => {
    if (typeof d !== 'string' || !d.startsWith(TAG_PREFIX)) return true
    const key = d.slice(TAG_PREFIX.length)
    return !Object.hasOwn(source.tagColumns, key) || source.tagColumns[key] !== null
  })
}

interface DimensionSql {
  /** Expression over the source; ENUM-typed in the cache, so group on it and cast after. */
  expr: string
  /** Type that filter values are cast to before comparing. */
  type: string
}

function typeOf(source: RowSource, column: string): string {
  if (column === 'usage_day') return 'DATE'
  return source.kind === 'live' ? 'VARCHAR' : `${CACHE_STORE}.e_${column}`
}

export function dimensionSql(
  dimension: Dimension,
  source: RowSource,
  bag: SqlParamBag,
): DimensionSql {
  const parsed = parseDimension(dimension)
  if (parsed.kind === 'flat') {
    const column = FLAT_DIMENSION_COLUMNS[parsed.name]
    return { expr: column, type: typeOf(source, column) }
  }
  // A row without the key yields NULL: the "(untagged)" group, never dropped.
  if (source.kind === 'live')
    return { expr: `tags[${bag.bind('tag', parsed.key)}]`, type: 'VARCHAR' }
  const column = Object.hasOwn(source.tagColumns, parsed.key)
    ? source.tagColumns[parsed.key]
    : undefined
  if (column === undefined) return { expr: 'CAST(NULL AS VARCHAR)', type: 'VARCHAR' }
  if (column === null) {
    throw new CurLensError('INTERNAL', `The cache holds no column for tag ${parsed.key}.`)
  }
  return { expr: column, type: typeOf(source, column) }
}

/**
 * One SQL condition per filter; a null value selects the null group. Values are bound one by one
 * and cast to the column's type (an ENUM in the cache), so the comparison is a plain IN on small
 * integers; a value the column cannot hold casts to NULL and matches nothing.
 */
export function filterConditions(
  filters: readonly Filter[] | undefined,
  source: RowSource,
  bag: SqlParamBag,
): string[] {
  if (filters !== undefined && !Array.isArray(filters)) {
    throw new CurLensError('INVALID_QUERY', 'filters must be a list.')
  }
  return (filters ?? []).map((filter) => {
    if (!filter || !Array.isArray(filter.values)) {
      throw new CurLensError('INVALID_QUERY', 'Each filter needs a dimension and a list of values.')
    }
    const { expr, type } = dimensionSql(filter.dimension, source, bag)
    const given: unknown[] = filter.values
    if (!given.every((v) => typeof v === 'string' || v === null)) {
      throw new CurLensError('INVALID_QUERY', 'Filter values must be text or null.')
    }
    const values = given.filter((v): v is string => typeof v === 'string')
    const withNull = given.includes(null)
    const bound = values.map((v) => `TRY_CAST(${bag.bind('filter_value', v)} AS ${type})`)
    // One value compares with = (several times faster than IN on ENUMs); NULL-safe forms keep a
    // value that cast to NULL from excluding or matching anything.
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
  })
}
