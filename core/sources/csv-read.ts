// How a CSV part is read by DuckDB: the file (or its zip entry or UTF-8 copy), its header made
// unique as DuckDB needs, and the read options every conversion of it shares: no sniffing, each
// column's type named, RFC 4180 quoting, and the line ends the file has.
import type { PeriodSource } from './billing-period.js'
import type { Family } from './classify.js'
import type { LineEnd } from './csv-scan.js'

export interface CsvSource {
  /** The user's file, for messages and the rows' source_file. */
  file: string
  /** What DuckDB reads: the file itself, an entry extracted from a zip, or a UTF-8 copy. */
  readPath: string
  gzip: boolean
  family: Family
  /** The column names of the header, as the format was classified from them. */
  header: string[]
  /** The first data row, as Node read it (csv-head.ts). */
  firstRow?: string[]
  lineEnd: LineEnd
  period: PeriodSource
}

/**
 * The conversion's read: every column of the header named, so nothing is sniffed, and read as the
 * type it is converted to, so DuckDB parses numbers and timestamps as it reads them (about 10 %
 * less time than reading all text and casting it). Blank fields, and FOCUS's `NULL`, are NULL.
 */
export function csvReadSql(source: CsvSource, readTypes: string[], withFormat: boolean): string {
  const nulls = source.family === 'focus' ? "['', 'NULL']" : "''"
  const lineEnd = source.lineEnd === 'cr' ? ", new_line = '\\r'" : ''
  const format = withFormat ? ', timestampformat = $format' : ''
  return `read_csv($file, header = true, auto_detect = false, columns = {${readTypes.join(', ')}},
    delim = ',', quote = '"', escape = '"', strict_mode = true, hive_partitioning = false,
    nullstr = ${nulls}, compression = $compression${lineEnd}${format})`
}

/**
 * The header's names, each made unique for DuckDB, whose column names ignore letter case: a blank
 * or repeated name is read as `name_N`, N its position in the header.
 */
export function uniqueNames(header: string[]): string[] {
  const used = new Set<string>()
  return header.map((name, index) => {
    let unique = name
    for (let n = index + 1; unique === '' || used.has(unique.toLowerCase()); n += header.length)
      unique = `${name}_${n}`
    used.add(unique.toLowerCase())
    return unique
  })
}

/** The column of a converted file holding a map cell's text where it is not a JSON object. */
export function notJsonColumn(map: string): string {
  return `${map} (not JSON)`
}
