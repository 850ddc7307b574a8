// SQL fragments every format's normalization shares: which rows are Amazon Bedrock, and amortized
// cost exactly as DOMAIN.md defines it (as AWS's own dashboards compute it).

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
