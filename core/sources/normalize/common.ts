// SQL fragments every format's normalization shares: which rows are Amazon Bedrock, amortized
// cost exactly as DOMAIN.md defines it (as AWS's own dashboards compute it), and the one column
// mapping CUR 2.0 and legacy CUR share once staged under the same names. Empty text is no value
// (NULL) in the columns people group by, as a converted CSV reads it, so the answer is the same
// whether a file came as Parquet or CSV.
import type { Normalization } from './normalization.js'

/**
 * A row is Amazon Bedrock when its product or service code is one of Bedrock's (AmazonBedrock,
 * AmazonBedrockService, AmazonBedrockFoundationModels, AmazonBedrockAgentCore: any code with that
 * prefix), when its product is a marketplace model "… (Amazon Bedrock Edition)", or when its usage
 * type is a bedrock-mantle (OpenAI-compatible endpoint) one. Arguments are staged column names.
 * A NULL column makes its test NULL, which CASE WHEN treats as false. The prefix test and contains()
 * are several times cheaper than an IN list or LIKE on a 10-million-row scan.
 */
export function bedrockCondition(columns: {
  codes: string[]
  names: string[]
  usageType: string
}): string {
  return [
    ...columns.codes.map((c) => `starts_with(${c}, 'AmazonBedrock')`),
    `contains(${columns.usageType}, '-mantle-')`,
    ...columns.names.map((n) => `contains(${n}, '(Amazon Bedrock Edition)')`),
  ].join('\n      OR ')
}

/**
 * Amortized cost of a CUR line item (CUR 2.0 and legacy CUR share the column names once staged).
 * A commitment column missing from the export counts as 0. Usage, by far the most common type,
 * is tested first so that most rows pay one comparison.
 */
export const CUR_AMORTIZED = `CASE line_item_line_item_type
      WHEN 'Usage' THEN coalesce(line_item_unblended_cost, 0)
      WHEN 'SavingsPlanCoveredUsage' THEN coalesce(savings_plan_savings_plan_effective_cost, 0)
      WHEN 'SavingsPlanRecurringFee'
        THEN coalesce(savings_plan_total_commitment_to_date, 0) - coalesce(savings_plan_used_commitment, 0)
      WHEN 'SavingsPlanNegation' THEN 0
      WHEN 'SavingsPlanUpfrontFee' THEN 0
      WHEN 'DiscountedUsage' THEN coalesce(reservation_effective_cost, 0)
      WHEN 'RIFee'
        THEN coalesce(reservation_unused_amortized_upfront_fee_for_billing_period, 0)
           + coalesce(reservation_unused_recurring_fee, 0)
      WHEN 'Fee' THEN CASE WHEN coalesce(reservation_reservation_a_r_n, '') <> '' THEN 0
                           ELSE coalesce(line_item_unblended_cost, 0) END
      ELSE coalesce(line_item_unblended_cost, 0)
    END`

/** Money as the view's type. */
export function money(expression: string): string {
  return `CAST(${expression} AS DECIMAL(18,10))`
}

/** What CUR 2.0 and legacy CUR map differently; everything else they stage under the same names. */
export interface CurDifferences {
  region: string
  principalArn: string
  /** The Bedrock product fields (provider, model, inference_type, feature) by key. */
  productField: (key: string) => string
  tags: string
  tagInputs: string[]
  /** The product name; by default the staged product_product_name. */
  productName?: string
}

/** The normalization of a staged CUR (2.0 or legacy) export. */
export function curNormalization(differences: CurDifferences): Normalization {
  const bedrock = bedrockCondition({
    codes: ['line_item_product_code', 'product_servicecode'],
    names: ['product_product_name', 'product_servicename'],
    usageType: 'line_item_usage_type',
  })
  const { productField } = differences
  return {
    columns: {
      billing_period: "strftime(bill_billing_period_start_date, '%Y-%m')",
      usage_start: 'line_item_usage_start_date',
      usage_account_id: "nullif(line_item_usage_account_id, '')",
      payer_account_id: 'bill_payer_account_id',
      line_item_type: 'line_item_line_item_type',
      service: `CASE WHEN ${bedrock}
    THEN 'Amazon Bedrock'
    ELSE coalesce(nullif(product_servicename, ''), nullif(product_product_name, ''), line_item_product_code)
  END`,
      product_code: "nullif(line_item_product_code, '')",
      product_name: differences.productName ?? "nullif(product_product_name, '')",
      usage_type: "nullif(line_item_usage_type, '')",
      operation: "nullif(line_item_operation, '')",
      region: differences.region,
      resource_id: "nullif(line_item_resource_id, '')",
      description: "nullif(line_item_line_item_description, '')",
      line_item_id: "nullif(identity_line_item_id, '')",
      principal_arn: differences.principalArn,
      usage_amount: 'line_item_usage_amount',
      pricing_unit: "nullif(pricing_unit, '')",
      product_provider: productField('provider'),
      product_model: productField('model'),
      product_inference_type: productField('inference_type'),
      product_feature: productField('feature'),
      unblended_cost: money('coalesce(line_item_unblended_cost, 0)'),
      net_unblended_cost: money(
        'coalesce(line_item_net_unblended_cost, line_item_unblended_cost, 0)',
      ),
      amortized_cost: money(CUR_AMORTIZED),
      ondemand_cost: money('coalesce(pricing_public_on_demand_cost, 0)'),
      tags: differences.tags,
      tag_set: `hash(${differences.tagInputs.join(', ')})`,
      tag_inputs: `struct_pack(${differences.tagInputs.join(', ')})`,
      currency: 'line_item_currency_code',
      source_file: 'source_file',
    },
    summaryInputs: [
      'bill_billing_period_start_date',
      'line_item_line_item_type',
      'line_item_product_code',
      'product_servicecode',
      'product_product_name',
      'product_servicename',
      'line_item_usage_type',
      'line_item_currency_code',
    ],
    tagInputs: differences.tagInputs,
  }
}
