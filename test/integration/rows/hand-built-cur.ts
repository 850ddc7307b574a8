// A small normalized `cur` table built by hand in a real, locked-down engine and wrapped as a
// Dataset, plus exact decimal arithmetic (BigInt units of 1e-10) so that tests compute expected
// figures independently of the code under test.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { openEngine, type Engine } from '../../../core/engine/duckdb.js'
import { attributeRows, type AttributedRows } from '../../../core/rows/attributed-rows.js'
import type { Base } from '../../../core/rows/grouped-rows.js'
import { CUR_COLUMNS } from '../../../core/sources/cur-columns.js'
import type { Dataset } from '../../../core/sources/dataset.js'
import { ROWS, type HandRow } from './hand-built-rows.js'

export * from './hand-built-rows.js'

const SCALE_10 = 10_000_000_000n

/** A decimal string as an exact count of 1e-10 units. */
export function units(decimal: string): bigint {
  const negative = decimal.startsWith('-')
  const [whole, fraction = ''] = decimal.replace('-', '').split('.')
  const value = BigInt(whole || '0') * SCALE_10 + BigInt((fraction + '0000000000').slice(0, 10))
  return negative ? -value : value
}

/** Exact 1e-10 units as DuckDB prints a DECIMAL(38,10). */
export function decimal(value: bigint): string {
  const negative = value < 0n
  const abs = negative ? -value : value
  const text = `${abs / SCALE_10}.${(abs % SCALE_10).toString().padStart(10, '0')}`
  return negative ? `-${text}` : text
}

/** Sum of unblended cost by a key computed from each row (null keys included). */
export function sumBy(
  rows: readonly HandRow[],
  key: (row: HandRow) => string | null,
  money: (row: HandRow) => string = (r) => r.unblended_cost,
): Map<string | null, string> {
  const sums = new Map<string | null, bigint>()
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0n) + units(money(row)))
  return new Map([...sums].map(([k, v]) => [k, decimal(v)]))
}

export interface HandDataset extends Dataset {
  root: string
}

/** A real engine with a `cur` table holding `rows`, with exactly the normalized columns. */
export async function openHandBuiltDataset(rows: readonly HandRow[] = ROWS): Promise<HandDataset> {
  const root = await mkdtemp(join(tmpdir(), 'cur-lens-attribution-'))
  const engine = await openEngine({ readPaths: [], readDirectories: [], workDirectory: root })
  await createHandCurTable(engine)
  for (const row of rows) {
    await engine.query(
      `INSERT INTO cur BY NAME SELECT
         $billing_period AS billing_period, CAST($usage_start AS TIMESTAMP) AS usage_start,
         $usage_account_id AS usage_account_id, '000011112222' AS payer_account_id,
         $line_item_type AS line_item_type, $service AS service, $product_code AS product_code,
         $product_name AS product_name, $usage_type AS usage_type, $operation AS operation,
         $region AS region, $resource_id AS resource_id, $description AS description,
         $principal_arn AS principal_arn, $usage_amount AS usage_amount,
         $pricing_unit AS pricing_unit, $product_provider AS product_provider,
         $product_model AS product_model, $product_inference_type AS product_inference_type,
         NULL AS product_feature,
         CAST($unblended_cost AS DECIMAL(18, 10)) AS unblended_cost,
         CAST($unblended_cost AS DECIMAL(18, 10)) AS net_unblended_cost,
         CAST($amortized_cost AS DECIMAL(18, 10)) AS amortized_cost,
         CAST($unblended_cost AS DECIMAL(18, 10)) * 1.25 AS ondemand_cost,
         MAP(CAST($tag_keys AS VARCHAR[]), CAST($tag_values AS VARCHAR[])) AS tags,
         {'tags': MAP(CAST($tag_keys AS VARCHAR[]), CAST($tag_values AS VARCHAR[]))} AS tag_inputs,
         hash(MAP(CAST($tag_keys AS VARCHAR[]), CAST($tag_values AS VARCHAR[]))) AS tag_set,
         'USD' AS currency, 'hand-built.parquet' AS source_file`,
      {
        billing_period: row.billing_period,
        usage_start: row.usage_start,
        usage_account_id: row.usage_account_id,
        line_item_type: row.line_item_type,
        service: row.service,
        product_code: row.product_code,
        product_name: row.product_name,
        usage_type: row.usage_type,
        operation: row.operation,
        region: row.region,
        resource_id: row.resource_id,
        description: row.description,
        principal_arn: row.principal_arn,
        usage_amount: row.usage_amount,
        pricing_unit: row.pricing_unit,
        product_provider: row.product_provider,
        product_model: row.product_model,
        product_inference_type: row.product_inference_type,
        unblended_cost: row.unblended_cost,
        amortized_cost: row.amortized_cost,
        tag_keys: Object.keys(row.tags),
        tag_values: Object.values(row.tags),
      },
    )
  }
  const owned: { close(): Promise<void> }[] = []
  return {
    root,
    engine,
    workDirectory: root,
    info: {
      format: 'cur2-parquet',
      files: [],
      rows: rows.length,
      billingPeriods: [...new Set(rows.map((r) => r.billing_period))].sort(),
      currency: 'USD',
      hasPrincipal: true,
      problems: [],
    },
    own: (resource) => void owned.push(resource),
    async close() {
      for (const resource of owned.reverse()) await resource.close()
      await engine.close()
      await rm(root, { recursive: true, force: true })
    },
  }
}

/**
 * A `cur` table with the normalized columns, its raw tags being the merged ones (what `tags` holds),
 * and the macro the sources layer defines to merge them.
 */
export async function createHandCurTable(engine: Engine): Promise<void> {
  const type = (c: { name: string; type: string }) =>
    c.name === 'tag_inputs' ? 'STRUCT(tags MAP(VARCHAR, VARCHAR))' : c.type
  const columns = CUR_COLUMNS.map((c) => `${c.name} ${type(c)}`).join(', ')
  await engine.query(`CREATE TABLE cur (${columns})`)
  await engine.query(`CREATE MACRO cur_tags_of(tag_inputs) AS struct_extract(tag_inputs, 'tags')`)
}

export interface HandRows extends AttributedRows {
  dataset: HandDataset
  close(): Promise<void>
}

/** `openHandBuiltDataset` with its attributed rows and their cache built (which must succeed). */
export async function openAttributedHandDataset(
  rows: readonly HandRow[] = ROWS,
): Promise<HandRows> {
  const ds = await openHandBuiltDataset(rows)
  const attributed = await attributeRows(ds)
  expect(await attributed.cacheReady()).toBe(true)
  return { ...attributed, dataset: ds, close: () => ds.close() }
}

/** Straight from the files and from the cache, for tests that check both give the same figures. */
export const BOTH_BASES: { name: string; base: Base }[] = [
  { name: 'files', base: 'files' },
  { name: 'cache', base: 'cache' },
]
