// CUR 2.0 (Parquet, or CSV converted to Parquet on open) → the normalized `cur` columns.
// Choices:
// - service: "Amazon Bedrock" for every Bedrock row (see common.ts), else the product's service name
//   (product['servicename'], staged as product_servicename), its product name, its product code.
// - net_unblended falls back to unblended where the export leaves it empty (no discounts).
// - tags merges three maps into one keyed "<source>/<key>": the `tags` map (keys already prefixed),
//   the older `resource_tags` map (user_project → resourceTags/user:project) unless `tags` already
//   holds that resource tag under any spelling (letter case, "_" or ":" aside: CostCenter and
//   cost_center are one key, and the `tags` spelling wins), and `cost_category` (→ costCategory/<key>)
//   unless `tags` has it. Empty values are dropped. TRY keeps a row whose maps would still collide
//   (a pathological export) to its `tags` map instead of failing every query.
import { bedrockCondition, CUR_AMORTIZED, money } from './common.js'

const BEDROCK = bedrockCondition({
  codes: ['line_item_product_code', 'product_servicecode'],
  names: ['product_product_name', 'product_servicename'],
  usageType: 'line_item_usage_type',
})

const FOLD = (key: string) => `lower(regexp_replace(${key}, '[^A-Za-z0-9]', '', 'g'))`

const PREFIXED_TAGS = `list_filter(map_entries(tags), lambda e: coalesce(e.value, '') <> '')`

const RESOURCE_TAGS = `list_transform(
        list_filter(map_entries(resource_tags), lambda e: coalesce(e.value, '') <> ''
          AND NOT list_contains(
            list_transform(
              list_filter(coalesce(map_keys(tags), []), lambda k: starts_with(k, 'resourceTags/')),
              lambda k: ${FOLD('k[14:]')}),
            ${FOLD('e.key')})),
        lambda e: {'key': 'resourceTags/' || regexp_replace(e.key, '^(user|aws)_', '\\1:'), 'value': e.value})`

const COST_CATEGORIES = `list_transform(
        list_filter(map_entries(cost_category), lambda e: coalesce(e.value, '') <> ''
          AND NOT list_contains(coalesce(map_keys(tags), []), 'costCategory/' || e.key)),
        lambda e: {'key': 'costCategory/' || e.key, 'value': e.value})`

const TAGS = `coalesce(
    TRY(map_from_entries(list_concat(
      ${PREFIXED_TAGS},
      ${RESOURCE_TAGS},
      ${COST_CATEGORIES}))),
    map_from_entries(${PREFIXED_TAGS}),
    CAST(MAP {} AS MAP(VARCHAR, VARCHAR)))`

export const CUR2_NORMALIZE_SQL = `SELECT
  strftime(bill_billing_period_start_date, '%Y-%m') AS billing_period,
  line_item_usage_start_date AS usage_start,
  line_item_usage_account_id AS usage_account_id,
  bill_payer_account_id AS payer_account_id,
  line_item_line_item_type AS line_item_type,
  CASE WHEN ${BEDROCK}
    THEN 'Amazon Bedrock'
    ELSE coalesce(nullif(product_servicename, ''), nullif(product_product_name, ''), line_item_product_code)
  END AS service,
  line_item_product_code AS product_code,
  nullif(product_product_name, '') AS product_name,
  line_item_usage_type AS usage_type,
  line_item_operation AS operation,
  coalesce(nullif(product_region_code, ''), nullif(product['region'], '')) AS region,
  nullif(line_item_resource_id, '') AS resource_id,
  line_item_line_item_description AS description,
  nullif(line_item_iam_principal, '') AS principal_arn,
  line_item_usage_amount AS usage_amount,
  pricing_unit,
  nullif(product['provider'], '') AS product_provider,
  nullif(product['model'], '') AS product_model,
  nullif(product['inference_type'], '') AS product_inference_type,
  nullif(product['feature'], '') AS product_feature,
  ${money('coalesce(line_item_unblended_cost, 0)')} AS unblended_cost,
  ${money('coalesce(line_item_net_unblended_cost, line_item_unblended_cost, 0)')} AS net_unblended_cost,
  ${money(CUR_AMORTIZED)} AS amortized_cost,
  ${money('coalesce(pricing_public_on_demand_cost, 0)')} AS ondemand_cost,
  ${TAGS} AS tags,
  line_item_currency_code AS currency,
  source_file
FROM cur_staged`
