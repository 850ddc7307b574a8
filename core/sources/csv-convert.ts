// Converts one CSV cost file into a Parquet file in the private work directory, once, on open, so
// that every later query runs at Parquet speed. Only the columns the normalization reads are kept
// (a CUR 2.0 CSV has some 130 columns; writing them all tripled the conversion time), each with the
// type the closed list in column-types.ts gives it: all text is read as VARCHAR (the sniffer would
// turn account ids into integers and drop their leading zeros) and cast explicitly, MAP columns
// from JSON object text, strictly (a bad value is an error naming the file). Legacy CUR columns are
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
  type ValueType,
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
}

/** The options every read of a CSV cost file uses (conversion and reconciliation alike). */
export function readCsvSql(files = '$file', compression = '$compression'): string {
  return `read_csv(${files}, header = true, all_varchar = true, delim = ',', quote = '"',
    escape = '"', strict_mode = true, union_by_name = true, compression = ${compression})`
}

const READ_CSV = readCsvSql()

/** Writes `target` (a path inside the work directory) and returns the number of rows written. */
export async function convertCsv(
  engine: Engine,
  source: CsvSource,
  target: string,
  options: QueryOptions,
): Promise<number> {
  const params = { file: source.readPath, compression: source.gzip ? 'gzip' : 'none' }
  try {
    const described = await engine.query<{ column_name: string }>(
      `SELECT column_name FROM (DESCRIBE SELECT * FROM ${READ_CSV})`,
      params,
      { signal: options.signal },
    )
    const columns = described.map((c) => c.column_name)
    const [result] = await engine.query<{ Count: string }>(
      `COPY (SELECT ${productNames(source.family, columns)}$source AS source_file
             FROM (SELECT ${typedColumns(source.family, columns)} FROM ${READ_CSV}))
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

/** The columns the normalization reads, cast from text; legacy tag columns gathered into `tags`. */
function typedColumns(family: Family, columns: string[]): string {
  const items: string[] = []
  const written = new Set<string>()
  const legacyTags: string[] = []
  const blankIsNull = (column: string) => {
    const text = `nullif(${sqlIdentifier(column)}, '')`
    return family === 'focus' ? `nullif(${text}, 'NULL')` : text
  }
  for (const column of columns) {
    if (family === 'cur1' && isLegacyTagColumn(column)) {
      legacyTags.push(`{'key': ${sqlString(column)}, 'value': ${blankIsNull(column)}}`)
      continue
    }
    const name = family === 'cur1' ? athenaName(column) : column
    const type = convertedType(family, name)
    if (!type || written.has(name)) continue
    written.add(name)
    items.push(`${cast(blankIsNull(column), type)} AS ${sqlIdentifier(name)}`)
  }
  if (family === 'cur1') {
    const tags = legacyTags.length
      ? `map_from_entries(list_filter([${legacyTags.join(', ')}], lambda e: e.value IS NOT NULL))`
      : 'CAST(MAP {} AS MAP(VARCHAR, VARCHAR))'
    items.push(`${tags} AS tags`)
  }
  return items.join(',\n    ')
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

function cast(value: string, type: ValueType): string {
  if (type === 'text' || type === 'account') return value
  if (type === 'map') return mapFromJson(value)
  return `CAST(${value} AS ${SQL_TYPE[type]})`
}
