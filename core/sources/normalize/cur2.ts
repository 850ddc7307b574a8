// CUR 2.0 (Parquet, or CSV converted to Parquet on open) → the normalized `cur` columns.
// Choices:
// - service: "Amazon Bedrock" for every Bedrock row (see common.ts), else the product's service name
//   (product['servicename'], staged as product_servicename), its product name, its product code.
// - net_unblended falls back to unblended where the export leaves it empty (no discounts).
// - tags merges three maps into one keyed "<source>/<key>": the `tags` map (keys already prefixed),
//   the older `resource_tags` map (user_project → resourceTags/user:project) unless `tags` already
//   holds that resource tag under any spelling (letter case, "_" or ":" aside: CostCenter and
//   cost_center are one key, and the `tags` spelling wins), and `cost_category` (→ costCategory/<key>)
//   unless `tags` has it. Empty values are dropped. TRY keeps a row whose maps would still collide
//   (a pathological export) to its `tags` map instead of failing every query.
// - product_name: for Parquet read through the product-name lookup (product-names.ts), the product's
//   sampled name, except on marketplace products, whose rows each name their own model: there it is
//   the row's own product['product_name']. CSV converted on open has it flat on every row already.
import { curNormalization } from './common.js'

const FOLD = (key: string) => `lower(regexp_replace(${key}, '[^A-Za-z0-9]', '', 'g'))`

const PREFIXED_TAGS = `list_filter(map_entries(tags), lambda e: coalesce(e.value, '') <> '')`

const RESOURCE_TAGS = `list_transform(
        list_filter(map_entries(resource_tags), lambda e: coalesce(e.value, '') <> ''
          AND NOT list_contains(
            list_transform(
              list_filter(coalesce(map_keys(tags), []), lambda k: starts_with(k, 'resourceTags/')),
              lambda k: ${FOLD('k[14:]')}),
            ${FOLD('e.key')})),
        lambda e: {'key': 'resourceTags/' || regexp_replace(e.key, '^(user|aws)_', '\\1:'), 'value': e.value})`

const COST_CATEGORIES = `list_transform(
        list_filter(map_entries(cost_category), lambda e: coalesce(e.value, '') <> ''
          AND NOT list_contains(coalesce(map_keys(tags), []), 'costCategory/' || e.key)),
        lambda e: {'key': 'costCategory/' || e.key, 'value': e.value})`

const TAGS = `coalesce(
    TRY(map_from_entries(list_concat(
      ${PREFIXED_TAGS},
      ${RESOURCE_TAGS},
      ${COST_CATEGORIES}))),
    map_from_entries(${PREFIXED_TAGS}),
    CAST(MAP {} AS MAP(VARCHAR, VARCHAR)))`

const CUR2 = {
  region: "coalesce(nullif(product_region_code, ''), nullif(product['region'], ''))",
  principalArn: "nullif(line_item_iam_principal, '')",
  productField: (key: string) => `nullif(product['${key}'], '')`,
  tags: TAGS,
  tagInputs: ['tags', 'resource_tags', 'cost_category'],
}

export const CUR2_NORMALIZATION = curNormalization(CUR2)

/** CUR 2.0 staged with the product-name lookup, which adds `product_name_per_row`. */
export const CUR2_LOOKUP_NORMALIZATION = curNormalization({
  ...CUR2,
  productName: `CASE WHEN product_name_per_row
    THEN coalesce(nullif(product['product_name'], ''), nullif(product_product_name, ''))
    ELSE nullif(product_product_name, '')
  END`,
})
