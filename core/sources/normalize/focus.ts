// FOCUS 1.x (CSV converted on open, or Parquet) → the normalized `cur` columns. FOCUS files may mix
// providers (AWS, Azure, OCI): every row loads, with its service as the file names it. Choices:
// - BilledCost → unblended and net; EffectiveCost → amortized (BilledCost where it is empty);
//   ListCost → on-demand (ContractedCost where ListCost is empty).
// - line_item_type from ChargeCategory (FOCUS 1.0-preview: ChargeType): Usage, Tax and Credit keep
//   their names, Purchase → Fee (CUR's name for purchases and one-time fees), Adjustment stays
//   Adjustment (refunds and corrections: CUR has no single equivalent), anything else as given.
// - account = SubAccountId, else BillingAccountId (a producer without sub accounts); payer =
//   BillingAccountId, period = BillingPeriodStart, usage_start = ChargePeriodStart; usage type,
//   operation and product code from AWS's x_ columns when present.
// - principal_arn from the draft's PrincipalId (or a tool's x_PrincipalId, x_IamPrincipal); FOCUS 1.x
//   has none. Model, provider and token type from SkuPriceDetails, as the FOCUS AI drafts put them.
// - Tags (a JSON object) → tags: keys that already carry a CUR source prefix keep it, every other key
//   is a resource tag: "user:Project" → resourceTags/user:Project. AWS's x_CostCategories add
//   costCategory/<key> unless Tags has it. Empty values are dropped; a row whose keys would collide
//   after prefixing (both "x" and "resourceTags/x") keeps no tags.
import { bedrockCondition, money } from './common.js'
import type { Normalization } from './normalization.js'

const BEDROCK = bedrockCondition({
  codes: ['x_ServiceCode'],
  names: ['ServiceName'],
  usageType: 'x_UsageType',
})

const TAG_PREFIX = `'^(resourceTags|iamPrincipal|accountTag|userAttribute|costCategory)/'`

const TAGS = `list_transform(
        list_filter(map_entries(Tags), lambda e: coalesce(e.value, '') <> ''),
        lambda e: {
          'key': CASE WHEN regexp_matches(e.key, ${TAG_PREFIX}) THEN e.key ELSE 'resourceTags/' || e.key END,
          'value': e.value})`

const COST_CATEGORIES = `list_transform(
        list_filter(map_entries(x_CostCategories), lambda e: coalesce(e.value, '') <> ''
          AND NOT list_contains(coalesce(map_keys(Tags), []), 'costCategory/' || e.key)),
        lambda e: {'key': 'costCategory/' || e.key, 'value': e.value})`

/**
 * SkuPriceDetails properties of the FOCUS drafts for AI services ("Examples: AI Model Identity",
 * "Examples: AI Prompt Caching" in FinOps-Open-Cost-and-Usage-Spec/FOCUS_Spec, 2026):
 * ModelDeveloper, ModelFamily, ModelId, ModelVersion, and TokenType (Input, Output, CacheRead,
 * CacheWrite); an earlier draft split the last into TokenDirection (Input, Output) and
 * TokenCacheAction. The token type is written in the words CUR 2.0's product map uses
 * ("Output tokens"), so attribution reads both the same way.
 */
const sku = (key: string) => `nullif(SkuPriceDetails['${key}'], '')`
const INFERENCE_TYPE = `CASE ${sku('TokenType')}
      WHEN 'Input' THEN 'Input tokens'
      WHEN 'Output' THEN 'Output tokens'
      WHEN 'CacheRead' THEN 'Cache read input tokens'
      WHEN 'CacheWrite' THEN 'Cache write input tokens'
      ELSE coalesce(${sku('TokenType')} || ' tokens', CASE WHEN ${sku('TokenDirection')} IS NOT NULL
        THEN concat_ws(' ', CASE WHEN ${sku('TokenCacheAction')} <> 'Uncached'
                                 THEN 'Cache ' || ${sku('TokenCacheAction')} END,
                       ${sku('TokenDirection')}, 'tokens') END)
    END`

export const FOCUS_NORMALIZATION: Normalization = {
  columns: {
    billing_period: "strftime(BillingPeriodStart, '%Y-%m')",
    usage_start: 'ChargePeriodStart',
    usage_account_id: 'coalesce(SubAccountId, BillingAccountId)',
    payer_account_id: 'BillingAccountId',
    line_item_type: `CASE coalesce(ChargeCategory, ChargeType)
    WHEN 'Purchase' THEN 'Fee'
    ELSE coalesce(ChargeCategory, ChargeType)
  END`,
    service: `CASE WHEN ${BEDROCK}
    THEN 'Amazon Bedrock'
    ELSE ServiceName
  END`,
    product_code: "nullif(x_ServiceCode, '')",
    product_name: 'ServiceName',
    usage_type: "nullif(x_UsageType, '')",
    operation: "nullif(x_Operation, '')",
    region: 'RegionId',
    resource_id: 'ResourceId',
    description: 'ChargeDescription',
    line_item_id: 'CAST(NULL AS VARCHAR)',
    principal_arn: "nullif(coalesce(PrincipalId, x_PrincipalId, x_IamPrincipal), '')",
    usage_amount: 'coalesce(PricingQuantity, ConsumedQuantity)',
    pricing_unit: 'coalesce(PricingUnit, ConsumedUnit)',
    product_provider: sku('ModelDeveloper'),
    product_model: `coalesce(${sku('ModelId')}, ${sku('ModelFamily')})`,
    product_inference_type: INFERENCE_TYPE,
    product_feature: 'CAST(NULL AS VARCHAR)',
    unblended_cost: money('coalesce(BilledCost, 0)'),
    net_unblended_cost: money('coalesce(BilledCost, 0)'),
    amortized_cost: money('coalesce(EffectiveCost, BilledCost, 0)'),
    ondemand_cost: money('coalesce(ListCost, ContractedCost, 0)'),
    tags: `coalesce(
    TRY(map_from_entries(list_concat(${TAGS}, ${COST_CATEGORIES}))),
    CAST(MAP {} AS MAP(VARCHAR, VARCHAR)))`,
    tag_set: 'hash(Tags, x_CostCategories)',
    tag_inputs: 'struct_pack(Tags, x_CostCategories)',
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
  tagInputs: ['Tags', 'x_CostCategories'],
}
