// The normalized `cur` view: one set of columns every source format is mapped to. Everything above
// core/sources/ (attribution, chargeback, summary) is written against these names only.
// Money columns are DECIMAL(18,10) so sums are exact; rows carry the source file for error messages.

export interface CurColumn {
  name: string
  type: string
  meaning: string
}

export const CUR_COLUMNS: readonly CurColumn[] = [
  { name: 'billing_period', type: 'VARCHAR', meaning: 'Billing period as YYYY-MM' },
  { name: 'usage_start', type: 'TIMESTAMP', meaning: 'Start of the usage hour or day' },
  { name: 'usage_account_id', type: 'VARCHAR', meaning: '12-digit account id, as text' },
  { name: 'payer_account_id', type: 'VARCHAR', meaning: 'Payer (management) account id' },
  {
    name: 'line_item_type',
    type: 'VARCHAR',
    meaning: 'Usage, Credit, Tax, SavingsPlanNegation, …',
  },
  {
    name: 'service',
    type: 'VARCHAR',
    meaning:
      'Service name; every Bedrock row, marketplace "(Amazon Bedrock Edition)" models included, is "Amazon Bedrock"',
  },
  { name: 'product_code', type: 'VARCHAR', meaning: 'line_item_product_code' },
  {
    name: 'product_name',
    type: 'VARCHAR',
    meaning: 'Product name as billed (marketplace model names live here)',
  },
  { name: 'usage_type', type: 'VARCHAR', meaning: 'line_item_usage_type' },
  { name: 'operation', type: 'VARCHAR', meaning: 'line_item_operation' },
  { name: 'region', type: 'VARCHAR', meaning: 'Region code, e.g. us-east-1' },
  { name: 'resource_id', type: 'VARCHAR', meaning: 'line_item_resource_id' },
  { name: 'description', type: 'VARCHAR', meaning: 'line_item_line_item_description' },
  {
    name: 'line_item_id',
    type: 'VARCHAR',
    meaning:
      'identity_line_item_id (legacy CUR: identity/LineItemId), unique with usage_start; NULL in FOCUS, which has none',
  },
  {
    name: 'principal_arn',
    type: 'VARCHAR',
    meaning:
      "line_item_iam_principal (FOCUS: the draft's PrincipalId); NULL when empty or when the format has no principal column",
  },
  { name: 'usage_amount', type: 'DOUBLE', meaning: 'line_item_usage_amount, in pricing_unit' },
  {
    name: 'pricing_unit',
    type: 'VARCHAR',
    meaning: 'pricing_unit, e.g. "1K tokens", "Units", "Hrs"',
  },
  {
    name: 'product_provider',
    type: 'VARCHAR',
    meaning: "product['provider'] (Bedrock, since 2026-07); FOCUS: SkuPriceDetails ModelDeveloper",
  },
  {
    name: 'product_model',
    type: 'VARCHAR',
    meaning: "product['model'] (Bedrock, since 2026-07); FOCUS: SkuPriceDetails ModelId",
  },
  {
    name: 'product_inference_type',
    type: 'VARCHAR',
    meaning: "product['inference_type'] (Bedrock); FOCUS: SkuPriceDetails TokenType in its words",
  },
  { name: 'product_feature', type: 'VARCHAR', meaning: "product['feature'] (Bedrock)" },
  { name: 'unblended_cost', type: 'DECIMAL(18,10)', meaning: 'line_item_unblended_cost' },
  {
    name: 'net_unblended_cost',
    type: 'DECIMAL(18,10)',
    meaning: 'line_item_net_unblended_cost; unblended where the export has no net column',
  },
  {
    name: 'amortized_cost',
    type: 'DECIMAL(18,10)',
    meaning: 'Amortized cost as defined in DOMAIN.md',
  },
  { name: 'ondemand_cost', type: 'DECIMAL(18,10)', meaning: 'pricing_public_on_demand_cost' },
  {
    name: 'tags',
    type: 'MAP(VARCHAR, VARCHAR)',
    meaning:
      'All tags, keyed "<source>/<key>": iamPrincipal/team, resourceTags/user:Project, accountTag/…, userAttribute/…, costCategory/…; empty values dropped',
  },
  {
    name: 'tag_set',
    type: 'UBIGINT',
    meaning:
      'A hash of the raw tag columns: rows with one tag_set have the same tags, as cur_tag_sets holds them once merged',
  },
  {
    name: 'tag_inputs',
    type: 'STRUCT',
    meaning:
      'The raw tag columns as read, before they are merged into tags (fields differ by format); tag_set is their hash',
  },
  { name: 'currency', type: 'VARCHAR', meaning: 'line_item_currency_code' },
  { name: 'source_file', type: 'VARCHAR', meaning: 'The file the row came from' },
]
