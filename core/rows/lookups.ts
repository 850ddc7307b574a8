// Builds the two small lookup tables attribution joins onto `cur`: `principal_dim` (one row per
// distinct principal ARN) and `bedrock_dim` (one row per distinct Bedrock line shape). Parsing runs
// in TypeScript on the distinct values only (a few thousand at most), never per row; the results go
// back into the engine as NDJSON files in the private work directory, read with a bound path, so no
// value is ever spliced into SQL.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Engine } from '../engine/duckdb.js'
import { classifyBedrockLine } from './bedrock-classifier.js'
import { FIRST_PARTY_PRODUCT_CODES, type BedrockLine } from './model-mapping.js'
import { parsePrincipalArn } from './principal-arn.js'

/** The columns that decide a Bedrock line's model, token type and scale; the join key of bedrock_dim. */
export const BEDROCK_SHAPE_COLUMNS = [
  'product_code',
  'product_name',
  'usage_type',
  'pricing_unit',
  'product_provider',
  'product_model',
  'product_inference_type',
] as const

const BEDROCK_PRODUCT_CODES = [...FIRST_PARTY_PRODUCT_CODES, 'AmazonBedrockAgentCore']

const PRINCIPAL_COLUMNS = `{principal_arn: 'VARCHAR', kind: 'VARCHAR', person: 'VARCHAR',
  role: 'VARCHAR', account: 'VARCHAR', display: 'VARCHAR', note: 'VARCHAR'}`

const SHAPE_CLASS_COLUMNS = `{shape_id: 'INTEGER', model_key: 'VARCHAR', model: 'VARCHAR',
  provider: 'VARCHAR', model_rule: 'VARCHAR', token_type: 'VARCHAR', token_scale: 'INTEGER',
  assumed_token_unit: 'VARCHAR', usage_region: 'VARCHAR'}`

/** Writes rows as NDJSON into the work directory and loads them as a table with the given columns. */
async function loadTable(
  engine: Engine,
  workDirectory: string,
  table: string,
  columns: string,
  rows: readonly object[],
  signal?: AbortSignal,
): Promise<void> {
  const path = join(workDirectory, `${table}.ndjson`)
  await writeFile(path, rows.map((r) => JSON.stringify(r)).join('\n'))
  await engine.query(
    `CREATE OR REPLACE TABLE ${table} AS
     SELECT * FROM read_json($path, format = 'newline_delimited', columns = ${columns})`,
    { path },
    { signal },
  )
}

export async function buildPrincipalDim(
  engine: Engine,
  workDirectory: string,
  signal?: AbortSignal,
): Promise<void> {
  const rows = await engine.query<{ principal_arn: string }>(
    'SELECT DISTINCT principal_arn FROM cur WHERE principal_arn IS NOT NULL',
    {},
    { signal },
  )
  const parsed = rows.map(({ principal_arn }) => {
    const p = parsePrincipalArn(principal_arn)
    return {
      principal_arn,
      kind: p.kind,
      person: p.person,
      role: p.role,
      account: p.account,
      display: p.display,
      note: p.note,
    }
  })
  await loadTable(engine, workDirectory, 'principal_dim', PRINCIPAL_COLUMNS, parsed, signal)
}

type ShapeRow = {
  shape_id: number
  product_code: string | null
  product_name: string | null
  usage_type: string | null
  pricing_unit: string | null
  product_provider: string | null
  product_model: string | null
  product_inference_type: string | null
}

export async function buildBedrockDim(
  engine: Engine,
  workDirectory: string,
  signal?: AbortSignal,
): Promise<void> {
  const shapeColumns = BEDROCK_SHAPE_COLUMNS.join(', ')
  await engine.query(
    `CREATE OR REPLACE TABLE bedrock_line_shape AS
     SELECT CAST(row_number() OVER () AS INTEGER) AS shape_id, *
     FROM (
       SELECT DISTINCT ${shapeColumns}
       FROM cur
       WHERE service = 'Amazon Bedrock'
          OR list_contains($codes, product_code)
          OR product_name ILIKE '%(Amazon Bedrock Edition)%'
     )`,
    { codes: BEDROCK_PRODUCT_CODES },
    { signal },
  )
  const shapes = await engine.query<ShapeRow>('SELECT * FROM bedrock_line_shape', {}, { signal })
  const classified = shapes.map((s) => {
    const c = classifyBedrockLine(toLine(s))
    return {
      shape_id: s.shape_id,
      model_key: c.modelKey,
      model: c.model,
      provider: c.provider,
      model_rule: c.modelRule,
      token_type: c.tokenType,
      token_scale: c.tokenScale,
      assumed_token_unit: c.assumedUnit,
      usage_region: c.usageRegion,
    }
  })
  await loadTable(
    engine,
    workDirectory,
    'bedrock_shape_class',
    SHAPE_CLASS_COLUMNS,
    classified,
    signal,
  )
  await engine.query(
    `CREATE OR REPLACE TABLE bedrock_dim AS
     SELECT s.* EXCLUDE (shape_id), c.* EXCLUDE (shape_id)
     FROM bedrock_line_shape AS s JOIN bedrock_shape_class AS c USING (shape_id)`,
    {},
    { signal },
  )
}

/** The join condition of bedrock_dim `b` onto a relation `alias` with the shape columns; NULL-safe. */
export function bedrockShapeJoin(alias: string): string {
  return BEDROCK_SHAPE_COLUMNS.map((c) => `b.${c} IS NOT DISTINCT FROM ${alias}.${c}`).join(
    '\n  AND ',
  )
}

function toLine(s: ShapeRow): BedrockLine {
  return {
    productCode: s.product_code,
    productName: s.product_name,
    usageType: s.usage_type,
    pricingUnit: s.pricing_unit,
    productProvider: s.product_provider,
    productModel: s.product_model,
    productInferenceType: s.product_inference_type,
  }
}
