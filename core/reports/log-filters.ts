// The usage logs' side of a query: their successful calls with the columns dimensions read (day,
// model as the report names it, principal, person, user, region, log tags), and a query's filters
// as conditions on them. Filters on what the logs do not know (service, account, …) have no
// condition here: reconciliation applies them to the bill only.
import type { Dimension, Filter } from '../api.js'
import type { Engine } from '../engine/duckdb.js'
import { parseDimension, type SqlParamBag } from '../rows/dimensions.js'
import { condition } from '../rows/grouped-rows.js'
import { findModel } from '../rows/model-catalog.js'
import { LOGGED_CALLS, USAGE_LOG_TABLE } from '../rows/usage-split.js'

/** A dimension as a column of `calls` (below); token-type only where calls are split by type. */
export const LOG_COLUMNS: Readonly<Partial<Record<Dimension, string>>> = {
  day: 'usage_day',
  model: 'model',
  principal: 'principal_arn',
  person: 'principal_person',
  user: 'log_user',
  region: 'region',
  'token-type': 'token_type',
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
  return `calls AS (
  SELECT
    *,
    CAST(ts_utc AS DATE) AS usage_day,
    COALESCE(${modelNames}[list_position(${modelKeys}, model_key)], model_key) AS model
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
