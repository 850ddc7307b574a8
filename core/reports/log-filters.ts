// The usage logs' side of a query: their successful calls with the columns dimensions read (day,
// week, month, model and provider as the report names them, account, principal, person, role,
// user, region, log tags), and a query's filters as conditions on them. The logs do not know a
// line item's service, usage type, operation, line item type or cost-allocation tags: reconcile
// refuses those filters (logGaps), and the log drill-down does not narrow by them.
import type { Dimension, Filter } from '../api.js'
import type { Engine } from '../engine/duckdb.js'
import { parseDimension, type SqlParamBag } from '../rows/dimensions.js'
import { condition } from '../rows/grouped-rows.js'
import { findModel } from '../rows/model-catalog.js'
import { LOGGED_CALLS, USAGE_LOG_TABLE } from '../rows/usage-split.js'

/** A dimension as a column of `calls` (below); token-type only where calls are split by type. */
export const LOG_COLUMNS: Readonly<Partial<Record<Dimension, string>>> = {
  day: 'usage_day',
  week: 'usage_week',
  month: 'usage_month',
  model: 'model',
  provider: 'provider',
  account: 'account_id',
  principal: 'principal_arn',
  person: 'principal_person',
  role: 'principal_role',
  user: 'log_user',
  region: 'region',
  'token-type': 'token_type',
}

/** The filters' dimensions the logs cannot apply (they know no service, tag, …), once each. */
export function logGaps(filters: readonly Filter[]): string[] {
  const gaps = filters
    .filter((f) => parseDimension(f.dimension).kind !== 'log-tag')
    .map((f) => f.dimension)
    .filter((d) => LOG_COLUMNS[d] === undefined)
  return [...new Set(gaps)]
}

/**
 * `calls AS (…)`: each successful call once, with its UTC day and its model under the catalog's
 * name (as the bill's rows name it), beside the columns of `usage_log`.
 */
export async function loggedCallsCte(
  engine: Engine,
  bag: SqlParamBag,
  signal?: AbortSignal,
): Promise<string> {
  const keys = await engine.query<{ model_key: string }>(
    `SELECT DISTINCT model_key FROM ${USAGE_LOG_TABLE} WHERE model_key IS NOT NULL`,
    {},
    { signal },
  )
  const modelKeys = bag.bind(
    'model_keys',
    keys.map((k) => k.model_key),
  )
  const modelNames = bag.bind(
    'model_names',
    keys.map((k) => findModel(k.model_key)?.name ?? k.model_key),
  )
  const providers = bag.bind(
    'model_providers',
    keys.map((k) => findModel(k.model_key)?.provider ?? ''),
  )
  // Week and month as the bill's rows read them: the ISO week's Monday, the usage month.
  return `calls AS (
  SELECT
    *,
    CAST(ts_utc AS DATE) AS usage_day,
    CAST(CAST(date_trunc('week', ts_utc) AS DATE) AS VARCHAR) AS usage_week,
    strftime(ts_utc, '%Y-%m') AS usage_month,
    COALESCE(${modelNames}[list_position(${modelKeys}, model_key)], model_key) AS model,
    NULLIF(${providers}[list_position(${modelKeys}, model_key)], '') AS provider
  FROM (${LOGGED_CALLS})
)`
}

/** The filters the logs can apply, as conditions on `calls` (or its split by token type). */
export function logConditions(
  filters: readonly Filter[],
  bag: SqlParamBag,
  byTokenType: boolean,
): string[] {
  return filters.flatMap((filter) => {
    const parsed = parseDimension(filter.dimension)
    let expr: string | undefined
    if (parsed.kind === 'log-tag') expr = `log_tags[${bag.bind('log_tag', parsed.key)}]`
    else if (filter.dimension !== 'token-type' || byTokenType) expr = LOG_COLUMNS[filter.dimension]
    if (expr === undefined) return []
    return [condition(filter, expr, filter.dimension === 'day' ? 'DATE' : 'VARCHAR', bag)]
  })
}
