// A small hand-made CUR 2.0 export for the normalization tests: one row per rule, named by its
// description, with the amortized cost DOMAIN.md gives it, written out by hand.
import Papa from 'papaparse'

export type Cells = Record<string, string | Record<string, string>>

export const EC2 = {
  servicename: 'Amazon Elastic Compute Cloud',
  product_name: 'Amazon Elastic Compute Cloud',
}
export const CLAUDE = 'Claude Sonnet 4.6 (Amazon Bedrock Edition)'
export const ARN = 'arn:aws:sts::111122223333:assumed-role/BackendDev/javier@example.com'

/** [description, line item type, unblended, other cells, expected amortized]. */
export const ROWS: [string, string, string, Cells, string][] = [
  [
    'tagged usage',
    'Usage',
    '1.25',
    {
      product: EC2,
      tags: {
        'resourceTags/user:CostCenter': 'CC1',
        'iamPrincipal/team': 'backend',
        'accountTag/env': '',
      },
      resource_tags: { user_cost_center: 'CC1', user_project: 'apollo', user_empty: '' },
      cost_category: { team: 'platform' },
    },
    '1.25',
  ],
  [
    'sp covered',
    'SavingsPlanCoveredUsage',
    '10',
    { product: EC2, savings_plan_savings_plan_effective_cost: '6' },
    '6',
  ],
  ['sp negation', 'SavingsPlanNegation', '-10', { product: EC2 }, '0'],
  [
    'sp recurring fee',
    'SavingsPlanRecurringFee',
    '5',
    { savings_plan_total_commitment_to_date: '5', savings_plan_used_commitment: '3.5' },
    '1.5',
  ],
  ['sp upfront fee', 'SavingsPlanUpfrontFee', '100', {}, '0'],
  [
    'ri covered',
    'DiscountedUsage',
    '0',
    { product: EC2, reservation_effective_cost: '2.25' },
    '2.25',
  ],
  [
    'ri fee',
    'RIFee',
    '30',
    {
      reservation_unused_amortized_upfront_fee_for_billing_period: '1.1',
      reservation_unused_recurring_fee: '0.4',
    },
    '1.5',
  ],
  [
    'ri upfront fee',
    'Fee',
    '300',
    { reservation_reservation_a_r_n: 'arn:aws:ec2:us-east-1:1:reserved-instances/r' },
    '0',
  ],
  [
    'support fee',
    'Fee',
    '29',
    { line_item_product_code: 'AWSSupportBusiness', product_servicecode: '' },
    '29',
  ],
  [
    'marketplace model',
    'Usage',
    '0.75',
    {
      line_item_product_code: '7zgyu5r4opaque',
      product_servicecode: '',
      line_item_iam_principal: ARN,
      product: {
        product_name: CLAUDE,
        servicename: CLAUDE,
        provider: 'Anthropic',
        model: 'Claude Sonnet 4.6',
        inference_type: 'Output tokens',
        feature: 'On-demand Inference',
      },
    },
    '0.75',
  ],
  [
    'mantle endpoint',
    'Usage',
    '0.5',
    {
      line_item_product_code: 'SomeNewCode',
      product_servicecode: 'SomeNewCode',
      line_item_usage_type: 'USE1-openai.gpt-oss-120b-mantle-input-tokens-standard',
      product: { servicename: 'Something Else' },
    },
    '0.5',
  ],
  [
    'agentcore',
    'Usage',
    '0.2',
    {
      line_item_product_code: 'AmazonBedrockAgentCore',
      product_servicecode: 'AmazonBedrockAgentCore',
    },
    '0.2',
  ],
  ['credit', 'Credit', '-5', { product: EC2 }, '-5'],
  [
    'tax',
    'Tax',
    '0.8',
    { product_servicecode: '', product: { product_name: 'Amazon Elastic Compute Cloud' } },
    '0.8',
  ],
]

export const COLUMNS = [
  'bill_billing_period_start_date',
  'bill_payer_account_id',
  'line_item_usage_account_id',
  'line_item_line_item_type',
  'line_item_line_item_description',
  'line_item_usage_start_date',
  'line_item_product_code',
  'product_servicecode',
  'line_item_usage_type',
  'line_item_unblended_cost',
  'line_item_net_unblended_cost',
  'savings_plan_savings_plan_effective_cost',
  'savings_plan_total_commitment_to_date',
  'savings_plan_used_commitment',
  'reservation_effective_cost',
  'reservation_unused_amortized_upfront_fee_for_billing_period',
  'reservation_unused_recurring_fee',
  'reservation_reservation_a_r_n',
  'pricing_public_on_demand_cost',
  'line_item_iam_principal',
  'line_item_currency_code',
  'product',
  'tags',
  'resource_tags',
  'cost_category',
]
export const MAPS = new Set(['product', 'tags', 'resource_tags', 'cost_category'])
export const DOUBLES = new Set(
  COLUMNS.filter((c) => /cost|fee|commitment/.test(c) && c !== 'reservation_reservation_a_r_n'),
)

/** The rows as CUR 2.0 CSV; `without` leaves columns out (an older export). */
export function csvText(without: string[] = []): string {
  const fields = COLUMNS.filter((c) => !without.includes(c))
  const data = ROWS.map(([description, type, unblended, cells]) => {
    const row: Record<string, string> = {
      bill_billing_period_start_date: '2026-07-01T00:00:00.000Z',
      bill_payer_account_id: '012345678901',
      line_item_usage_account_id: '000000000042',
      line_item_line_item_type: type,
      line_item_line_item_description: description,
      line_item_usage_start_date: '2026-07-03T10:00:00.000Z',
      line_item_product_code: 'AmazonEC2',
      product_servicecode: 'AmazonEC2',
      line_item_unblended_cost: unblended,
      line_item_currency_code: 'USD',
    }
    for (const [key, value] of Object.entries(cells)) {
      row[key] = typeof value === 'string' ? value : JSON.stringify(value)
    }
    return fields.map((c) => row[c] ?? (MAPS.has(c) ? '{}' : ''))
  })
  return Papa.unparse({ fields, data }, { newline: '\n' }) + '\n'
}
