// The two views attribution adds on top of `cur`, built once per dataset after the lookup tables.
//
// `cur_attributed` (also read by core/chargeback): every `cur` column, plus
//   principal_kind     'iam-user' | 'api-key' | 'assumed-role' | 'sso' | 'agentcore' | 'root' |
//                      'federated' | 'unknown'; NULL when the row has no principal
//   principal_person   session or user name (SSO: the person; AgentCore: its role); NULL = no principal
//   principal_role     role name as in the ARN (IAM users: `user/<name>`); NULL = no principal
//   principal_account  account id from the ARN
//   model_key          the model catalog's key (`amazon.nova-pro-v1`); NULL = no model, or a model
//                      the catalog does not know
//   model, provider    the model's one name (the catalog's, else the raw name as billed) and its
//                      provider; NULL = not Bedrock, or no model on the line
//   token_type         'input' | 'output' | 'cache-read' | 'cache-write' | 'other'; NULL when not
//                      a Bedrock row, or a token-priced Bedrock row that names no class
//   tokens             DOUBLE: usage_amount × scale of pricing_unit (1K tokens ×1000, 1M tokens
//                      and marketplace Units ×1e6); NULL when the row counts no tokens
//   token_scale        INTEGER multiplier behind `tokens` (extra, for exact decimal sums)
//   assumed_token_unit the pricing unit `token_scale` assumes because the row has none ('1K tokens',
//                      'Units'); NULL when the row states its unit
//   usage_region       region named by the usage-type prefix (extra; `EU-` → eu-west-1)
//
// `attribution_rows_unjoined`: the same columns straight from `cur`, for queries that need no
// principal or Bedrock column (no joins, so much faster while the cache is being built).
//
// `attribution_rows_principal`: those plus principal_person and principal_role, for queries that
// need no Bedrock column (one join instead of two: a regroup by role takes half the time).
//
// `attribution_rows_bedrock`: the unjoined columns plus model_key, model, provider, token_type,
// tokens, assumed_token_unit and region, for queries that need no principal roll-up (the Bedrock lookup alone: a regroup by model
// takes about a third less time).
//
// `attribution_rows`: the live row source for breakdowns, line items and chargeback, with the column
// names the cache (`attribution_store.facts`, cache-build.ts) shares, plus the line-item detail
// columns.
// Usage is DECIMAL(38,10) and tokens are whole (rounded per row), so that sums are exact and the
// same from either source.
//
// Each has a `<view>_tagged` twin for queries that read `tags`: it takes them from `cur_tag_sets`
// (core/sources/tag-sets.ts, one merge per distinct combination of raw tag columns) by the row's
// `tag_set`, instead of merging them on every row. Queries that read no tags use the plain view:
// the join would cost them a pass over the raw tag columns.
import { TAG_SETS_TABLE } from './tag-sets.js'
import { BEDROCK_SHAPE_COLUMNS, bedrockShapeJoin } from './lookups.js'

export const CREATE_CUR_ATTRIBUTED = `CREATE OR REPLACE VIEW cur_attributed AS
SELECT
  c.*,
  p.kind AS principal_kind,
  p.person AS principal_person,
  p.role AS principal_role,
  p.account AS principal_account,
  b.model_key,
  b.model,
  b.provider,
  b.token_type,
  c.usage_amount * b.token_scale AS tokens,
  b.token_scale,
  b.assumed_token_unit,
  b.usage_region
FROM cur AS c
LEFT JOIN principal_dim AS p ON p.principal_arn = c.principal_arn
LEFT JOIN bedrock_dim AS b
  ON ${bedrockShapeJoin('c')}`

/** The columns both row views take from `cur` alone, computed the same way in each. */
const CUR_ROW_COLUMNS = `billing_period,
  CAST(usage_start AS DATE) AS usage_day,
  usage_account_id AS account,
  service,
  usage_type,
  operation,
  line_item_type,
  principal_arn,
  tags,
  tag_set,
  unblended_cost AS unblended,
  net_unblended_cost AS net,
  amortized_cost AS amortized,
  ondemand_cost AS ondemand,
  CAST(usage_amount AS DECIMAL(38, 10)) AS usage`

/** What the Bedrock lookup gives a row, computed the same way in each row view that joins it. */
const tokensOf = (usageAmount: string, tokenScale: string) =>
  `CAST(round(${usageAmount} * ${tokenScale}) AS BIGINT)`
const regionOf = (region: string, usageRegion: string) =>
  `COALESCE(NULLIF(${region}, ''), ${usageRegion})`

export const CREATE_ATTRIBUTION_ROWS = `CREATE OR REPLACE VIEW attribution_rows AS
SELECT
  ${CUR_ROW_COLUMNS},
  ${regionOf('region', 'usage_region')} AS region,
  principal_person,
  principal_role,
  model_key,
  model,
  provider,
  token_type,
  product_code,
  principal_kind,
  ${tokensOf('usage_amount', 'token_scale')} AS tokens,
  assumed_token_unit,
  usage_start,
  usage_amount,
  pricing_unit,
  resource_id,
  description,
  source_file
FROM cur_attributed`

export const CREATE_ATTRIBUTION_ROWS_UNJOINED = `CREATE OR REPLACE VIEW attribution_rows_unjoined AS
SELECT
  ${CUR_ROW_COLUMNS}
FROM cur`

export const CREATE_ATTRIBUTION_ROWS_PRINCIPAL = `CREATE OR REPLACE VIEW attribution_rows_principal AS
SELECT u.*, p.person AS principal_person, p.role AS principal_role
FROM attribution_rows_unjoined AS u
LEFT JOIN principal_dim AS p ON p.principal_arn = u.principal_arn`

const SHAPE_ONLY_COLUMNS = BEDROCK_SHAPE_COLUMNS.filter((c) => c !== 'usage_type')

export const CREATE_ATTRIBUTION_ROWS_BEDROCK = `CREATE OR REPLACE VIEW attribution_rows_bedrock AS
SELECT
  r.* EXCLUDE (${SHAPE_ONLY_COLUMNS.join(', ')}, region, usage_amount),
  b.model_key,
  b.model,
  b.provider,
  b.token_type,
  ${tokensOf('r.usage_amount', 'b.token_scale')} AS tokens,
  b.assumed_token_unit,
  ${regionOf('r.region', 'b.usage_region')} AS region
FROM (
  SELECT ${CUR_ROW_COLUMNS}, ${SHAPE_ONLY_COLUMNS.join(', ')}, region, usage_amount FROM cur
) AS r
LEFT JOIN bedrock_dim AS b
  ON ${bedrockShapeJoin('r')}`

/** The views that have a `_tagged` twin. */
export const TAGGED_VIEWS = [
  'cur_attributed',
  'attribution_rows',
  'attribution_rows_unjoined',
  'attribution_rows_principal',
  'attribution_rows_bedrock',
]

/** `<view>_tagged`: tags from `cur_tag_sets` when the dataset has it, else the view as it is. */
export function createTaggedView(view: string, tagSetsIndexed: boolean): string {
  const select = tagSetsIndexed
    ? `SELECT v.* REPLACE (ts.tags AS tags)
FROM ${view} AS v
LEFT JOIN ${TAG_SETS_TABLE} AS ts ON ts.tag_set = v.tag_set`
    : `SELECT * FROM ${view}`
  return `CREATE OR REPLACE VIEW ${view}_tagged AS ${select}`
}
