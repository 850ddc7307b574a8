// The dimension map: every column a report or a chargeback can group or filter by, as SQL over the
// attributed rows' two steps (grouped-rows.ts). A column is either a base column, which the rows
// are first grouped by (straight from the files, or from the cache), or a mapped one, read from a
// lookup table joined onto those groups: the principal roll-ups, the Bedrock model and token type,
// the merged tags. Identifiers come only from these closed maps; user values are bound parameters.
import type { Dimension, FlatDimension, Metric } from '../api.js'
import type { SqlParams, SqlValue } from '../engine/duckdb.js'
import { CurLensError } from '../errors/curlens-error.js'
import { BEDROCK_SHAPE_COLUMNS } from './lookups.js'

/** `split`: the usage logs' split of Bedrock cost by end user (split-read.ts); needs the other two. */
export type Lookup = 'principal' | 'bedrock' | 'tags' | 'split'

export interface RowColumn {
  /** The base columns the rows are grouped by so that this column can be read after. */
  keys: readonly string[]
  /** Over the groups `g` and the lookups `p`, `b`, `ts`; absent: the base column `g.<name>`. */
  mapped?: string
  lookup?: Lookup
}

/** A Bedrock line's shape, and its service, which says whether it is a Bedrock line at all. */
export const SHAPE_KEYS = [...BEDROCK_SHAPE_COLUMNS, 'service'] as const

const principal = (column: string): RowColumn => ({
  keys: ['principal_arn'],
  mapped: `p.${column}`,
  lookup: 'principal',
})
const bedrock = (column: string): RowColumn => ({
  keys: SHAPE_KEYS,
  mapped: `b.${column}`,
  lookup: 'bedrock',
})

/** The split's parts carry their own keys (grouped-rows.ts adds what the groups need). */
const split = (column: string): RowColumn => ({
  keys: [],
  mapped: `a.${column}`,
  lookup: 'split',
})

/** Base columns hold text (ENUMs in the cache) except usage_day, a DATE. */
export const BASE_TEXT_COLUMNS = [
  'billing_period',
  'account',
  'service',
  'usage_type',
  'operation',
  'line_item_type',
  'product_code',
  'region',
  'principal_arn',
  ...BEDROCK_SHAPE_COLUMNS.filter((c) => c !== 'product_code' && c !== 'usage_type'),
] as const

export const ROW_COLUMNS: Readonly<Record<string, RowColumn>> = {
  ...Object.fromEntries(BASE_TEXT_COLUMNS.map((c) => [c, { keys: [c] }])),
  usage_day: { keys: ['usage_day'] },
  // ISO weeks start on Monday, as DuckDB's date_trunc('week') does.
  usage_week: {
    keys: ['usage_day'],
    mapped: "CAST(CAST(date_trunc('week', g.usage_day) AS DATE) AS VARCHAR)",
  },
  principal_person: principal('person'),
  principal_role: principal('role'),
  principal_kind: principal('kind'),
  principal_account: principal('account'),
  model_key: bedrock('model_key'),
  model: bedrock('model'),
  provider: bedrock('provider'),
  token_type: bedrock('token_type'),
  assumed_token_unit: bedrock('assumed_token_unit'),
  log_user: split('log_user'),
  // 'split' where usage logs split the group's cost, NULL where none matched it (coverage).
  log_split: split('log_split'),
  // The usage-type prefix names the region of Bedrock rows whose product column leaves it empty.
  region: {
    keys: ['region', ...SHAPE_KEYS],
    mapped: "COALESCE(NULLIF(CAST(g.region AS VARCHAR), ''), b.usage_region)",
    lookup: 'bedrock',
  },
}

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
  week: 'usage_week',
  day: 'usage_day',
  user: 'log_user',
}

/**
 * The group metric each API metric reads (grouped-rows.ts `GroupMetric`); `tokens` is worked out
 * from `usage` and the token scale, `count` is the number of line items.
 */
export const METRIC_COLUMNS: Readonly<Record<Metric, GroupMetricName>> = {
  unblended: 'unblended',
  net: 'net',
  amortized: 'amortized',
  ondemand: 'ondemand',
  usage: 'usage',
  tokens: 'tokens',
  count: 'line_items',
}

type GroupMetricName =
  'unblended' | 'net' | 'amortized' | 'ondemand' | 'usage' | 'tokens' | 'line_items'

/** Output type of a metric: money and usage keep 10 decimals, tokens and counts are whole. */
export function metricOutputType(metric: Metric): string {
  return metric === 'tokens' || metric === 'count' ? 'DECIMAL(38, 0)' : 'DECIMAL(38, 10)'
}

export const TAG_PREFIX = 'tag:'
/** A key of the usage logs' request metadata or gateway tags, e.g. `log-tag:team`. */
export const LOG_TAG_PREFIX = 'log-tag:'

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

export type ParsedDimension =
  | { kind: 'flat'; name: FlatDimension }
  | { kind: 'tag'; key: string }
  | { kind: 'log-tag'; key: string }

export function parseDimension(dimension: unknown): ParsedDimension {
  if (typeof dimension === 'string') {
    if (Object.hasOwn(FLAT_DIMENSION_COLUMNS, dimension)) {
      return { kind: 'flat', name: dimension as FlatDimension }
    }
    if (dimension.startsWith(TAG_PREFIX) && dimension.length > TAG_PREFIX.length) {
      return { kind: 'tag', key: dimension.slice(TAG_PREFIX.length) }
    }
    if (dimension.startsWith(LOG_TAG_PREFIX) && dimension.length > LOG_TAG_PREFIX.length) {
      return { kind: 'log-tag', key: dimension.slice(LOG_TAG_PREFIX.length) }
    }
  }
  throw new CurLensError(
    'INVALID_QUERY',
    `Unknown dimension ${JSON.stringify(dimension)}. Use one of ` +
      `${Object.keys(FLAT_DIMENSION_COLUMNS).join(', ')} tag:<key> or log-tag:<key>.`,
  )
}

export function metricColumn(metric: unknown): GroupMetricName {
  if (typeof metric === 'string' && Object.hasOwn(METRIC_COLUMNS, metric)) {
    return METRIC_COLUMNS[metric as Metric]
  }
  throw new CurLensError(
    'INVALID_QUERY',
    `Unknown metric ${JSON.stringify(metric)}. Use one of ${Object.keys(METRIC_COLUMNS).join(', ')}.`,
  )
}

/** Whether a query groups or filters by a tag (before or after its tag names are resolved). */
export function readsTags(query: {
  dimensions?: readonly unknown[]
  filters?: readonly unknown[]
}) {
  const names = [
    ...(query.dimensions ?? []),
    ...(query.filters ?? []).map((f) => (f as { dimension?: unknown } | null)?.dimension),
  ]
  return names.some((d) => typeof d === 'string' && d.startsWith(TAG_PREFIX))
}

/** A column of the rows, or a tag key's value, as the two steps read it. */
export interface ColumnRead {
  /** A ROW_COLUMNS name, or `tags` or `log_tags` with `tagKey`. */
  column: string
  tagKey?: string
}

export function dimensionRead(dimension: Dimension): ColumnRead {
  const parsed = parseDimension(dimension)
  if (parsed.kind === 'tag') return { column: 'tags', tagKey: parsed.key }
  if (parsed.kind === 'log-tag') return { column: 'log_tags', tagKey: parsed.key }
  return { column: FLAT_DIMENSION_COLUMNS[parsed.name] }
}

/** Whether a column is read through the usage logs' split. */
export function isSplitColumn(name: string): boolean {
  return rowColumn(name).lookup === 'split'
}

export function rowColumn(name: string): RowColumn {
  if (name === 'tags') return { keys: ['tag_set'], mapped: 'ts.tags', lookup: 'tags' }
  if (name === 'log_tags') return split('log_tags')
  if (!Object.hasOwn(ROW_COLUMNS, name)) throw new Error(`Not a column of the rows: ${name}`)
  return ROW_COLUMNS[name]
}
