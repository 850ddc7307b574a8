// Legacy CUR (CSV converted on open, or Athena Parquet) → the normalized `cur` columns. Staged under
// the Athena names (lineItem/UnblendedCost → line_item_unblended_cost). Choices:
// - principal_arn is NULL: legacy CUR has no principal column, and none is guessed.
// - no product map: provider, model, inference type and feature are NULL.
// - service as for CUR 2.0, from the flat product/servicename and product/ProductName columns.
// - tags were gathered from the one-column-per-key tag columns while staging.
import { curNormalization } from './common.js'

export const CUR1_NORMALIZATION = curNormalization({
  region: "coalesce(nullif(product_region_code, ''), nullif(product_region, ''))",
  principalArn: 'CAST(NULL AS VARCHAR)',
  productField: () => 'CAST(NULL AS VARCHAR)',
  tags: 'coalesce(tags, CAST(MAP {} AS MAP(VARCHAR, VARCHAR)))',
  tagInputs: ['tags'],
})
