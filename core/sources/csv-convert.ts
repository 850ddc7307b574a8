// Converts one CSV cost file into a Parquet file in the private work directory, once, on open, so
// that every later query runs at Parquet speed. Only the columns the normalization reads are kept
// (a CUR 2.0 CSV has some 130 columns; writing them all tripled the conversion time), each read as
// the type the closed list in column-types.ts gives it, never a sniffed one (the sniffer would turn
// account ids into integers and drop their leading zeros). A bad value is an error naming the file
// and the line. Legacy CUR columns take their Athena spelling and their tag columns are gathered
// into `tags`; CUR 2.0 gets flat product_servicename/product_product_name out of the `product`
// map, so that no query has to decode the map to name a service. See csv-timestamps.ts for dates.
import type { Engine, QueryOptions } from '../engine/duckdb.js'
import { CurLensError } from '../errors/curlens-error.js'
import { inferredPeriodSql } from './billing-period.js'
import type { Family } from './classify.js'
import { athenaName, convertedType, legacyTagKey, mapFromJson, SQL_TYPE } from './column-types.js'
import { checkConverted, type MapCells } from './converted-check.js'
import { csvReadSql, notJsonColumn, uniqueNames, type CsvSource } from './csv-read.js'
import {
  firstRowDamage,
  sampledTimestamps,
  timestampProblem,
  timestampRetry,
  type Timestamps,
} from './csv-timestamps.js'
import { messages } from './messages.js'
import { sqlIdentifier, sqlString } from './sql-text.js'
import { timestampFromTextOrError } from './timestamp-text.js'

export type { CsvSource }

export interface ConvertedCsv {
  rows: number
  mapsNotJson: MapCells[]
}

/** Writes `target` (a path inside the work directory); a damaged file is a CurLensError. */
export async function convertCsv(
  engine: Engine,
  source: CsvSource,
  target: string,
  options: QueryOptions,
): Promise<ConvertedCsv> {
  firstRowDamage(source)
  const timestamps = sampledTimestamps(source)
  let rows: number
  try {
    rows = await copy(engine, source, target, timestamps, options)
  } catch (e) {
    if (!(await timestampRetry(engine, source, timestamps, e))) throw await problem(e)
    rows = await copy(engine, source, target, 'text', options).catch(async (retried: unknown) => {
      throw await problem(retried)
    })
  }
  return { rows, mapsNotJson: await checkConverted(engine, source, target, options) }

  async function problem(e: unknown): Promise<CurLensError> {
    if (options.signal?.aborted) {
      return new CurLensError('CANCELLED', messages.cancelled(), { cause: e })
    }
    if (e instanceof CurLensError) return e
    const detail = e instanceof Error ? e.message : String(e)
    const found = await timestampProblem(engine, source, detail)
    if (found) return found
    return new CurLensError('FILE_CORRUPT', messages.csvUnreadable(source.file, detail), {
      file: source.file,
      cause: e,
    })
  }
}

async function copy(
  engine: Engine,
  source: CsvSource,
  target: string,
  timestamps: Timestamps,
  options: QueryOptions,
): Promise<number> {
  const plan = conversionPlan(source, timestamps)
  const format = timestamps === 'text' ? undefined : timestamps.format
  const params = {
    file: source.readPath,
    compression: source.gzip ? 'gzip' : 'none',
    source: source.file,
    ...(format ? { format } : {}),
  }
  const [result] = await engine.query<{ Count: string }>(
    `COPY (SELECT ${productNames(source.family, plan.written)}$source AS source_file
           FROM (${withParsedMaps(plan, `SELECT ${plan.select} FROM ${csvReadSql(source, plan.readTypes, format !== undefined)}`)}))
     TO ${sqlString(target)} (FORMAT parquet)`,
    params,
    options,
  )
  return Number(result.Count)
}

interface Plan {
  /** `'name': 'TYPE'` for each column of the header. */
  readTypes: string[]
  select: string
  /** The names written, and which of them are maps still to parse from their text. */
  written: string[]
  maps: string[]
}

/**
 * For each column of the header, the type it is read as (text unless the normalization reads it);
 * and the select list of the columns the normalization reads: maps as their text (parsed a level up,
 * see withParsedMaps), timestamps as read or parsed from text (csv-timestamps.ts), legacy tag
 * columns gathered into `tags`, and a billing period for a file without one (billing-period.ts).
 */
function conversionPlan(source: CsvSource, timestamps: Timestamps): Plan {
  const { family, header } = source
  const readTypes: string[] = []
  const items: string[] = []
  const written: string[] = []
  const maps: string[] = []
  const valueOf = new Map<string, string>()
  const legacyTags: string[] = []
  const readNames = uniqueNames(header)
  for (const [index, column] of header.entries()) {
    const value = sqlIdentifier(readNames[index])
    const tagKey = family === 'cur1' ? legacyTagKey(column) : undefined
    if (tagKey !== undefined) legacyTags.push(`{'key': ${sqlString(tagKey)}, 'value': ${value}}`)
    const name = family === 'cur1' ? athenaName(column) : column
    const type =
      tagKey !== undefined || written.includes(name) ? undefined : convertedType(family, name)
    const asText = !type || type === 'map' || (type === 'timestamp' && timestamps === 'text')
    readTypes.push(
      `${sqlString(readNames[index])}: ${sqlString(asText ? 'VARCHAR' : SQL_TYPE[type])}`,
    )
    if (!type) continue
    const expression =
      type === 'timestamp' && timestamps === 'text'
        ? timestampFromTextOrError(value, column)
        : value
    valueOf.set(name, expression)
    written.push(name)
    if (type === 'map') maps.push(name)
    items.push(`${expression} AS ${sqlIdentifier(name)}`)
  }
  if (family === 'cur1') {
    const tags = legacyTags.length
      ? `map_from_entries(list_filter([${legacyTags.join(', ')}], lambda e: coalesce(e.value, '') <> ''))`
      : 'CAST(MAP {} AS MAP(VARCHAR, VARCHAR))'
    items.push(`${tags} AS tags`)
  }
  if (source.period.kind !== 'column') {
    const usage = valueOf.get('line_item_usage_start_date') ?? 'CAST(NULL AS TIMESTAMP)'
    items.push(`${inferredPeriodSql(source.period, usage)} AS bill_billing_period_start_date`)
  }
  return { readTypes, select: items.join(',\n    '), written, maps }
}

/**
 * `relation` with its map columns parsed from their JSON text, each beside the cells' text where it
 * is not a JSON object (NULL elsewhere): an empty map for the view, a count for the problems.
 */
function withParsedMaps(plan: Plan, relation: string): string {
  if (plan.maps.length === 0) return relation
  const id = sqlIdentifier
  const parsed = `SELECT * REPLACE (${plan.maps.map((m) => `${mapFromJson(id(m))} AS ${id(m)}`).join(', ')}),
      ${plan.maps.map((m) => `${id(m)} AS ${id(notJsonColumn(m))}`).join(', ')}
    FROM (${relation})`
  const flagged = plan.maps.map((m) => {
    const text = id(notJsonColumn(m))
    return `CASE WHEN ${id(m)} IS NULL AND ${text} <> 'null' THEN ${text} END AS ${text}`
  })
  return `SELECT * REPLACE (${flagged.join(', ')}) FROM (${parsed})`
}

/** CUR 2.0: the service and product names out of the (already typed) product map, flat. */
function productNames(family: Family, columns: string[]): string {
  if (family !== 'cur2' || !columns.includes('product')) return '*, '
  const name = (key: string, flat: string) => {
    const fromMap = `nullif(product[${sqlString(key)}], '')`
    return columns.includes(flat) ? `coalesce(${fromMap}, ${sqlIdentifier(flat)})` : fromMap
  }
  const replaced = ['product_servicename', 'product_product_name'].filter((c) =>
    columns.includes(c),
  )
  const names = `${name('servicename', 'product_servicename')} AS product_servicename,
    ${name('product_name', 'product_product_name')} AS product_product_name`
  return replaced.length
    ? `* EXCLUDE (${replaced.map(sqlIdentifier).join(', ')}), ${names}, `
    : `*, ${names}, `
}
