// The one query chargeback runs: every line item of the period over `cur_attributed` (its `_tagged`
// twin when rules, recipients or filters read tags; see core/attribution/attribution-views.ts),
// given its recipient (by mapping rules or by a dimension's value) and its shared bucket, grouped
// into statement lines with exact DECIMAL sums. Columns and dimensions come from closed maps; rule
// patterns, tag keys, roles and the period are bound parameters.
import type { Basis, Dimension, Filter, FlatDimension } from '../api.js'
import type { SqlParams } from '../engine/duckdb.js'
import { CurLensError } from '../errors/curlens-error.js'
import { readsTags as readsTagDimensions } from '../attribution/dimensions.js'
import { tagSetsSwitched } from '../attribution/tag-sets-switch.js'
import type { Dataset } from '../sources/dataset.js'
import { parseUnits } from './money.js'
import { compileRuleIndex } from './rules-sql.js'
import type { MappingRules, SharedBucket } from './types.js'

const BASIS_COLUMNS: Record<Basis, string> = {
  unblended: 'unblended_cost',
  amortized: 'amortized_cost',
}

// The same meaning as core/attribution's report dimensions (`account` is the usage account), written
// against `cur_attributed` columns.
const DIMENSION_COLUMNS: Record<FlatDimension, string> = {
  principal: 'principal_arn',
  person: 'principal_person',
  role: 'principal_role',
  account: 'usage_account_id',
  model: 'model',
  provider: 'provider',
  'token-type': 'token_type',
  service: 'service',
  region: "COALESCE(NULLIF(region, ''), usage_region)",
  'usage-type': 'usage_type',
  operation: 'operation',
  'line-item-type': 'line_item_type',
  month: 'billing_period',
  day: "strftime(usage_start, '%Y-%m-%d')",
}

/** Who pays: the first matching rule's recipient, or the value of a dimension (NULL = nobody). */
export type RecipientSource = { rules: MappingRules } | { by: Dimension }

export interface LineQuery {
  source: RecipientSource
  basis: Basis
  period?: string
  sharedRoles?: string[]
  filters?: Filter[]
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

/**
 * A dimension's value as text, empty text counting as no value (NULL). A tag key is bound as
 * `$<param>`.
 */
export function dimensionSql(
  dimension: Dimension,
  param: string,
): { sql: string; params: SqlParams } {
  if (typeof dimension === 'string' && dimension.startsWith('tag:')) {
    const key = dimension.slice(4)
    if (key.trim() === '') throw invalid('A tag dimension needs a key, e.g. tag:iamPrincipal/team.')
    return { sql: `NULLIF(tags[$${param}], '')`, params: { [param]: key } }
  }
  const column = DIMENSION_COLUMNS[dimension as FlatDimension]
  if (!column) {
    const known = Object.keys(DIMENSION_COLUMNS).join(', ')
    throw invalid(`Unknown dimension "${dimension}": use one of ${known}, or tag:<key>.`)
  }
  return { sql: `NULLIF(CAST(${column} AS VARCHAR), '')`, params: {} }
}

/** Keeps line items whose dimension value is (or, with `exclude`, is not) one of the values. */
function filterSql(filter: Filter, n: number): { sql: string; params: SqlParams } {
  const value = dimensionSql(filter.dimension, `filter_${n}_key`)
  const values = Array.isArray(filter.values) ? filter.values : []
  const params: SqlParams = {
    ...value.params,
    [`filter_${n}`]: values.filter((v): v is string => typeof v === 'string'),
    [`filter_${n}_null`]: values.includes(null),
  }
  const sql = `(coalesce(list_contains($filter_${n}, ${value.sql}), false)
      OR ($filter_${n}_null AND ${value.sql} IS NULL))`
  return { sql: filter.exclude ? `NOT ${sql}` : sql, params }
}

/** `items`: one row per line item of the period with its cost, rule index and recipient. */
export function itemsCte(query: LineQuery): {
  sql: string
  params: SqlParams
  /** Whether it reads tags: the caller waits for the tag sets (core/attribution). */
  readsTags: boolean
} {
  const params: SqlParams = {}
  let ruleIndex = 'CAST(NULL AS INTEGER)'
  let recipient: string
  if ('rules' in query.source) {
    const compiled = compileRuleIndex(query.source.rules)
    Object.assign(params, compiled.params)
    params.rule_recipients = query.source.rules.rules.map((r) => r.recipient)
    ruleIndex = compiled.sql
    recipient = '$rule_recipients[rule_index]'
  } else {
    const dimension = dimensionSql(query.source.by, 'by_tag_key')
    Object.assign(params, dimension.params)
    recipient = dimension.sql
  }
  const conditions: string[] = []
  if (query.period !== undefined) {
    if (!isPeriod(query.period)) throw invalid(`The period must be YYYY-MM, not "${query.period}".`)
    params.period = query.period
    conditions.push('billing_period = $period')
  }
  for (const [i, filter] of (query.filters ?? []).entries()) {
    const f = filterSql(filter, i + 1)
    Object.assign(params, f.params)
    conditions.push(f.sql)
  }
  const where = conditions.length ? `WHERE ${conditions.join('\n    AND ')}` : ''
  const sql = `items_indexed AS (
  SELECT
    *,
    ${ruleIndex} AS rule_index,
    coalesce(${BASIS_COLUMNS[query.basis]}, 0) AS cost
  FROM ${readsTags(query) ? 'cur_attributed_tagged' : 'cur_attributed'}
  ${where}
), items AS (
  SELECT *, ${recipient} AS recipient FROM items_indexed
)`
  return { sql, params, readsTags: readsTags(query) }
}

function readsTags(query: LineQuery): boolean {
  if ('rules' in query.source)
    return (
      query.source.rules.rules.some((r) => r.match.kind === 'tag') ||
      readsTagDimensions({ filters: query.filters })
    )
  return readsTagDimensions({ dimensions: [query.source.by], filters: query.filters })
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

// AgentCore starts one session per run, so its lines roll up to the role (`…/AgentRuntimeRole/*`);
// every other principal is shown as its full ARN, as an auditor finds it in the bill.
const LINE_PRINCIPAL_SQL = `CASE
    WHEN principal_kind = 'agentcore' THEN regexp_replace(principal_arn, '/[^/]*$', '/*')
    ELSE principal_arn
  END`

export async function queryLines(dataset: Dataset, query: LineQuery): Promise<LineAggregate[]> {
  const items = itemsCte(query)
  if (items.readsTags) await tagSetsSwitched(dataset)
  const sql = `WITH ${items.sql}, classified AS (
  SELECT *, ${BUCKET_SQL} AS bucket FROM items
)
SELECT
  bucket,
  CASE WHEN bucket IS NULL THEN recipient END AS recipient,
  CASE WHEN bucket IS NULL THEN rule_index END AS rule_index,
  coalesce(service, '(no service)') AS service,
  model,
  ${LINE_PRINCIPAL_SQL} AS principal,
  sum(cost) AS amount,
  count(*) AS line_items
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
