// The lookup tables joined onto grouped rows: `principal_dim` (one row per principal ARN, parsed in
// TypeScript) and `bedrock_dim` (one row per Bedrock line shape, classified in TypeScript). They
// start empty and grow: `addPrincipals` and `addShapes` add the keys a relation holds that they lack, so a query
// on a freshly opened export classifies only the few thousand keys of its own groups instead of
// scanning the files first. Parsed rows go back into the engine as NDJSON in the work directory,
// read with a bound path, so no value is ever spliced into SQL.
import { randomUUID } from 'node:crypto'
import { rm, writeFile } from 'node:fs/promises'
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

const PRINCIPAL_COLUMNS = {
  principal_arn: 'VARCHAR',
  kind: 'VARCHAR',
  person: 'VARCHAR',
  role: 'VARCHAR',
  account: 'VARCHAR',
  display: 'VARCHAR',
  note: 'VARCHAR',
}

const SHAPE_CLASS_COLUMNS = {
  model_key: 'VARCHAR',
  model: 'VARCHAR',
  provider: 'VARCHAR',
  model_rule: 'VARCHAR',
  token_type: 'VARCHAR',
  token_scale: 'INTEGER',
  assumed_token_unit: 'VARCHAR',
  usage_region: 'VARCHAR',
}
const BEDROCK_COLUMNS = {
  ...Object.fromEntries(BEDROCK_SHAPE_COLUMNS.map((c) => [c, 'VARCHAR'])),
  ...SHAPE_CLASS_COLUMNS,
}

const tableColumns = (columns: Record<string, string>) =>
  Object.entries(columns)
    .map(([name, type]) => `${name} ${type}`)
    .join(', ')
const jsonColumns = (columns: Record<string, string>) =>
  `{${Object.entries(columns)
    .map(([name, type]) => `${name}: '${type}'`)
    .join(', ')}}`

/** Empty unless a test has filled them with its own hand-made attribution (IF NOT EXISTS). */
export async function createLookupTables(engine: Engine): Promise<void> {
  await engine.query(
    `CREATE TABLE IF NOT EXISTS principal_dim (${tableColumns(PRINCIPAL_COLUMNS)})`,
  )
  await engine.query(`CREATE TABLE IF NOT EXISTS bedrock_dim (${tableColumns(BEDROCK_COLUMNS)})`)
}

/** A group's whole tokens: its exact usage by the Bedrock line's scale (group `g`, bedrock_dim `b`). */
export const GROUP_TOKENS = 'CAST(round(g.usage * b.token_scale) AS BIGINT)'

/** The join condition of bedrock_dim `b` onto a relation `alias` with the shape columns; NULL-safe. */
export function bedrockShapeJoin(alias: string): string {
  return BEDROCK_SHAPE_COLUMNS.map(
    (c) => `b.${c} IS NOT DISTINCT FROM CAST(${alias}.${c} AS VARCHAR)`,
  ).join('\n  AND ')
}

/** Whether a row is a Bedrock line, over a relation with the shape columns and the service. */
const IS_BEDROCK = `(service = 'Amazon Bedrock'
    OR list_contains($codes, product_code)
    OR product_name ILIKE '%(Amazon Bedrock Edition)%')`

/** Adds to principal_dim every principal ARN of `relation` it lacks. Callers serialize calls. */
export async function addPrincipals(
  engine: Engine,
  workDirectory: string,
  relation: string,
  signal?: AbortSignal,
): Promise<void> {
  const arns = await engine.query<{ principal_arn: string }>(
    `SELECT DISTINCT CAST(principal_arn AS VARCHAR) AS principal_arn FROM ${relation}
     WHERE principal_arn IS NOT NULL
       AND CAST(principal_arn AS VARCHAR) NOT IN (SELECT principal_arn FROM principal_dim)`,
    {},
    { signal },
  )
  const parsed = arns.map(({ principal_arn }) => {
    const p = parsePrincipalArn(principal_arn)
    return { principal_arn, ...pick(p, ['kind', 'person', 'role', 'account', 'display', 'note']) }
  })
  await insertRows(engine, workDirectory, 'principal_dim', PRINCIPAL_COLUMNS, parsed, signal)
}

/**
 * Adds to bedrock_dim every Bedrock line shape of `relation` (with the shape columns and `service`)
 * it lacks. Callers serialize calls.
 */
export async function addShapes(
  engine: Engine,
  workDirectory: string,
  relation: string,
  signal?: AbortSignal,
): Promise<void> {
  const shape = BEDROCK_SHAPE_COLUMNS.map((c) => `CAST(${c} AS VARCHAR) AS ${c}`).join(', ')
  const shapes = await engine.query<ShapeRow>(
    `SELECT DISTINCT ${shape} FROM ${relation} AS r
     WHERE ${IS_BEDROCK}
       AND NOT EXISTS (SELECT 1 FROM bedrock_dim AS b WHERE ${bedrockShapeJoin('r')})`,
    { codes: BEDROCK_PRODUCT_CODES },
    { signal },
  )
  const classified = shapes.map((s) => {
    const c = classifyBedrockLine(toLine(s))
    return {
      ...s,
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
  await insertRows(engine, workDirectory, 'bedrock_dim', BEDROCK_COLUMNS, classified, signal)
}

/** Adds principals parsed earlier (a kept cache's principal_dim) that the table lacks. */
export async function copyPrincipals(engine: Engine, relation: string): Promise<void> {
  const columns = Object.keys(PRINCIPAL_COLUMNS).join(', ')
  await engine.query(
    `INSERT INTO principal_dim BY NAME
     SELECT ${columns} FROM ${relation}
     WHERE principal_arn NOT IN (SELECT principal_arn FROM principal_dim)`,
  )
}

/** Writes rows as NDJSON into the work directory and appends them to `table`. */
async function insertRows(
  engine: Engine,
  workDirectory: string,
  table: string,
  columns: Record<string, string>,
  rows: readonly object[],
  signal?: AbortSignal,
): Promise<void> {
  if (rows.length === 0) return
  const path = join(workDirectory, `${table}-${randomUUID()}.ndjson`)
  await writeFile(path, rows.map((r) => JSON.stringify(r)).join('\n'))
  await engine.query(
    `INSERT INTO ${table} BY NAME
     SELECT * FROM read_json($path, format = 'newline_delimited', columns = ${jsonColumns(columns)})`,
    { path },
    { signal },
  )
  await rm(path, { force: true })
}

type ShapeRow = Record<(typeof BEDROCK_SHAPE_COLUMNS)[number], string | null>

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

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, value[k]])) as Pick<T, K>
}
