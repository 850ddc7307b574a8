// Service and product names for a CUR 2.0 Parquet export without decoding its `product` map on every
// query. Decoding that map is the slowest part of a scan (about 2 s of CPU per 10 million rows, more
// with richer maps), while the names are a property of the product: rows of one product code and
// service code share them (checked on the real export in samples/). So on open we read the map of a
// few rows per such key (the first of each line item type, which the totals built on open record,
// fetched by row number; a map stored as JSON text is parsed as the view parses it), keep the names
// of the best one (a usage row whose map names the service) in a small table, and `cur_staged`
// joins it in.
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
  const names = new Map<string, NameRow>()
  await Promise.all(
    [...byFile].map(async ([file, rows]) => {
      const product = convert('product', productMaps.get(file)!, 'map')
      const found = await engine.query<NameRow>(
        `SELECT CAST(file_row_number AS VARCHAR) AS row,
                ${product}['servicename'] AS servicename, ${product}['product_name'] AS product_name
         FROM read_parquet($file, file_row_number = true)
         WHERE file_row_number IN (SELECT CAST(unnest($rows) AS BIGINT))`,
        { file, rows: rows.map((r) => String(r.row)) },
        { signal },
      )
      for (const name of found) names.set(`${file}\n${name.row}`, name)
    }),
  )
  const nameOf = (key: ProductKeyRow) => names.get(`${key.file}\n${key.row}`)
  const chosen = new Map<string, { key: ProductKeyRow; name?: NameRow }>()
  for (const key of [...keys].sort(byPreference(nameOf))) {
    const id = JSON.stringify([key.code, key.servicecode])
    if (!chosen.has(id)) chosen.set(id, { key, name: nameOf(key) })
  }
  const entries = [...chosen.values()]
  await engine.query(
    `CREATE TABLE ${PRODUCT_NAMES_TABLE} AS
     SELECT product_code, servicecode,
            nullif(servicename, '') AS servicename, nullif(product_name, '') AS product_name
     FROM (SELECT unnest($codes) AS product_code, unnest($servicecodes) AS servicecode,
                  unnest($servicenames) AS servicename, unnest($productNames) AS product_name)`,
    {
      codes: entries.map((e) => e.key.code),
      servicecodes: entries.map((e) => e.key.servicecode),
      servicenames: entries.map((e) => e.name?.servicename ?? ''),
      productNames: entries.map((e) => e.name?.product_name ?? ''),
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

/** `relation` (`cur_raw`, or the totals) with the names joined in by product key. */
export function withProductNames(relation: string): string {
  return `SELECT r.* REPLACE (
    coalesce(n.servicename, r.product_servicename) AS product_servicename,
    coalesce(n.product_name, r.product_product_name) AS product_product_name)
  FROM ${relation} r
  LEFT JOIN ${PRODUCT_NAMES_TABLE} n
    ON n.product_code = coalesce(r.line_item_product_code, '')
   AND n.servicecode = coalesce(r.product_servicecode, '')`
}
