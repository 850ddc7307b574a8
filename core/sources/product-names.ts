// Service and product names for a CUR 2.0 Parquet export without decoding its `product` map on every
// query. Decoding that map is the slowest part of a scan (about 2 s of CPU per 10 million rows, more
// with richer maps), while the names are a property of the product: rows of one product code and
// service code share them (checked on the real export in samples/). So on open we read the map of a
// few rows per such key (the first of each line item type, which the totals built on open record,
// fetched by row number; a map stored as JSON text is parsed as the view parses it), keep the names
// of the best one (a usage row whose map names the service) in a small table, and `cur_staged`
// joins it in.
// Marketplace products are the exception: one product code can bill several models, each named only
// in its rows' product name. A key whose sample is a marketplace Bedrock model ("(Amazon Bedrock
// Edition)") or is billed by AWS Marketplace is flagged `per_row`, and the view reads the product
// name of each such row from its map (normalize/cur2.ts). The service name never depends on that read,
// so queries that do not ask for the product name still skip the map.
import type { Engine } from '../engine/duckdb.js'
import { convert } from './staging.js'
import { TOTALS_TABLE } from './totals.js'

export const PRODUCT_NAMES_TABLE = 'cur_product_names'

/** A candidate row for a product key: the first row of one line item type in one file. */
interface ProductKeyRow {
  file: string
  code: string
  servicecode: string
  lineItemType: string
  row: number
}

const PRODUCT_KEYS_SQL = `SELECT source_file AS file,
  coalesce(line_item_product_code, '') AS code,
  coalesce(product_servicecode, '') AS servicecode,
  coalesce(line_item_line_item_type, '') AS "lineItemType",
  CAST(min(first_row) AS VARCHAR) AS row
FROM ${TOTALS_TABLE}
GROUP BY ALL`

type NameRow = {
  row: string
  servicename: string | null
  product_name: string | null
  billing_entity: string | null
}

const MARKETPLACE_MODEL = '(Amazon Bedrock Edition)'
const MARKETPLACE_ENTITY = 'AWS Marketplace'

/** Whether a product's rows may name different products: a marketplace model or seller. */
function perRow(name: NameRow | undefined): boolean {
  return Boolean(
    name?.product_name?.includes(MARKETPLACE_MODEL) || name?.billing_entity === MARKETPLACE_ENTITY,
  )
}

export async function createProductNames(
  engine: Engine,
  productMaps: Map<string, string>,
  signal?: AbortSignal,
): Promise<void> {
  const keys = (
    await engine.query<Omit<ProductKeyRow, 'row'> & { row: string }>(PRODUCT_KEYS_SQL)
  ).map((k) => ({ ...k, row: Number(k.row) }))
  const byFile = new Map<string, ProductKeyRow[]>()
  for (const key of keys) {
    if (!productMaps.has(key.file)) continue
    byFile.set(key.file, [...(byFile.get(key.file) ?? []), key])
  }
  const withEntity = await filesWithColumn(engine, [...byFile.keys()], 'bill_billing_entity')
  const names = new Map<string, NameRow>()
  await Promise.all(
    [...byFile].map(async ([file, rows]) => {
      // Read only from files that have the column; the expression is ours, never file text.
      const entity = withEntity.has(file) ? 'bill_billing_entity' : 'CAST(NULL AS VARCHAR)'
      const product = convert('product', productMaps.get(file)!, 'map')
      const found = await engine.query<NameRow>(
        `SELECT CAST(file_row_number AS VARCHAR) AS row,
                ${product}['servicename'] AS servicename, ${product}['product_name'] AS product_name,
                ${entity} AS billing_entity
         FROM read_parquet($file, file_row_number = true)
         WHERE file_row_number IN (SELECT CAST(unnest($rows) AS BIGINT))`,
        { file, rows: rows.map((r) => String(r.row)) },
        { signal },
      )
      for (const name of found) names.set(`${file}\n${name.row}`, name)
    }),
  )
  const nameOf = (key: ProductKeyRow) => names.get(`${key.file}\n${key.row}`)
  const chosen = new Map<string, { key: ProductKeyRow; name?: NameRow; perRow: boolean }>()
  for (const key of [...keys].sort(byPreference(nameOf))) {
    const id = JSON.stringify([key.code, key.servicecode])
    const found = chosen.get(id)
    if (found) found.perRow ||= perRow(nameOf(key))
    else chosen.set(id, { key, name: nameOf(key), perRow: perRow(nameOf(key)) })
  }
  const entries = [...chosen.values()]
  await engine.query(
    `CREATE TABLE ${PRODUCT_NAMES_TABLE} AS
     SELECT product_code, servicecode,
            nullif(servicename, '') AS servicename, nullif(product_name, '') AS product_name,
            per_row
     FROM (SELECT unnest($codes) AS product_code, unnest($servicecodes) AS servicecode,
                  unnest($servicenames) AS servicename, unnest($productNames) AS product_name,
                  unnest($perRow) = 'yes' AS per_row)`,
    {
      codes: entries.map((e) => e.key.code),
      servicecodes: entries.map((e) => e.key.servicecode),
      servicenames: entries.map((e) => e.name?.servicename ?? ''),
      productNames: entries.map((e) => e.name?.product_name ?? ''),
      perRow: entries.map((e) => (e.perRow ? 'yes' : 'no')),
    },
    { signal },
  )
}

/** Rows whose map names the service first, then usage rows, then file order. */
function byPreference(nameOf: (key: ProductKeyRow) => NameRow | undefined) {
  const rank = (key: ProductKeyRow) =>
    (nameOf(key)?.servicename ? 0 : 2) + (key.lineItemType === 'Usage' ? 0 : 1)
  return (a: ProductKeyRow, b: ProductKeyRow) =>
    rank(a) - rank(b) || a.file.localeCompare(b.file) || a.row - b.row
}

/** The files among `files` whose schema has `column` (their footers only). */
async function filesWithColumn(
  engine: Engine,
  files: string[],
  column: string,
): Promise<Set<string>> {
  if (files.length === 0) return new Set()
  const rows = await engine.query<{ file: string }>(
    'SELECT DISTINCT file_name AS file FROM parquet_schema($files) WHERE name = $column',
    { files, column },
  )
  return new Set(rows.map((r) => r.file))
}

/**
 * `relation` (`cur_raw`, or the totals) with the names joined in by product key, and
 * `product_name_per_row`: whether the row's own map names its product (marketplace products).
 */
export function withProductNames(relation: string): string {
  return `SELECT r.* REPLACE (
    coalesce(n.servicename, r.product_servicename) AS product_servicename,
    coalesce(n.product_name, r.product_product_name) AS product_product_name),
    coalesce(n.per_row, false) AS product_name_per_row
  FROM ${relation} r
  LEFT JOIN ${PRODUCT_NAMES_TABLE} n
    ON n.product_code = coalesce(r.line_item_product_code, '')
   AND n.servicecode = coalesce(r.product_servicecode, '')`
}
