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
import type { Normalization } from './normalization.js'

const BEDROCK = bedrockCondition({
  codes: ['x_ServiceCode'],
  names: ['ServiceName'],
  usageType: 'x_UsageType',
})

const TAG_PREFIX = `'^(resourceTags|iamPrincipal|accountTag|userAttribute|costCategory)/'`

export const FOCUS_NORMALIZATION: Normalization = {
  columns: {
    billing_period: "strftime(BillingPeriodStart, '%Y-%m')",
    usage_start: 'ChargePeriodStart',
    usage_account_id: 'SubAccountId',
    payer_account_id: 'BillingAccountId',
    line_item_type: `CASE coalesce(ChargeCategory, ChargeType)
    WHEN 'Purchase' THEN 'Fee'
    ELSE coalesce(ChargeCategory, ChargeType)
  END`,
    service: `CASE WHEN ${BEDROCK}
    THEN 'Amazon Bedrock'
    ELSE ServiceName
  END`,
    product_code: 'x_ServiceCode',
    product_name: 'ServiceName',
    usage_type: 'x_UsageType',
    operation: 'x_Operation',
    region: 'RegionId',
    resource_id: 'ResourceId',
    description: 'ChargeDescription',
    principal_arn: 'CAST(NULL AS VARCHAR)',
    usage_amount: 'coalesce(PricingQuantity, ConsumedQuantity)',
    pricing_unit: 'coalesce(PricingUnit, ConsumedUnit)',
    product_provider: 'CAST(NULL AS VARCHAR)',
    product_model: 'CAST(NULL AS VARCHAR)',
    product_inference_type: 'CAST(NULL AS VARCHAR)',
    product_feature: 'CAST(NULL AS VARCHAR)',
    unblended_cost: money('coalesce(BilledCost, 0)'),
    net_unblended_cost: money('coalesce(BilledCost, 0)'),
    amortized_cost: money('coalesce(EffectiveCost, BilledCost, 0)'),
    ondemand_cost: money('coalesce(ListCost, ContractedCost, 0)'),
    tags: `coalesce(
    TRY(map_from_entries(list_transform(
      list_filter(map_entries(Tags), lambda e: coalesce(e.value, '') <> ''),
      lambda e: {
        'key': CASE WHEN regexp_matches(e.key, ${TAG_PREFIX}) THEN e.key ELSE 'resourceTags/' || e.key END,
        'value': e.value}))),
    CAST(MAP {} AS MAP(VARCHAR, VARCHAR)))`,
    tag_set: 'hash(Tags)',
    currency: 'BillingCurrency',
    source_file: 'source_file',
  },
  summaryInputs: [
    'BillingPeriodStart',
    'ChargeCategory',
    'ChargeType',
    'x_ServiceCode',
    'ServiceName',
    'x_UsageType',
    'BillingCurrency',
  ],
  tagInputs: ['Tags'],
}
