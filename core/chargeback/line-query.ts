// The one query chargeback runs. It reads the period's line items grouped by every column the
// statements, the rules, the recipient and the filters read (a grouped read of the attributed rows,
// core/rows: from the cache once ready, else straight from the files, with the filters compiled
// there as for breakdowns). Rules, recipients and buckets then apply to those groups, far fewer than
// the line items, and the result is grouped into statement lines with exact DECIMAL sums. Columns
// and dimensions come from closed maps; rule patterns, tag keys, roles and the period are bound
// parameters. A tag the recipient dimension or a filter names must exist in the export (a label
// resolves to its key, as in breakdowns); a rule's tag key need not: rules span exports.
import type { Basis, Dimension, Filter, LineDetail, MappingRules, SharedBucket } from '../api.js'
import type { SqlParams } from '../engine/duckdb.js'
import { CurLensError } from '../errors/curlens-error.js'
import { parseUnits } from '../format/exact-money.js'
import type { AttributedRows, ReadOptions } from '../rows/attributed-rows.js'
import { FLAT_DIMENSION_COLUMNS, parseDimension, TAG_PREFIX } from '../rows/dimensions.js'
import type { GroupedRead, GroupMetric } from '../rows/grouped-rows.js'
import { resolveNames } from '../rows/resolve-names.js'
import { compileRuleIndex, type RuleColumns } from './rules-sql.js'

const BASIS_COLUMNS: Record<Basis, GroupMetric> = {
  unblended: 'unblended',
  net: 'net',
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
  /** Forces where rows come from (tests compare both); by default the cache once ready. */
  base?: ReadOptions['base']
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
  readonly logTagKeys: string[] = []

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
        : parsed.kind === 'log-tag'
          ? this.logTag(parsed.key)
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

  /** The column of `lines` holding a usage-log tag key's value (split among the logs' users). */
  logTag(key: string): string {
    if (!this.logTagKeys.includes(key)) this.logTagKeys.push(key)
    return `log_tag_value_${this.logTagKeys.indexOf(key)}`
  }
}

/** The grouped read behind `items`, and the CTEs that turn its groups into items. */
export interface LineItemsRead {
  read: GroupedRead
  /** `lines AS (<groups>), …, items AS (…)`: each group with its rule index, line and recipient. */
  ctes(groups: string): string
  params: SqlParams
}

/**
 * `items`: the period's line items summed by every column the query reads (`cost`, `line_items`),
 * each group with its rule index, what its statement line names (`line_principal`) and recipient.
 */
export async function itemsRead(rows: AttributedRows, query: LineQuery): Promise<LineItemsRead> {
  if (query.period !== undefined && !isPeriod(query.period))
    throw invalid(`The period must be YYYY-MM, not "${query.period}".`)
  const named = await resolveSource(rows, query)
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
  const period: Filter[] =
    query.period === undefined ? [] : [{ dimension: 'month', values: [query.period] }]
  const columns = [
    ...[...read.columns].map((column) => ({ name: column, read: { column } })),
    ...read.tagKeys.map((key, i) => ({
      name: `tag_value_${i}`,
      read: { column: 'tags', tagKey: key },
    })),
    ...read.logTagKeys.map((key, i) => ({
      name: `log_tag_value_${i}`,
      read: { column: 'log_tags', tagKey: key },
    })),
  ]
  const basis = BASIS_COLUMNS[query.basis]
  return {
    read: { columns, filters: [...period, ...named.filters], metrics: [basis, 'line_items'] },
    ctes: (groups) => `lines AS (
  SELECT * EXCLUDE (${basis}), coalesce(${basis}, 0) AS cost FROM (${groups})
), items_indexed AS (
  SELECT *, ${ruleIndex} AS rule_index, ${principal} AS line_principal FROM lines
), items AS (
  SELECT *, ${recipient} AS recipient FROM items_indexed
)`,
    params,
  }
}

/**
 * The recipient dimension and the filters, each tag label resolved (each absent tag refused) and
 * each Bedrock value spelled as the data spells it, as in breakdowns.
 */
async function resolveSource(
  rows: AttributedRows,
  query: LineQuery,
): Promise<{ source: RecipientSource; filters: Filter[] }> {
  const asked = {
    dimensions: 'by' in query.source ? [query.source.by] : [],
    filters: query.filters ?? [],
  }
  const resolved = await resolveNames(rows, asked)
  const source = 'by' in query.source ? { by: resolved.dimensions[0] } : query.source
  return { source, filters: resolved.filters }
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

export async function queryLines(rows: AttributedRows, query: LineQuery): Promise<LineAggregate[]> {
  const items = await itemsRead(rows, query)
  const result = await rows.read<{
    bucket: SharedBucket | null
    recipient: string | null
    rule_index: number | null
    service: string
    model: string | null
    principal: string | null
    amount: string
    line_items: string | number
  }>(
    items.read,
    (groups) => `WITH ${items.ctes(groups)}, classified AS (
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
GROUP BY ALL`,
    { ...items.params, shared_roles: query.sharedRoles ?? [] },
    { base: query.base },
  )
  return result.map((r) => ({
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
