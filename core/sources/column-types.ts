// The source columns each format's normalization reads ("staged" columns, under that format's own
// names), and the value types CSV text is converted to. Closed lists: these names are the only
// identifiers of the source files that reach the normalization SQL.
import type { Family } from './classify.js'

/** account = an AWS account id: text, never a number (leading zeros). money = DECIMAL(18,10). */
export type ValueType = 'text' | 'account' | 'timestamp' | 'double' | 'money' | 'map'

export const SQL_TYPE: Record<ValueType, string> = {
  text: 'VARCHAR',
  account: 'VARCHAR',
  timestamp: 'TIMESTAMP',
  double: 'DOUBLE',
  money: 'DECIMAL(18,10)',
  map: 'MAP(VARCHAR, VARCHAR)',
}

/**
 * JSON object text as a MAP. It parses the text once, where a cast through JSON parses it twice; as
 * that cast does, it fails on malformed text and on anything but an object.
 */
export function mapFromJson(text: string): string {
  return `from_json_strict(${text}, '"${SQL_TYPE.map}"')`
}

export interface StagedColumn {
  name: string
  type: ValueType
}

const columns = (spec: Record<string, ValueType>): StagedColumn[] =>
  Object.entries(spec).map(([name, type]) => ({ name, type }))

const CUR_MONEY: Record<string, ValueType> = {
  line_item_unblended_cost: 'money',
  line_item_net_unblended_cost: 'money',
  pricing_public_on_demand_cost: 'money',
  savings_plan_savings_plan_effective_cost: 'money',
  savings_plan_total_commitment_to_date: 'money',
  savings_plan_used_commitment: 'money',
  reservation_effective_cost: 'money',
  reservation_unused_amortized_upfront_fee_for_billing_period: 'money',
  reservation_unused_recurring_fee: 'money',
}

const CUR_COMMON: Record<string, ValueType> = {
  bill_billing_period_start_date: 'timestamp',
  bill_payer_account_id: 'account',
  line_item_usage_start_date: 'timestamp',
  line_item_usage_account_id: 'account',
  line_item_line_item_type: 'text',
  line_item_product_code: 'text',
  product_servicecode: 'text',
  product_servicename: 'text',
  product_product_name: 'text',
  line_item_usage_type: 'text',
  line_item_operation: 'text',
  product_region_code: 'text',
  line_item_resource_id: 'text',
  line_item_line_item_description: 'text',
  line_item_usage_amount: 'double',
  pricing_unit: 'text',
  line_item_currency_code: 'text',
  reservation_reservation_a_r_n: 'text',
  ...CUR_MONEY,
}

/** Per format family, the columns its normalization SQL reads from `cur_staged`. */
export const STAGED_COLUMNS: Record<Family, StagedColumn[]> = {
  cur2: columns({
    ...CUR_COMMON,
    line_item_iam_principal: 'text',
    product: 'map',
    tags: 'map',
    resource_tags: 'map',
    cost_category: 'map',
  }),
  // Legacy tags are one column per key; staging gathers them into `tags` (see staging.ts).
  cur1: columns({ ...CUR_COMMON, product_region: 'text' }),
  focus: columns({
    BillingPeriodStart: 'timestamp',
    ChargePeriodStart: 'timestamp',
    SubAccountId: 'account',
    BillingAccountId: 'account',
    ChargeCategory: 'text',
    ChargeType: 'text',
    ServiceName: 'text',
    x_ServiceCode: 'text',
    x_UsageType: 'text',
    x_Operation: 'text',
    RegionId: 'text',
    ResourceId: 'text',
    ChargeDescription: 'text',
    PricingQuantity: 'double',
    ConsumedQuantity: 'double',
    PricingUnit: 'text',
    ConsumedUnit: 'text',
    BilledCost: 'money',
    EffectiveCost: 'money',
    ListCost: 'money',
    ContractedCost: 'money',
    BillingCurrency: 'text',
    Tags: 'map',
  }),
}

const CUR2_MAPS = new Set(['product', 'tags', 'resource_tags', 'cost_category'])

/** The type a CSV column is converted to, or undefined when the normalization does not read it. */
export function convertedType(family: Family, name: string): ValueType | undefined {
  const staged = STAGED_COLUMNS[family].find((c) => c.name === name)
  if (staged) return staged.type
  return family === 'cur2' && CUR2_MAPS.has(name) ? 'map' : undefined
}

/**
 * The Athena (and CUR 2.0) spelling of a legacy CUR column: `lineItem/UnblendedCost` →
 * `line_item_unblended_cost`, `savingsPlan/SavingsPlanARN` → `savings_plan_savings_plan_a_r_n`.
 */
export function athenaName(legacy: string): string {
  const snake = (part: string) =>
    part
      .replace(/([A-Z])/g, '_$1')
      .toLowerCase()
      .replace(/[^a-z0-9_]/g, '_')
      .replace(/^_+/, '')
  const slash = legacy.indexOf('/')
  if (slash < 0) return snake(legacy)
  return `${snake(legacy.slice(0, slash))}_${snake(legacy.slice(slash + 1))}`
}

/** Legacy CSV columns that hold one tag each; their values go into the `tags` map. */
export function isLegacyTagColumn(name: string): boolean {
  return /^(resourceTags|costCategory)\//.test(name)
}
