// The one query chargeback runs. It first sums the period's line items by every column the
// statements, the rules, the recipient and the filters read, over the attribution cache when it is
// ready and holds those tag keys, else over the live `attribution_rows` (its `_tagged` twin when tags
// are read; see core/attribution). Rules, recipients, buckets and filters then apply to those groups,
// far fewer than the line items, and the result is grouped into statement lines with exact DECIMAL
// sums. Columns and dimensions come from closed maps; rule patterns, tag keys, roles and the period
// are bound parameters. A tag the recipient dimension or a filter names must exist in the export (a
// label resolves to its key, as in breakdowns); a rule's tag key need not: rules span exports.
import type { Basis, Dimension, Filter, LineDetail, MappingRules, SharedBucket } from '../api.js'
import type { SqlParams } from '../engine/duckdb.js'
import { CurLensError } from '../errors/curlens-error.js'
import { currentRowSource } from '../rows/cache-state.js'
import {
  CACHE_STORE,
  FLAT_DIMENSION_COLUMNS,
  LIVE_SOURCE,
  SqlParamBag,
  TAG_PREFIX,
  cacheCovers,
  dimensionSql,
  filterConditions,
  parseDimension,
  readsTags,
  type RowSource,
} from '../rows/dimensions.js'
import { resolveTagNames } from '../rows/tag-names.js'
import { resolveFilterValues } from '../rows/filter-values.js'
import { tagSetsSwitched } from '../rows/tag-sets-switch.js'
import type { Dataset } from '../sources/dataset.js'
import { parseUnits } from '../format/exact-money.js'
import { compileRuleIndex, type RuleColumns } from './rules-sql.js'

const BASIS_COLUMNS: Record<Basis, string> = {
  unblended: 'unblended',
  amortized: 'amortized',
}

/** What every statement line reads: its bucket (shared roles included), service and model. */
const LINE_COLUMNS = ['line_item_type', 'service', 'product_code', 'principal_role', 'model']

/**
 * What a statement line names at `detail`, reading its columns through `read`. AgentCore starts one
 * session per run, so at the ARN level its lines roll up to the role (`…/AgentRuntimeRole/*`), as
 * its person already does; every other ARN is shown whole, as an auditor finds it in the bill.
 */
function linePrincipal(detail: LineDetail, read: ReadColumns): string {
  if (detail === 'none') return 'CAST(NULL AS VARCHAR)'
  if (detail !== 'principal') return read.column(FLAT_DIMENSION_COLUMNS[detail])
  const arn = read.column(FLAT_DIMENSION_COLUMNS.principal)
  return `CASE
    WHEN ${read.column('principal_kind')} = 'agentcore' THEN regexp_replace(${arn}, '/[^/]*$', '/*')
    ELSE ${arn}
  END`
}

/** Who pays: the first matching rule's recipient, or the value of a dimension (NULL = nobody). */
export type RecipientSource = { rules: MappingRules } | { by: Dimension }

export interface LineQuery {
  source: RecipientSource
  basis: Basis
  period?: string
  sharedRoles?: string[]
  filters?: Filter[]
  /** Who each statement line names; the full principal ARN by default. */
  lineDetail?: LineDetail
  /** Forces a row source (tests compare both); by default the engine's state decides. */
  rowSource?: RowSource
}

export interface LineAggregate {
  /** NULL for shared buckets and, with rules, for unmatched line items. */
  recipient: string | null
  /** 1-based index of the matching rule (rules only). */
  ruleIndex: number | null
  /** NULL: direct cost of `recipient`. */
  bucket: SharedBucket | null
  service: string
  model: string | null
  principal: string | null
  units: bigint
  lineItems: number
}

export function isPeriod(period: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(period)
}

/** The tag keys and other columns a query reads, each tag key with its column name in `lines`. */
class ReadColumns implements RuleColumns {
  readonly columns = new Set(LINE_COLUMNS)
  readonly tagKeys: string[] = []

  /** A dimension's value as text in `lines`, empty text counting as no value (NULL). */
  dimension(dimension: Dimension): string {
    if (
      typeof dimension === 'string' &&
      dimension.startsWith(TAG_PREFIX) &&
      dimension.slice(TAG_PREFIX.length).trim() === ''
    )
      throw invalid('A tag dimension needs a key, e.g. tag:iamPrincipal/team.')
    const parsed = parseDimension(dimension)
    const column =
      parsed.kind === 'tag'
        ? this.tag(parsed.key)
        : this.column(FLAT_DIMENSION_COLUMNS[parsed.name])
    return `NULLIF(${column}, '')`
  }

  /** A column of the row sources, read as it is. */
  column(name: string): string {
    this.columns.add(name)
    return name
  }

  /** The column of `lines` holding a tag key's value. */
  tag(key: string): string {
    if (!this.tagKeys.includes(key)) this.tagKeys.push(key)
    return `tag_value_${this.tagKeys.indexOf(key)}`
  }
}

/** Keeps line items whose dimension value is (or, with `exclude`, is not) one of the values. */
function filterSql(
  filter: Filter,
  n: number,
  read: ReadColumns,
): { sql: string; params: SqlParams } {
  const value = read.dimension(filter.dimension)
  const values = Array.isArray(filter.values) ? filter.values : []
  const params: SqlParams = {
    [`filter_${n}`]: values.filter((v): v is string => typeof v === 'string'),
    [`filter_${n}_null`]: values.includes(null),
  }
  const sql = `(coalesce(list_contains($filter_${n}, ${value}), false)
      OR ($filter_${n}_null AND ${value} IS NULL))`
  return { sql: filter.exclude ? `NOT ${sql}` : sql, params }
}

/**
 * `items`: the period's line items summed by every column the query reads (`cost`, `line_items`),
 * each group with its rule index, what its statement line names (`line_principal`) and recipient.
 */
export async function itemsCte(
  dataset: Dataset,
  query: LineQuery,
): Promise<{ sql: string; params: SqlParams }> {
  const ready = query.rowSource ?? (await currentRowSource(dataset.engine))
  const named = await resolveTags(dataset, query, ready)
  const read = new ReadColumns()
  const principal = linePrincipal(query.lineDetail ?? 'principal', read)
  const params: SqlParams = {}
  let ruleIndex = 'CAST(NULL AS INTEGER)'
  let recipient: string
  if ('rules' in named.source) {
    const compiled = compileRuleIndex(named.source.rules, read)
    Object.assign(params, compiled.params)
    params.rule_recipients = named.source.rules.rules.map((r) => r.recipient)
    ruleIndex = compiled.sql
    recipient = '$rule_recipients[rule_index]'
  } else {
    recipient = read.dimension(named.source.by)
  }
  // Model, provider and token-type values spelled as the data spells them, as breakdowns do.
  const filters = (await resolveFilterValues(dataset.engine, named.filters)) ?? []
  const conditions = filters.map((filter, i) => {
    const f = filterSql(filter, i + 1, read)
    Object.assign(params, f.params)
    return f.sql
  })
  if (query.period !== undefined && !isPeriod(query.period))
    throw invalid(`The period must be YYYY-MM, not "${query.period}".`)
  const source = await rowSource(dataset, read.tagKeys, ready)
  const bag = new SqlParamBag()
  const period =
    query.period === undefined
      ? []
      : filterConditions([{ dimension: 'month', values: [query.period] }], source, bag)
  const tagNames = read.tagKeys.map((_, i) => `tag_value_${i}`)
  const tagValues = read.tagKeys.map(
    (key, i) => `${dimensionSql(`${TAG_PREFIX}${key}`, source, bag).expr} AS ${tagNames[i]}`,
  )
  // Grouped on the source's own types (ENUM codes in the cache), cast to text only afterwards.
  const asText = [...read.columns, ...tagNames].map((c) => `CAST(${c} AS VARCHAR) AS ${c}`)
  const where = conditions.length ? `WHERE ${conditions.join('\n    AND ')}` : ''
  const sql = `grouped AS (
  SELECT
    ${[...read.columns, ...tagValues].join(',\n    ')},
    coalesce(sum(${BASIS_COLUMNS[query.basis]}), 0) AS cost,
    count(*) AS line_items
  FROM ${relation(source, read.tagKeys.length > 0)}
  WHERE ${period.length ? period.join(' AND ') : 'true'}
  GROUP BY ALL
), lines AS (
  SELECT ${asText.join(', ')}, cost, line_items FROM grouped
), items_indexed AS (
  SELECT *, ${ruleIndex} AS rule_index, ${principal} AS line_principal FROM lines
  ${where}
), items AS (
  SELECT *, ${recipient} AS recipient FROM items_indexed
)`
  return { sql, params: { ...params, ...bag.params } }
}

/** The recipient dimension and the filters, each tag label resolved and each absent tag refused. */
async function resolveTags(
  dataset: Dataset,
  query: LineQuery,
  ready: RowSource,
): Promise<{ source: RecipientSource; filters: Filter[] }> {
  const asked = {
    dimensions: 'by' in query.source ? [query.source.by] : [],
    filters: query.filters ?? [],
  }
  if (ready.kind === 'live' && readsTags(asked)) await tagSetsSwitched(dataset)
  const resolved = await resolveTagNames(dataset.engine, asked, ready)
  const source = 'by' in query.source ? { by: resolved.dimensions[0] } : query.source
  return { source, filters: resolved.filters }
}

/**
 * The cache once it is ready and holds a column for every tag key read, else the live view (which
 * waits for the tag sets when it reads tags).
 */
async function rowSource(
  dataset: Dataset,
  tagKeys: string[],
  source: RowSource,
): Promise<RowSource> {
  const tags = tagKeys.map((key) => `${TAG_PREFIX}${key}`)
  if (source.kind === 'cache' && cacheCovers(source, tags)) return source
  if (tagKeys.length > 0) await tagSetsSwitched(dataset)
  return LIVE_SOURCE
}

function relation(source: RowSource, readsTags: boolean): string {
  if (source.kind === 'cache') return `${CACHE_STORE}.facts`
  return readsTags ? 'attribution_rows_tagged' : 'attribution_rows'
}

/** Tax, then credits and refunds, then fees and support, then shared roles, then unmatched. */
const BUCKET_SQL = `CASE
      WHEN line_item_type = 'Tax' THEN 'tax'
      WHEN line_item_type IN ('Credit', 'Refund') THEN 'credits'
      WHEN line_item_type = 'Fee' OR service LIKE 'AWS Support%' OR product_code LIKE 'AWSSupport%'
        THEN 'fees'
      WHEN list_contains($shared_roles, principal_role) THEN 'shared-roles'
      WHEN recipient IS NULL THEN 'unmatched'
    END`

export async function queryLines(dataset: Dataset, query: LineQuery): Promise<LineAggregate[]> {
  const items = await itemsCte(dataset, query)
  const sql = `WITH ${items.sql}, classified AS (
  SELECT *, ${BUCKET_SQL} AS bucket FROM items
)
SELECT
  bucket,
  CASE WHEN bucket IS NULL THEN recipient END AS recipient,
  CASE WHEN bucket IS NULL THEN rule_index END AS rule_index,
  coalesce(service, '(no service)') AS service,
  model,
  line_principal AS principal,
  sum(cost) AS amount,
  sum(line_items) AS line_items
FROM classified
GROUP BY ALL`
  const rows = await dataset.engine.query<{
    bucket: SharedBucket | null
    recipient: string | null
    rule_index: number | null
    service: string
    model: string | null
    principal: string | null
    amount: string
    line_items: string | number
  }>(sql, { ...items.params, shared_roles: query.sharedRoles ?? [] })
  return rows.map((r) => ({
    recipient: r.recipient,
    ruleIndex: r.rule_index,
    bucket: r.bucket,
    service: r.service,
    model: r.model,
    principal: r.principal,
    units: parseUnits(r.amount),
    lineItems: Number(r.line_items),
  }))
}

function invalid(message: string): CurLensError {
  return new CurLensError('INVALID_QUERY', message)
}
