// Parquet files that store as text what the view parses (a script's JSON maps, its timestamps): one
// pass per such file on open, so that no query fails on a value later. Map cells that are not JSON
// objects are read as empty maps and counted; a timestamp in no known form (timestamp-text.ts)
// refuses the file, naming the row, the column and the value.
import type { Engine } from '../engine/duckdb.js'
import { CurLensError } from '../errors/curlens-error.js'
import { mapFromJson, STAGED_COLUMNS } from './column-types.js'
import type { MapCells } from './converted-check.js'
import type { SourcePart } from './inspect.js'
import { messages } from './messages.js'
import { sqlIdentifier } from './sql-text.js'
import { timestampFromText } from './timestamp-text.js'

const TEXT = /^(VARCHAR|JSON)$/

export interface CheckedParts {
  parts: SourcePart[]
  problems: CurLensError[]
}

export async function checkTextColumns(
  engine: Engine,
  parts: SourcePart[],
  signal?: AbortSignal,
): Promise<CheckedParts> {
  const result: CheckedParts = { parts: [], problems: [] }
  for (const part of parts) {
    const text = textColumns(part)
    if (text.maps.length + text.timestamps.length === 0) {
      result.parts.push(part)
      continue
    }
    try {
      const checked = await checkPart(engine, part, text, signal)
      if (checked instanceof CurLensError) result.problems.push(checked)
      else result.parts.push({ ...part, mapsNotJson: checked })
    } catch (e) {
      // A file that cannot be read at all is found and reported when the view is built.
      if (signal?.aborted) throw e
      result.parts.push(part)
    }
  }
  return result
}

/** The file's own text columns that the view reads as maps or timestamps. */
function textColumns(part: SourcePart) {
  const own = new Map((part.columns ?? []).map((c) => [c.name.toLowerCase(), c]))
  const of = (type: 'map' | 'timestamp') =>
    STAGED_COLUMNS[part.shape.family].flatMap((staged) => {
      const column = own.get(staged.name.toLowerCase())
      return staged.type === type && column && TEXT.test(column.type) ? [column.name] : []
    })
  return { maps: of('map'), timestamps: of('timestamp') }
}

type CheckRow = Record<string, string | null>

async function checkPart(
  engine: Engine,
  part: SourcePart,
  text: { maps: string[]; timestamps: string[] },
  signal?: AbortSignal,
): Promise<MapCells[] | CurLensError> {
  const filled = (id: string) => `nullif(trim(${id}), '') IS NOT NULL AND trim(${id}) <> 'null'`
  const items = [
    ...text.maps.flatMap((m, i) => {
      const id = sqlIdentifier(m)
      const bad = `${filled(id)} AND ${mapFromJson(id)} IS NULL`
      return [
        `CAST(count(*) FILTER (WHERE ${bad}) AS VARCHAR) AS map${i}`,
        `min(${id}) FILTER (WHERE ${bad}) AS example${i}`,
      ]
    }),
    ...text.timestamps.flatMap((t, i) => {
      const id = sqlIdentifier(t)
      const bad = `nullif(trim(${id}), '') IS NOT NULL AND ${timestampFromText(id)} IS NULL`
      return [
        `CAST(arg_min(${id}, file_row_number) FILTER (WHERE ${bad}) AS VARCHAR) AS value${i}`,
        `CAST(min(file_row_number) FILTER (WHERE ${bad}) AS VARCHAR) AS row${i}`,
      ]
    }),
  ]
  const [row] = await engine.query<CheckRow>(
    `SELECT ${items.join(',\n  ')} FROM read_parquet($file, file_row_number = true)`,
    { file: part.readPath },
    { signal },
  )
  for (const [i, column] of text.timestamps.entries()) {
    const value = row[`value${i}`]
    if (value === null) continue
    const place = `row ${(Number(row[`row${i}`]) + 1).toLocaleString('en-US')}`
    const message = messages.unreadableTimestamp(part.file, column, value, place)
    return new CurLensError('FILE_CORRUPT', message, { file: part.file })
  }
  return text.maps.flatMap((column, i) => {
    const rows = Number(row[`map${i}`])
    return rows > 0 ? [{ column, rows, example: row[`example${i}`] ?? '' }] : []
  })
}
