// Converts one CSV cost file into a Parquet file in the private work directory, once, on open, so
// that every later query runs at Parquet speed. Only the columns the normalization reads are kept
// (a CUR 2.0 CSV has some 130 columns; writing them all tripled the conversion time), each read as
// the type the closed list in column-types.ts gives it, never a sniffed one (the sniffer would turn
// account ids into integers and drop their leading zeros); MAP columns are parsed from JSON object
// text, strictly. A bad value is an error naming the file and the line. Legacy CUR columns are
// renamed to their Athena spelling and their tag columns gathered into `tags`; CUR 2.0 gets flat
// product_servicename/product_product_name out of the `product` map, so that no query has to decode
// the map to name a service.
import type { Engine, QueryOptions } from '../engine/duckdb.js'
import { CurLensError } from '../errors/curlens-error.js'
import type { Family } from './classify.js'
import {
  athenaName,
  convertedType,
  isLegacyTagColumn,
  mapFromJson,
  SQL_TYPE,
} from './column-types.js'
import { messages } from './messages.js'
import { sqlIdentifier, sqlString } from './sql-text.js'

export interface CsvSource {
  /** The user's file, for messages and the rows' source_file. */
  file: string
  /** What DuckDB reads: the file itself, or an entry extracted from a zip. */
  readPath: string
  gzip: boolean
  family: Family
  /** The column names of the header, as the format was classified from them. */
  header: string[]
}

/** Writes `target` (a path inside the work directory) and returns the number of rows written. */
export async function convertCsv(
  engine: Engine,
  source: CsvSource,
  target: string,
  options: QueryOptions,
): Promise<number> {
  const params = { file: source.readPath, compression: source.gzip ? 'gzip' : 'none' }
  const plan = conversionPlan(source.family, source.header)
  try {
    const [result] = await engine.query<{ Count: string }>(
      `COPY (SELECT ${productNames(source.family, source.header)}$source AS source_file
             FROM (SELECT ${plan.select} FROM ${typedReadSql(source.family, plan.readTypes)}))
       TO ${sqlString(target)} (FORMAT parquet)`,
      { ...params, source: source.file },
      options,
    )
    return Number(result.Count)
  } catch (e) {
    if (options.signal?.aborted)
      throw new CurLensError('CANCELLED', messages.cancelled(), { cause: e })
    if (e instanceof CurLensError) throw e
    const detail = e instanceof Error ? e.message : String(e)
    throw new CurLensError('FILE_CORRUPT', messages.csvUnreadable(source.file, detail), {
      file: source.file,
      cause: e,
    })
  }
}

/**
 * The conversion's read: every column of the header named, so nothing is sniffed, and read as the
 * type it is converted to, so DuckDB parses numbers and timestamps as it reads them (about 10 %
 * less time than reading all text and casting it). Blank fields, and FOCUS's `NULL`, are NULL.
 */
function typedReadSql(family: Family, readTypes: string[]): string {
  const nulls = family === 'focus' ? "['', 'NULL']" : "''"
  return `read_csv($file, header = true, auto_detect = false, columns = {${readTypes.join(', ')}},
    delim = ',', quote = '"', escape = '"', strict_mode = true, hive_partitioning = false,
    nullstr = ${nulls}, compression = $compression)`
}

/**
 * For each column of the header, the type it is read as (`'name': 'TYPE'`, text unless the
 * normalization reads it); and the select list of the columns the normalization reads, MAP columns
 * parsed from their JSON text, legacy tag columns gathered into `tags`.
 */
function conversionPlan(family: Family, header: string[]) {
  const readTypes: string[] = []
  const items: string[] = []
  const written = new Set<string>()
  const legacyTags: string[] = []
  const readNames = uniqueNames(header)
  for (const [index, column] of header.entries()) {
    const value = sqlIdentifier(readNames[index])
    const isTag = family === 'cur1' && isLegacyTagColumn(column)
    if (isTag) legacyTags.push(`{'key': ${sqlString(column)}, 'value': ${value}}`)
    const name = family === 'cur1' ? athenaName(column) : column
    const type = isTag || written.has(name) ? undefined : convertedType(family, name)
    const readAs = type && type !== 'map' ? SQL_TYPE[type] : SQL_TYPE.text
    readTypes.push(`${sqlString(readNames[index])}: ${sqlString(readAs)}`)
    if (!type) continue
    written.add(name)
    items.push(`${type === 'map' ? mapFromJson(value) : value} AS ${sqlIdentifier(name)}`)
  }
  if (family === 'cur1') {
    const tags = legacyTags.length
      ? `map_from_entries(list_filter([${legacyTags.join(', ')}], lambda e: e.value IS NOT NULL))`
      : 'CAST(MAP {} AS MAP(VARCHAR, VARCHAR))'
    items.push(`${tags} AS tags`)
  }
  return { readTypes, select: items.join(',\n    ') }
}

/**
 * The header's names, each made unique for DuckDB, whose column names ignore letter case: a blank
 * or repeated name is read as `name_N`, N its position in the header.
 */
function uniqueNames(header: string[]): string[] {
  const used = new Set<string>()
  return header.map((name, index) => {
    let unique = name
    for (let n = index + 1; unique === '' || used.has(unique.toLowerCase()); n += header.length)
      unique = `${name}_${n}`
    used.add(unique.toLowerCase())
    return unique
  })
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
