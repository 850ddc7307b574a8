// One pass over a CSV file just converted to Parquet (two or three narrow columns, fast): how many
// map cells were not JSON objects (read as empty maps, reported with an example), and whether an
// account id was written in scientific notation, as a spreadsheet writes a 12-digit number (the file
// is then refused: such ids cannot be told apart). Account ids are read as text on purpose, to keep
// their leading zeros, so the conversion itself cannot notice.
import type { Engine, QueryOptions } from '../engine/duckdb.js'
import { convertedType } from './column-types.js'
import { notJsonColumn, type CsvSource } from './csv-read.js'
import { SPREADSHEET_ACCOUNT_SQL, spreadsheetDamage } from './spreadsheet.js'
import { sqlIdentifier } from './sql-text.js'

/** The cells of one map column that were not JSON objects. */
export interface MapCells {
  column: string
  rows: number
  /** One of them, as the file has it. */
  example: string
}

type CheckRow = Record<string, string | null>

/** Returns the map columns with cells that were not JSON; throws SPREADSHEET_DAMAGE. */
export async function checkConverted(
  engine: Engine,
  source: CsvSource,
  target: string,
  options: QueryOptions,
): Promise<MapCells[]> {
  const columns = (
    await engine.query<{ name: string }>(
      'SELECT column_name AS name FROM (DESCRIBE SELECT * FROM read_parquet($target))',
      { target },
    )
  ).map((c) => c.name)
  const maps = columns.filter((c) => convertedType(source.family, c) === 'map')
  const accounts = columns.filter((c) => convertedType(source.family, c) === 'account')
  if (maps.length === 0 && accounts.length === 0) return []
  const items = [
    ...maps.flatMap((m, i) => {
      const text = sqlIdentifier(notJsonColumn(m))
      return [`CAST(count(${text}) AS VARCHAR) AS map${i}`, `min(${text}) AS example${i}`]
    }),
    ...accounts.map((a, i) => {
      const id = sqlIdentifier(a)
      return `min(${id}) FILTER (WHERE contains(upper(${id}), 'E+')
        AND regexp_matches(${id}, $notation)) AS account${i}`
    }),
  ]
  const [row] = await engine.query<CheckRow>(
    `SELECT ${items.join(',\n  ')} FROM read_parquet($target)`,
    accounts.length > 0 ? { target, notation: SPREADSHEET_ACCOUNT_SQL } : { target },
    options,
  )
  accounts.forEach((column, i) => {
    const value = row[`account${i}`]
    if (value) throw spreadsheetDamage(source.file, column, value, 'account')
  })
  return maps.flatMap((column, i) => {
    const rows = Number(row[`map${i}`])
    return rows > 0 ? [{ column, rows, example: row[`example${i}`] ?? '' }] : []
  })
}
