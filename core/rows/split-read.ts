// The usage logs' split of Bedrock cost, worked out once when logs load and added to every read
// that groups or filters by `user` or `log-tag:<key>`.
//
// The parts (buildSplitParts): each group of Bedrock usage at the rows' finest grain (every base
// column, and whether it has usage) is matched to its usage-log bucket (day, account, region,
// model, global routing, token type, principal; a log without a region, routing or principal
// matches any, a log without an account matches none: the loader gives it the export's account
// when it has only one) and each metric is split among the bucket's end users in proportion to
// their tokens, by largest remainder on the metric's own unit (1e-10, or whole tokens and line
// items), so each group's parts sum exactly to it. Beside its parts, each matched group has one
// row taking it back from its principal's own user: `(unallocated)` (NULL) when the principal
// appears in the logs, else its person.
//
// A read (splitMapped) groups the rows as any read does, every group under its principal's own
// user, and adds the parts: matched groups move from that user to their end users, and every other
// group stays whole. Totals are therefore the same with and without logs, and one fixed grain means
// a user's figure is the same whatever else a read groups by.
import { randomUUID } from 'node:crypto'
import type { Engine } from '../engine/duckdb.js'
import { BASE_TEXT_COLUMNS } from './dimensions.js'
import type { GroupMetric } from './grouped-rows.js'
import { bedrockShapeJoin, GROUP_TOKENS } from './lookups.js'
import { SPLIT_PRINCIPALS_TABLE, SPLIT_TABLE } from './usage-split.js'

export const SPLIT_PARTS_TABLE = 'usage_split_parts'

export interface SplitColumn {
  name: string
  /** Over the groups and lookups (`g`, `p`, `b`, `ts`), or over the split (`a.log_user`, …). */
  expr: string
  split: boolean
}

export interface SplitRead {
  groups: string
  /** The lookups joined onto the groups. */
  joins: readonly string[]
  /** The base columns the parts are grouped by, and the lookups joined onto them after. */
  partKeys: readonly string[]
  partJoins: readonly string[]
  /** The split's columns the read uses: `log_user`, `log_tags`, `log_split`. */
  splitColumns: ReadonlySet<string>
  columns: readonly SplitColumn[]
  metrics: readonly GroupMetric[]
  /** Conditions on the mapped groups (over `g`, `p`, `b`, `ts`). */
  filters: readonly string[]
  /** The read's conditions on base columns, over the parts `g` (the groups had them in step 1). */
  partFilters: readonly string[]
  /** Conditions on the split's columns (`a.log_user`, `a.log_tags`, `a.log_split`). */
  splitFilters: readonly string[]
}

/** The finest grain of the rows, at which the parts are kept (with `has_usage`, for token reads). */
const PART_KEYS = ['usage_day', ...BASE_TEXT_COLUMNS, 'tag_set'] as const

type SplitMetric = Exclude<GroupMetric, 'assumed_units'>

/** Each metric's value per group, and the power of ten of its smallest unit. */
const GROUP_VALUES: Readonly<Record<SplitMetric, [string, number]>> = {
  unblended: ['g.unblended', 10],
  net: ['g.net', 10],
  amortized: ['g.amortized', 10],
  ondemand: ['g.ondemand', 10],
  usage: ['g.usage', 10],
  tokens: [GROUP_TOKENS, 0],
  line_items: ['g.line_items', 0],
}
const SPLIT_METRICS = Object.keys(GROUP_VALUES) as SplitMetric[]

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

/** A group's own user, over `g` and principal_dim `p`: the principal's person unless logs name it. */
const OWN_USER = `CASE WHEN CAST(g.principal_arn AS VARCHAR) IN (SELECT principal_arn FROM ${SPLIT_PRINCIPALS_TABLE})
      THEN NULL ELSE p.person END`

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

/** The parts table, empty: what every read with split columns adds before logs load. */
export async function createSplitParts(engine: Engine): Promise<void> {
  const money = 'DECIMAL(38, 10)'
  const columns = [
    'usage_day DATE',
    ...BASE_TEXT_COLUMNS.map((c) => `${c} VARCHAR`),
    'tag_set UBIGINT',
    'has_usage BOOLEAN',
    'log_user VARCHAR',
    'log_tags MAP(VARCHAR, VARCHAR)',
    'log_split VARCHAR',
    'presence BIGINT',
    ...['unblended', 'net', 'amortized', 'ondemand', 'usage'].map((m) => `${m} ${money}`),
    'tokens BIGINT',
    'line_items BIGINT',
  ]
  await engine.query(`CREATE TABLE IF NOT EXISTS ${SPLIT_PARTS_TABLE} (${columns.join(', ')})`)
}

/**
 * Works the parts out anew from the split's buckets (usage-split.ts) and `base` (rows_base, or the
 * cache's facts), over the complete principal_dim and bedrock_dim. One row per matched group
 * and end user (and log tags) with its share of each metric and `presence` 1, and one row per
 * matched group taking it back from its own user, negated, with `presence` minus its line items.
 * In steps over narrow tables: windows over millions of pairs with every column overflow memory.
 */
export async function buildSplitParts(
  engine: Engine,
  base: string,
  signal?: AbortSignal,
): Promise<void> {
  const id = randomUUID().replaceAll('-', '')
  const groups = `split_groups_${id}`
  const pairs = `split_pairs_${id}`
  const shares = (m: SplitMetric) => `split_${m}_${id}`
  const run = (sql: string) => engine.query(sql, {}, { signal })
  try {
    await run(`CREATE TABLE ${groups} AS ${matchableGroups(base)}`)
    await run(`CREATE TABLE ${pairs} AS ${matchedPairs(groups)}`)
    for (const m of SPLIT_METRICS)
      await run(`CREATE TABLE ${shares(m)} AS ${share(m, groups, pairs)}`)
    await run(`CREATE OR REPLACE TABLE ${SPLIT_PARTS_TABLE} AS ${parts(groups, pairs, shares)}`)
  } finally {
    for (const table of [groups, pairs, ...SPLIT_METRICS.map(shares)]) {
      await engine.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined)
    }
  }
}

/** Columns of the parts that say which rows they are: the finest grain of the rows. */
const PART_COLUMNS = [...PART_KEYS, 'has_usage']

/** The Bedrock usage of `base` at the finest grain, numbered, with what a bucket matches on. */
function matchableGroups(base: string): string {
  const keys = PART_KEYS.map((k) =>
    k === 'usage_day' || k === 'tag_set' ? k : `CAST(${k} AS VARCHAR) AS ${k}`,
  )
  return `WITH g AS (
  SELECT ${[...keys, 'has_usage'].join(', ')}, unblended, net, amortized, ondemand, usage, line_items
  FROM (
    SELECT ${PART_KEYS.join(', ')}, usage <> 0 AS has_usage,
      sum(unblended) AS unblended, sum(net) AS net, sum(amortized) AS amortized,
      sum(ondemand) AS ondemand, sum(usage) AS usage, count(*) AS line_items
    FROM ${base}
    -- Only usage types of Bedrock tokens: grouping all the rows this finely takes long.
    WHERE usage_type IN (
      SELECT usage_type FROM bedrock_dim WHERE model_key IS NOT NULL AND token_type IS NOT NULL)
    GROUP BY ALL
  )
)
SELECT
  row_number() OVER () AS gid,
  ${[
    ...PART_COLUMNS.map((k) => `g.${k}`),
    'g.usage_day AS s_day',
    'g.account AS s_account',
    "COALESCE(NULLIF(g.region, ''), b.usage_region) AS s_region",
    'b.model_key AS s_model',
    // Global cross-region usage types: `-cross-region-global`, `-global-standard`, MP `_Global`.
    "g.usage_type ILIKE '%global%' AS s_global",
    'b.token_type AS s_token',
    'g.principal_arn AS s_principal',
    `${OWN_USER} AS own_user`,
    ...SPLIT_METRICS.map((m) => `${GROUP_VALUES[m][0]} AS v_${m}`),
  ].join(',\n  ')}
FROM g
LEFT JOIN principal_dim AS p ON p.principal_arn = g.principal_arn
JOIN bedrock_dim AS b ON ${bedrockShapeJoin('g')}
WHERE b.model_key IS NOT NULL AND b.token_type IS NOT NULL`
}

/** Each group's buckets: (gid, split_id, weight) with the group's whole weight. */
function matchedPairs(groups: string): string {
  return `SELECT gid, split_id, weight, sum(weight) OVER (PARTITION BY gid) AS total_weight
FROM (
  ${PRINCIPAL_MATCHES.map(
    (principal) => `SELECT m.gid, s.split_id, s.tokens AS weight
  FROM ${groups} AS m
  JOIN ${SPLIT_TABLE} AS s
    ON s.usage_day = m.s_day
    AND s.account = m.s_account
    AND s.model_key = m.s_model
    AND s.token_type = m.s_token
    AND ${principal}
    AND (s.region IS NULL OR s.region = m.s_region)
    AND (s.global_route IS NULL OR s.global_route = m.s_global)`,
  ).join('\n  UNION ALL\n  ')}
)`
}

/**
 * One metric shared by largest remainder on its own unit: every part gets the whole units of its
 * exact share, and the units left go one each to the largest remainders (ties by bucket order).
 * One metric at a time, over (gid, split_id) and a few numbers, so the windows fit in memory.
 */
function share(m: SplitMetric, groups: string, pairs: string): string {
  const scale = GROUP_VALUES[m][1]
  const value = `COALESCE(m.v_${m}, 0)`
  const units = `abs(CAST(${scale ? `${value} * ${10 ** scale}` : value} AS HUGEINT))`
  const whole = '(n // total_weight)'
  const parts = `sign(v) * (${whole} + CASE WHEN row_number() OVER (
      PARTITION BY gid ORDER BY n % total_weight DESC, split_id) <= u - sum(${whole}) OVER (PARTITION BY gid)
      THEN 1 ELSE 0 END)`
  return `SELECT gid, split_id, ${
    scale ? `CAST(${parts} AS DECIMAL(38, 0)) * CAST(1e-${scale} AS DECIMAL(38, ${scale}))` : parts
  } AS ${m}
FROM (
  SELECT p.gid, p.split_id, p.total_weight, ${value} AS v, ${units} AS u, ${units} * p.weight AS n
  FROM ${pairs} AS p JOIN ${groups} AS m USING (gid)
)`
}

/** The parts of each group with its buckets' users and tags, and each group taken back whole. */
function parts(groups: string, pairs: string, shares: (m: SplitMetric) => string): string {
  return `SELECT ${PART_COLUMNS.map((k) => `m.${k}`).join(', ')}, s.log_user, s.log_tags,
  'split' AS log_split, 1 AS presence, ${SPLIT_METRICS.map((m) => `x_${m}.${m}`).join(', ')}
FROM ${pairs} AS p
JOIN ${groups} AS m USING (gid)
JOIN ${SPLIT_TABLE} AS s USING (split_id)
${SPLIT_METRICS.map((m) => `JOIN ${shares(m)} AS x_${m} USING (gid, split_id)`).join('\n')}
UNION ALL BY NAME
SELECT ${PART_COLUMNS.join(', ')}, own_user AS log_user, CAST(NULL AS MAP(VARCHAR, VARCHAR)) AS log_tags,
  CAST(NULL AS VARCHAR) AS log_split, -v_line_items AS presence${SPLIT_METRICS.map(
    (m) => `, -v_${m} AS ${m}`,
  ).join('')}
FROM ${groups}
WHERE gid IN (SELECT gid FROM ${pairs})`
}

/**
 * Step 2 of a read with split columns: the groups under their own user, plus the parts, grouped
 * by the columns asked for. A group whose every row was moved to end users is left out, as is
 * any group with nothing left (presence counts line items and parts).
 */
export function splitMapped(read: SplitRead): string {
  const plain = read.columns.filter((c) => !c.split)
  const shared = read.metrics.filter((m) => m !== 'assumed_units') as SplitMetric[]
  const assumed = read.metrics.includes('assumed_units') ? 'b.assumed_token_unit' : 'NULL'
  const half = (from: string, joins: readonly string[], values: string[]) => `SELECT
    ${[...plain.map((c) => `${c.expr} AS ${c.name}`), ...values, `${assumed} AS assumed_units`].join(',\n    ')}
  FROM ${from} AS g
  ${joins.join('\n  ')}
  WHERE ${read.filters.length ? read.filters.join('\n    AND ') : 'true'}`
  // The parts grouped by the read's own columns first, and mapped after, as the rows are.
  const split = [...read.splitColumns]
  const parts = `(SELECT ${[...read.partKeys, ...split].join(', ')}, sum(presence) AS presence${shared
    .map((m) => `, sum(${m}) AS ${m}`)
    .join('')}
    FROM ${SPLIT_PARTS_TABLE} AS g
    WHERE ${read.partFilters.length ? read.partFilters.join('\n      AND ') : 'true'}
    GROUP BY ALL)`
  return `WITH a AS (
  ${half(read.groups, read.joins, [
    `${OWN_USER} AS log_user`,
    'CAST(NULL AS MAP(VARCHAR, VARCHAR)) AS log_tags',
    'CAST(NULL AS VARCHAR) AS log_split',
    'g.line_items AS presence',
    ...shared.map((m) => `${GROUP_VALUES[m][0]} AS ${m}`),
  ])}
  UNION ALL BY NAME
  ${half(parts, read.partJoins, [
    ...split.map((c) => `g.${c}`),
    'g.presence',
    ...shared.map((m) => `g.${m}`),
  ])}
)
SELECT
  ${[
    ...read.columns.map((c) => (c.split ? `${c.expr} AS ${c.name}` : `a.${c.name} AS ${c.name}`)),
    ...read.metrics.map((m) => `${OUTPUTS[m]} AS ${m}`),
  ].join(',\n  ')}
FROM a
WHERE ${read.splitFilters.length ? read.splitFilters.join('\n  AND ') : 'true'}
GROUP BY ALL
HAVING sum(a.presence) > 0`
}
