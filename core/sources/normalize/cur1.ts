// Legacy CUR (CSV converted on open, or Athena Parquet) → the normalized `cur` columns. Staged under
// the Athena names (lineItem/UnblendedCost → line_item_unblended_cost). Choices:
// - principal_arn is NULL: legacy CUR has no principal column, and none is guessed.
// - no product map: provider, model, inference type and feature are NULL.
// - service as for CUR 2.0, from the flat product/servicename and product/ProductName columns.
// - tags were gathered from the one-column-per-key tag columns while staging.
import { bedrockCondition, CUR_AMORTIZED, money } from './common.js'

const BEDROCK = bedrockCondition({
  codes: ['line_item_product_code', 'product_servicecode'],
  names: ['product_product_name', 'product_servicename'],
  usageType: 'line_item_usage_type',
})

export const CUR1_NORMALIZE_SQL = `SELECT
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
  coalesce(nullif(product_region_code, ''), nullif(product_region, '')) AS region,
  nullif(line_item_resource_id, '') AS resource_id,
  line_item_line_item_description AS description,
  CAST(NULL AS VARCHAR) AS principal_arn,
  line_item_usage_amount AS usage_amount,
  pricing_unit,
  CAST(NULL AS VARCHAR) AS product_provider,
  CAST(NULL AS VARCHAR) AS product_model,
  CAST(NULL AS VARCHAR) AS product_inference_type,
  CAST(NULL AS VARCHAR) AS product_feature,
  ${money('coalesce(line_item_unblended_cost, 0)')} AS unblended_cost,
  ${money('coalesce(line_item_net_unblended_cost, line_item_unblended_cost, 0)')} AS net_unblended_cost,
  ${money(CUR_AMORTIZED)} AS amortized_cost,
  ${money('coalesce(pricing_public_on_demand_cost, 0)')} AS ondemand_cost,
  coalesce(tags, CAST(MAP {} AS MAP(VARCHAR, VARCHAR))) AS tags,
  line_item_currency_code AS currency,
  source_file
FROM cur_staged`
