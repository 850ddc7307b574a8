// FOCUS 1.x (CSV converted on open, or Parquet) → the normalized `cur` columns. FOCUS files may mix
// providers (AWS, Azure, OCI): every row loads, with its service as the file names it. Choices:
// - BilledCost → unblended and net; EffectiveCost → amortized (BilledCost where it is empty);
//   ListCost → on-demand (ContractedCost where ListCost is empty).
// - line_item_type from ChargeCategory (FOCUS 1.0-preview: ChargeType): Usage, Tax and Credit keep
//   their names, Purchase → Fee (CUR's name for purchases and one-time fees), Adjustment stays
//   Adjustment (refunds and corrections: CUR has no single equivalent), anything else as given.
// - account = SubAccountId, payer = BillingAccountId, period = BillingPeriodStart, usage_start =
//   ChargePeriodStart; usage type, operation and product code from AWS's x_ columns when present.
// - principal_arn is NULL (FOCUS 1.x has no principal column); no product map.
// - Tags (a JSON object) → tags: keys that already carry a CUR source prefix keep it, every other key
//   is a resource tag: "user:Project" → resourceTags/user:Project. Empty values are dropped; a row
//   whose keys would collide after prefixing (both "x" and "resourceTags/x") keeps no tags.
import { bedrockCondition, money } from './common.js'

const BEDROCK = bedrockCondition({
  codes: ['x_ServiceCode'],
  names: ['ServiceName'],
  usageType: 'x_UsageType',
})

const TAG_PREFIX = `'^(resourceTags|iamPrincipal|accountTag|userAttribute|costCategory)/'`

export const FOCUS_NORMALIZE_SQL = `SELECT
  strftime(BillingPeriodStart, '%Y-%m') AS billing_period,
  ChargePeriodStart AS usage_start,
  SubAccountId AS usage_account_id,
  BillingAccountId AS payer_account_id,
  CASE coalesce(ChargeCategory, ChargeType)
    WHEN 'Purchase' THEN 'Fee'
    ELSE coalesce(ChargeCategory, ChargeType)
  END AS line_item_type,
  CASE WHEN ${BEDROCK}
    THEN 'Amazon Bedrock'
    ELSE ServiceName
  END AS service,
  x_ServiceCode AS product_code,
  ServiceName AS product_name,
  x_UsageType AS usage_type,
  x_Operation AS operation,
  RegionId AS region,
  ResourceId AS resource_id,
  ChargeDescription AS description,
  CAST(NULL AS VARCHAR) AS principal_arn,
  coalesce(PricingQuantity, ConsumedQuantity) AS usage_amount,
  coalesce(PricingUnit, ConsumedUnit) AS pricing_unit,
  CAST(NULL AS VARCHAR) AS product_provider,
  CAST(NULL AS VARCHAR) AS product_model,
  CAST(NULL AS VARCHAR) AS product_inference_type,
  CAST(NULL AS VARCHAR) AS product_feature,
  ${money('coalesce(BilledCost, 0)')} AS unblended_cost,
  ${money('coalesce(BilledCost, 0)')} AS net_unblended_cost,
  ${money('coalesce(EffectiveCost, BilledCost, 0)')} AS amortized_cost,
  ${money('coalesce(ListCost, ContractedCost, 0)')} AS ondemand_cost,
  coalesce(
    TRY(map_from_entries(list_transform(
      list_filter(map_entries(Tags), lambda e: coalesce(e.value, '') <> ''),
      lambda e: {
        'key': CASE WHEN regexp_matches(e.key, ${TAG_PREFIX}) THEN e.key ELSE 'resourceTags/' || e.key END,
        'value': e.value}))),
    CAST(MAP {} AS MAP(VARCHAR, VARCHAR))) AS tags,
  BillingCurrency AS currency,
  source_file
FROM cur_staged`
