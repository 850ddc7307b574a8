// Step 2 of a grouped read that groups or filters by `user` or `log-tag:<key>`: each mapped group
// of Bedrock usage is matched to its usage-log bucket (day, account, region, model, global
// routing, token type, principal; a log without a region, routing or principal matches any, a log
// without an account matches none: the loader gives it the export's account when it has only one)
// and each metric is split among the bucket's end users in proportion to their tokens, by largest
// remainder on the metric's own unit (1e-10, or whole tokens and line items), so each group's parts sum exactly to it. A group no record matches
// keeps its figures whole: `(unallocated)` (NULL) when its principal appears in the logs, else its
// principal's person. Totals are therefore the same with and without logs.
import type { GroupMetric } from './grouped-rows.js'
import { GROUP_TOKENS } from './lookups.js'
import { SPLIT_PRINCIPALS_TABLE, SPLIT_TABLE } from './usage-split.js'

export interface SplitColumn {
  name: string
  /** Over step 2's joined groups (`g`, `p`, `b`, `ts`), or over the split (`a.log_user`, …). */
  expr: string
  split: boolean
}

export interface SplitRead {
  groups: string
  joins: readonly string[]
  columns: readonly SplitColumn[]
  metrics: readonly GroupMetric[]
  /** Conditions on the joined groups, before the split. */
  filters: readonly string[]
  /** Conditions on the split's columns (`a.log_user`, `a.log_tags`, `a.log_split`). */
  splitFilters: readonly string[]
}

/** Each metric's value per group, and the power of ten of its smallest unit. */
const GROUP_VALUES: Readonly<Record<Exclude<GroupMetric, 'assumed_units'>, [string, number]>> = {
  unblended: ['g.unblended', 10],
  net: ['g.net', 10],
  amortized: ['g.amortized', 10],
  ondemand: ['g.ondemand', 10],
  usage: ['g.usage', 10],
  tokens: [GROUP_TOKENS, 0],
  line_items: ['g.line_items', 0],
}

const OUTPUTS: Readonly<Record<GroupMetric, string>> = {
  unblended: 'sum(a.unblended)',
  net: 'sum(a.net)',
  amortized: 'sum(a.amortized)',
  ondemand: 'sum(a.ondemand)',
  usage: 'sum(a.usage)',
  tokens: 'sum(a.tokens)',
  line_items: 'CAST(sum(a.line_items) AS BIGINT)',
  assumed_units: `list_sort(list(DISTINCT a.assumed_units)
      FILTER (WHERE a.assumed_units IS NOT NULL))`,
}

/**
 * A log bucket without a principal matches any group, a group without one any bucket. The three
 * cases apart, so that the common one (both have a principal) joins on it: one join with the
 * condition ORed would pair every group with every bucket of its day, model and token type.
 */
const PRINCIPAL_MATCHES = [
  's.principal_arn = m.s_principal',
  's.principal_arn IS NULL AND m.s_principal IS NOT NULL',
  'm.s_principal IS NULL',
]

export function splitMapped(read: SplitRead): string {
  const plain = read.columns.filter((c) => !c.split)
  const shared = read.metrics.filter((m) => m !== 'assumed_units') as (keyof typeof GROUP_VALUES)[]
  const units = (m: keyof typeof GROUP_VALUES) => {
    const [, scale] = GROUP_VALUES[m]
    const value = `COALESCE(v_${m}, 0)`
    return `abs(CAST(${scale ? `${value} * ${10 ** scale}` : value} AS HUGEINT))`
  }
  const part = (m: keyof typeof GROUP_VALUES) => {
    const whole = `(n_${m} // total_weight)`
    return [
      `sign(COALESCE(v_${m}, 0)) * (${whole} + CASE WHEN row_number() OVER (
        PARTITION BY gid ORDER BY n_${m} % total_weight DESC, k) <= ${units(m)} - sum(${whole}) OVER (PARTITION BY gid)
        THEN 1 ELSE 0 END)`,
      GROUP_VALUES[m][1],
    ] as const
  }
  const fromUnits = ([expr, scale]: readonly [string, number]) =>
    scale ? `CAST(${expr} AS DECIMAL(38, 0)) * CAST(1e-${scale} AS DECIMAL(38, ${scale}))` : expr
  return `WITH m AS (
  SELECT
    row_number() OVER () AS gid,
    ${[
      ...plain.map((c) => `${c.expr} AS ${c.name}`),
      'g.usage_day AS s_day',
      'CAST(g.account AS VARCHAR) AS s_account',
      "COALESCE(NULLIF(CAST(g.region AS VARCHAR), ''), b.usage_region) AS s_region",
      'b.model_key AS s_model',
      // Global cross-region usage types: `-cross-region-global`, `-global-standard`, MP `_Global`.
      "CAST(g.usage_type AS VARCHAR) ILIKE '%global%' AS s_global",
      'b.token_type AS s_token',
      'CAST(g.principal_arn AS VARCHAR) AS s_principal',
      'p.person AS s_person',
      ...shared.map((m) => `${GROUP_VALUES[m][0]} AS v_${m}`),
      `${read.metrics.includes('assumed_units') ? 'b.assumed_token_unit' : 'NULL'} AS assumed_units`,
    ].join(',\n    ')}
  FROM ${read.groups} AS g
  ${read.joins.join('\n  ')}
  WHERE ${read.filters.length ? read.filters.join('\n    AND ') : 'true'}
),
pairs AS (
  ${PRINCIPAL_MATCHES.map(
    (principal) => `SELECT m.*, s.log_user, s.log_tags, s.tokens AS weight,
    s.principal_arn AS log_principal, s.region AS log_region
  FROM m
  JOIN ${SPLIT_TABLE} AS s
    ON s.usage_day = m.s_day
    AND s.account = m.s_account
    AND s.model_key = m.s_model
    AND s.token_type = m.s_token
    AND ${principal}
    AND (s.region IS NULL OR s.region = m.s_region)
    AND (s.global_route IS NULL OR s.global_route = m.s_global)`,
  ).join('\n  UNION ALL\n  ')}
),
matched AS (
  SELECT
    *,
    sum(weight) OVER (PARTITION BY gid) AS total_weight,
    row_number() OVER (
      PARTITION BY gid
      ORDER BY log_user NULLS FIRST, CAST(log_tags AS VARCHAR), log_principal, log_region
    ) AS k
  FROM pairs
),
weighed AS (
  SELECT *, ${shared.length ? shared.map((m) => `${units(m)} * weight AS n_${m}`).join(', ') : 'NULL AS n_none'}
  FROM matched
),
a AS (
  SELECT ${[...plain.map((c) => c.name), 'log_user', 'log_tags', "'split' AS log_split", 'assumed_units'].join(', ')}${shared
    .map((m) => `,\n    ${fromUnits(part(m))} AS ${m}`)
    .join('')}
  FROM weighed
  UNION ALL BY NAME
  SELECT
    ${[...plain.map((c) => c.name), ...shared.map((m) => `v_${m} AS ${m}`), 'assumed_units'].join(', ')},
    CASE WHEN s_principal IN (SELECT principal_arn FROM ${SPLIT_PRINCIPALS_TABLE}) THEN NULL
      ELSE s_person END AS log_user,
    CAST(NULL AS MAP(VARCHAR, VARCHAR)) AS log_tags,
    CAST(NULL AS VARCHAR) AS log_split
  FROM m
  WHERE NOT EXISTS (SELECT 1 FROM matched WHERE matched.gid = m.gid)
)
SELECT
  ${[
    ...read.columns.map((c) => (c.split ? `${c.expr} AS ${c.name}` : `a.${c.name} AS ${c.name}`)),
    ...read.metrics.map((m) => `${OUTPUTS[m]} AS ${m}`),
  ].join(',\n  ')}
FROM a
WHERE ${read.splitFilters.length ? read.splitFilters.join('\n  AND ') : 'true'}
GROUP BY ALL`
}
