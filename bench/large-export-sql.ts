// SQL that synthesizes a large CUR 2.0 export inside DuckDB (10 M rows would take minutes through
// JavaScript). Every column of a real CUR 2.0 export is present (the list is the real April 2026
// manifest in shared/samples), plus line_item_iam_principal; values are derived from hash(i), so the
// same row count always gives the same data.

const MONTHS = ['2026-05', '2026-06', '2026-07']
const ACCOUNTS = Array.from({ length: 20 }, (_, k) =>
  String(11111111111 * (k + 1)).padStart(12, '0'),
)
const ROLES = ['BackendDev', 'DataTeam', 'FrontendDev', 'MLPlatform', 'llm-gateway-role', 'AppRole']
const TEAMS = ['backend', 'data', 'frontend', 'ml', 'platform']
const PROJECTS = ['atlas', 'borealis', 'cygnus', 'draco']

const sqlList = (values: string[]) => `[${values.map((v) => `'${v}'`).join(', ')}]`

/** One row per i in range(rows): a SELECT with the CUR 2.0 columns, money as DOUBLE as AWS writes it. */
export function largeExportSelect(rows: number): string {
  return `
WITH base AS (
  SELECT i,
    hash(i) AS h,
    hash(i * 7 + 3) AS h2,
    ${sqlList(MONTHS)}[1 + (i % ${MONTHS.length})] AS period,
    ${sqlList(ACCOUNTS)}[1 + (hash(i * 3) % ${ACCOUNTS.length})::INT] AS account,
    (hash(i) % 100) < 35 AS is_bedrock,
    (hash(i * 11) % 1000) AS kind_pick
  FROM range(${rows}) t(i)
), shaped AS (
  SELECT *,
    CASE
      WHEN kind_pick < 975 THEN 'Usage'
      WHEN kind_pick < 980 THEN 'SavingsPlanCoveredUsage'
      WHEN kind_pick < 985 THEN 'SavingsPlanNegation'
      WHEN kind_pick < 990 THEN 'Tax'
      WHEN kind_pick < 995 THEN 'Credit'
      ELSE 'Fee'
    END AS item_type,
    CASE WHEN is_bedrock THEN
      ${sqlList(['AmazonBedrock', 'AmazonBedrockService', 'prod-abc123marketplace'])}[1 + (h2 % 3)::INT]
    ELSE ${sqlList(['AmazonEC2', 'AmazonS3', 'AWSLambda', 'AmazonRDS', 'AmazonDynamoDB'])}[1 + (h2 % 5)::INT]
    END AS product_code,
    ${sqlList(ROLES)}[1 + (hash(i * 5) % ${ROLES.length})::INT] AS role,
    'user' || (hash(i * 13) % 300)::VARCHAR || '@example.com' AS person,
    round((h % 1000000) / 10000.0, 6) AS cost
  FROM base
)
SELECT
  'Anniversary' AS bill_bill_type,
  'AWS' AS bill_billing_entity,
  (period || '-01')::TIMESTAMP + INTERVAL 1 MONTH AS bill_billing_period_end_date,
  (period || '-01')::TIMESTAMP AS bill_billing_period_start_date,
  'INV-' || period AS bill_invoice_id,
  'Amazon Web Services, Inc.' AS bill_invoicing_entity,
  '000011112222' AS bill_payer_account_id,
  'Payer' AS bill_payer_account_name,
  MAP {}::MAP(VARCHAR, VARCHAR) AS cost_category,
  MAP {}::MAP(VARCHAR, VARCHAR) AS discount,
  NULL::DOUBLE AS discount_bundled_discount,
  NULL::DOUBLE AS discount_total_discount,
  md5(i::VARCHAR) AS identity_line_item_id,
  period || '-01T00:00:00Z/' || period || '-02T00:00:00Z' AS identity_time_interval,
  NULL::VARCHAR AS line_item_availability_zone,
  cost AS line_item_blended_cost,
  '0.01' AS line_item_blended_rate,
  'USD' AS line_item_currency_code,
  'Amazon Web Services, Inc.' AS line_item_legal_entity,
  'synthetic line item ' || (i % 1000)::VARCHAR AS line_item_line_item_description,
  item_type AS line_item_line_item_type,
  cost AS line_item_net_unblended_cost,
  '0.01' AS line_item_net_unblended_rate,
  NULL::DOUBLE AS line_item_normalization_factor,
  NULL::DOUBLE AS line_item_normalized_usage_amount,
  CASE WHEN is_bedrock THEN 'InvokeModelInference' ELSE 'RunInstances' END AS line_item_operation,
  product_code AS line_item_product_code,
  CASE WHEN is_bedrock THEN NULL ELSE 'arn:aws:ec2:us-east-1:' || account || ':instance/i-' || (h % 5000)::VARCHAR END AS line_item_resource_id,
  NULL::VARCHAR AS line_item_tax_type,
  CASE item_type
    WHEN 'SavingsPlanNegation' THEN -cost WHEN 'Credit' THEN -cost ELSE cost END AS line_item_unblended_cost,
  '0.01' AS line_item_unblended_rate,
  account AS line_item_usage_account_id,
  'Account ' || account AS line_item_usage_account_name,
  (h2 % 100000) / 10.0 AS line_item_usage_amount,
  (period || '-01')::TIMESTAMP + to_days((i % 28)::INT) + INTERVAL 1 DAY AS line_item_usage_end_date,
  (period || '-01')::TIMESTAMP + to_days((i % 28)::INT) AS line_item_usage_start_date,
  CASE
    WHEN product_code = 'AmazonBedrock' THEN
      ${sqlList(['USE1-NovaPro-input-tokens', 'USE1-NovaPro-output-tokens', 'USE1-Llama4-Maverick-17B-input-tokens'])}[1 + (h % 3)::INT]
    WHEN product_code = 'AmazonBedrockService' THEN
      ${sqlList(['USE1-Claude4.6Sonnet-input-tokens-cross-region-global', 'USE1-Claude4.6Sonnet-output-tokens-cross-region-global', 'USE1-Claude4.6Sonnet-cache-read-input-token-count-cross-region-global'])}[1 + (h % 3)::INT]
    WHEN is_bedrock THEN
      ${sqlList(['USE1-MP:USE1_InputTokenCount-Units', 'USE1-MP:USE1_OutputTokenCount-Units', 'USE1-MP:USE1_CacheReadInputTokenCount-Units'])}[1 + (h % 3)::INT]
    ELSE ${sqlList(['USE1-BoxUsage:m5.large', 'USE1-TimedStorage-ByteHrs', 'USE1-Lambda-GB-Second', 'USE1-InstanceUsage:db.r6g.large'])}[1 + (h % 4)::INT]
  END AS line_item_usage_type,
  NULL::VARCHAR AS line_item_user_identifier,
  'USD' AS pricing_currency,
  NULL::VARCHAR AS pricing_lease_contract_length,
  NULL::VARCHAR AS pricing_offering_class,
  cost * 1.1 AS pricing_public_on_demand_cost,
  '0.011' AS pricing_public_on_demand_rate,
  NULL::VARCHAR AS pricing_purchase_option,
  NULL::VARCHAR AS pricing_rate_code,
  NULL::VARCHAR AS pricing_rate_id,
  'OnDemand' AS pricing_term,
  CASE WHEN product_code = 'prod-abc123marketplace' THEN 'Units' WHEN is_bedrock THEN '1K tokens' ELSE 'Hrs' END AS pricing_unit,
  MAP {
    'product_name': CASE WHEN product_code = 'prod-abc123marketplace' THEN 'Claude Sonnet 4.6 (Amazon Bedrock Edition)'
      WHEN is_bedrock THEN 'Amazon Bedrock' ELSE product_code END,
    'region': 'us-east-1',
    'servicecode': product_code
  } AS product,
  NULL::VARCHAR AS product_comment,
  NULL::VARCHAR AS product_fee_code,
  NULL::VARCHAR AS product_fee_description,
  NULL::VARCHAR AS product_from_location,
  NULL::VARCHAR AS product_from_location_type,
  NULL::VARCHAR AS product_from_region_code,
  NULL::VARCHAR AS product_instance_family,
  NULL::VARCHAR AS product_instance_type,
  NULL::VARCHAR AS product_instancesku,
  'US East (N. Virginia)' AS product_location,
  'AWS Region' AS product_location_type,
  NULL::VARCHAR AS product_operation,
  NULL::VARCHAR AS product_pricing_unit,
  NULL::VARCHAR AS product_product_family,
  'us-east-1' AS product_region_code,
  product_code AS product_servicecode,
  NULL::VARCHAR AS product_sku,
  NULL::VARCHAR AS product_to_location,
  NULL::VARCHAR AS product_to_location_type,
  NULL::VARCHAR AS product_to_region_code,
  NULL::VARCHAR AS product_usagetype,
  ${['reservation_amortized_upfront_cost_for_usage', 'reservation_amortized_upfront_fee_for_billing_period'].map((c) => `NULL::DOUBLE AS ${c}`).join(',\n  ')},
  NULL::VARCHAR AS reservation_availability_zone,
  NULL::DOUBLE AS reservation_effective_cost,
  NULL::VARCHAR AS reservation_end_time,
  NULL::VARCHAR AS reservation_modification_status,
  ${['reservation_net_amortized_upfront_cost_for_usage', 'reservation_net_amortized_upfront_fee_for_billing_period', 'reservation_net_effective_cost', 'reservation_net_recurring_fee_for_usage', 'reservation_net_unused_amortized_upfront_fee_for_billing_period', 'reservation_net_unused_recurring_fee', 'reservation_net_upfront_value'].map((c) => `NULL::DOUBLE AS ${c}`).join(',\n  ')},
  NULL::VARCHAR AS reservation_normalized_units_per_reservation,
  NULL::VARCHAR AS reservation_number_of_reservations,
  NULL::DOUBLE AS reservation_recurring_fee_for_usage,
  NULL::VARCHAR AS reservation_reservation_a_r_n,
  NULL::VARCHAR AS reservation_start_time,
  NULL::VARCHAR AS reservation_subscription_id,
  NULL::VARCHAR AS reservation_total_reserved_normalized_units,
  NULL::VARCHAR AS reservation_total_reserved_units,
  NULL::VARCHAR AS reservation_units_per_reservation,
  NULL::DOUBLE AS reservation_unused_amortized_upfront_fee_for_billing_period,
  NULL::DOUBLE AS reservation_unused_normalized_unit_quantity,
  NULL::DOUBLE AS reservation_unused_quantity,
  NULL::DOUBLE AS reservation_unused_recurring_fee,
  NULL::DOUBLE AS reservation_upfront_value,
  CASE WHEN h % 4 = 0 THEN MAP {}::MAP(VARCHAR, VARCHAR)
    ELSE MAP {'user_project': ${sqlList(PROJECTS)}[1 + (h % 4)::INT]} END AS resource_tags,
  NULL::DOUBLE AS savings_plan_amortized_upfront_commitment_for_billing_period,
  NULL::VARCHAR AS savings_plan_end_time,
  NULL::VARCHAR AS savings_plan_instance_type_family,
  NULL::DOUBLE AS savings_plan_net_amortized_upfront_commitment_for_billing_period,
  NULL::DOUBLE AS savings_plan_net_recurring_commitment_for_billing_period,
  NULL::DOUBLE AS savings_plan_net_savings_plan_effective_cost,
  NULL::VARCHAR AS savings_plan_offering_type,
  NULL::VARCHAR AS savings_plan_payment_option,
  NULL::VARCHAR AS savings_plan_purchase_term,
  NULL::DOUBLE AS savings_plan_recurring_commitment_for_billing_period,
  NULL::VARCHAR AS savings_plan_region,
  NULL::VARCHAR AS savings_plan_savings_plan_a_r_n,
  CASE WHEN item_type = 'SavingsPlanCoveredUsage' THEN round(cost * 0.7, 6) END AS savings_plan_savings_plan_effective_cost,
  NULL::DOUBLE AS savings_plan_savings_plan_rate,
  NULL::VARCHAR AS savings_plan_start_time,
  NULL::DOUBLE AS savings_plan_total_commitment_to_date,
  NULL::DOUBLE AS savings_plan_used_commitment,
  ${['split_line_item_actual_usage', 'split_line_item_net_split_cost', 'split_line_item_net_unused_cost'].map((c) => `NULL::DOUBLE AS ${c}`).join(',\n  ')},
  NULL::VARCHAR AS split_line_item_parent_resource_id,
  ${['split_line_item_public_on_demand_split_cost', 'split_line_item_public_on_demand_unused_cost', 'split_line_item_reserved_usage', 'split_line_item_split_cost', 'split_line_item_split_usage', 'split_line_item_split_usage_ratio', 'split_line_item_unused_cost'].map((c) => `NULL::DOUBLE AS ${c}`).join(',\n  ')},
  CASE
    WHEN NOT is_bedrock AND h % 3 = 0 THEN MAP {}::MAP(VARCHAR, VARCHAR)
    WHEN NOT is_bedrock THEN MAP {'resourceTags/user:Project': ${sqlList(PROJECTS)}[1 + (h % 4)::INT]}
    WHEN h % 10 = 0 THEN MAP {'iamPrincipal/cost-center': 'cc-' || (h % 7)::VARCHAR}
    ELSE MAP {
      'iamPrincipal/team': ${sqlList(TEAMS)}[1 + (hash(i * 5) % ${TEAMS.length})::INT],
      'iamPrincipal/cost-center': 'cc-' || (h % 7)::VARCHAR
    }
  END AS tags,
  CASE WHEN is_bedrock THEN
    'arn:aws:sts::' || account || ':assumed-role/' || role || '/' || person
  END AS line_item_iam_principal
FROM shaped`
}

export const LARGE_EXPORT_MONTHS = MONTHS
