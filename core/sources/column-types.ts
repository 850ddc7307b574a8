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
 * JSON object text as a MAP. It parses the text once, where a cast through JSON parses it twice.
 * Malformed text, and anything but an object (a cell holding `EC2`), is NULL, read as an empty map:
 * one such cell must not fail every query. Such cells are counted on open and reported
 * (converted-check.ts, text-columns.ts).
 */
export function mapFromJson(text: string): string {
  return `TRY(from_json_strict(${text}, '"${SQL_TYPE.map}"'))`
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
  identity_line_item_id: 'text',
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
    x_CostCategories: 'map',
    SkuPriceDetails: 'map',
    // The principal, as the FOCUS draft names it (PrincipalId, PR #2360) and as tools name it.
    PrincipalId: 'text',
    x_PrincipalId: 'text',
    x_IamPrincipal: 'text',
  }),
}

/** The columns that name a row's principal, per family; legacy CUR has none. */
export const PRINCIPAL_COLUMNS: Record<Family, string[]> = {
  cur2: ['line_item_iam_principal'],
  cur1: [],
  focus: ['PrincipalId', 'x_PrincipalId', 'x_IamPrincipal'],
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

/**
 * The tag key a legacy CUR column holds one tag of, in either spelling: `resourceTags/user:team`
 * (CSV) as it is; Athena's resource_tags_user_team → resourceTags/user:team,
 * resource_tags_aws_created_by → resourceTags/aws:created_by, cost_category_team → costCategory/team.
 * Undefined for any other column.
 */
export function legacyTagKey(column: string): string | undefined {
  if (/^(resourceTags|costCategory)\//.test(column)) return column
  const resource = /^resource_tags_(user|aws)_(.+)$/.exec(column)
  if (resource) return `resourceTags/${resource[1]}:${resource[2]}`
  if (column.startsWith('resource_tags_'))
    return `resourceTags/${column.slice('resource_tags_'.length)}`
  if (column.startsWith('cost_category_'))
    return `costCategory/${column.slice('cost_category_'.length)}`
  return undefined
}
