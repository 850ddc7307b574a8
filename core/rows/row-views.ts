// The views the attributed rows add on top of `cur`.
//
// `rows_base`: the base columns every grouped query starts from (grouped-rows.ts), one row per line
// item, straight from the files. The cache (`attribution_store.facts`, cache-build.ts) holds the
// same columns, ENUM-coded. Usage is DECIMAL(38,10), so that sums are exact either way.
//
// `cur_attributed` (the SQL console's view): every `cur` column, with `tags` from the tag sets, plus
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
// `attribution_rows`: one row per line item with every column a dimension or a filter reads, under
// the dimension map's names, plus the columns a line-item drill-down shows.
// Both join the lookups row by row, so they read them complete (AttributedRows.complete()).
import { bedrockShapeJoin } from './lookups.js'
import { TAG_SETS_TABLE } from './tag-sets.js'

export const CREATE_ROWS_BASE = `CREATE VIEW rows_base AS
SELECT
  billing_period,
  CAST(usage_start AS DATE) AS usage_day,
  usage_account_id AS account,
  service,
  usage_type,
  operation,
  line_item_type,
  product_code,
  region,
  principal_arn,
  product_name,
  pricing_unit,
  product_provider,
  product_model,
  product_inference_type,
  tag_set,
  tag_inputs,
  unblended_cost AS unblended,
  net_unblended_cost AS net,
  amortized_cost AS amortized,
  ondemand_cost AS ondemand,
  CAST(usage_amount AS DECIMAL(38, 10)) AS usage
FROM cur`

const JOINS = `LEFT JOIN principal_dim AS p ON p.principal_arn = c.principal_arn
LEFT JOIN bedrock_dim AS b
  ON ${bedrockShapeJoin('c')}
LEFT JOIN ${TAG_SETS_TABLE} AS ts ON ts.tag_set = c.tag_set`

export const CREATE_CUR_ATTRIBUTED = `CREATE VIEW cur_attributed AS
SELECT
  c.* REPLACE (ts.tags AS tags),
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
${JOINS}`

export const CREATE_ATTRIBUTION_ROWS = `CREATE VIEW attribution_rows AS
SELECT
  c.billing_period,
  CAST(c.usage_start AS DATE) AS usage_day,
  CAST(CAST(date_trunc('week', CAST(c.usage_start AS DATE)) AS DATE) AS VARCHAR) AS usage_week,
  c.usage_account_id AS account,
  c.service,
  c.usage_type,
  c.operation,
  c.line_item_type,
  c.product_code,
  c.principal_arn,
  ts.tags,
  c.unblended_cost AS unblended,
  c.net_unblended_cost AS net,
  c.amortized_cost AS amortized,
  c.ondemand_cost AS ondemand,
  CAST(c.usage_amount AS DECIMAL(38, 10)) AS usage,
  COALESCE(NULLIF(c.region, ''), b.usage_region) AS region,
  p.person AS principal_person,
  p.role AS principal_role,
  p.kind AS principal_kind,
  p.account AS principal_account,
  b.model_key,
  b.model,
  b.provider,
  b.token_type,
  b.assumed_token_unit,
  CAST(round(c.usage_amount * b.token_scale) AS BIGINT) AS tokens,
  c.usage_start,
  c.usage_amount,
  c.pricing_unit,
  c.resource_id,
  c.description,
  c.line_item_id,
  c.source_file
FROM cur AS c
${JOINS}`
