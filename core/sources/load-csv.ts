// Converts every CSV part to Parquet in the work directory and proves each conversion complete: the
// rows DuckDB wrote must equal the rows Node counted in the file, so half a file never loads.
// Progress is one monotonic percentage over all CSV parts.
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Engine } from '../engine/duckdb.js'
import { CurLensError } from '../errors/curlens-error.js'
import { convertCsv } from './csv-convert.js'
import type { SourcePart } from './inspect.js'
import { messages } from './messages.js'

export interface ConvertedCsv {
  parts: SourcePart[]
  /** The Parquet files written, one per converted part, in the order of `parts`. */
  files: string[]
  problems: CurLensError[]
}

export interface CsvLoadOptions {
  engine: Engine
  workDirectory: string
  signal?: AbortSignal
  onProgress?: (percentage: number, file: string) => void
}

export async function convertCsvParts(
  parts: SourcePart[],
  options: CsvLoadOptions,
): Promise<ConvertedCsv> {
  const folder = join(options.workDirectory, 'converted')
  await mkdir(folder, { recursive: true })
  const result: ConvertedCsv = { parts: [], files: [], problems: [] }
  let reported = 0
  const report = (done: number, fraction: number, file: string) => {
    const percentage = ((done + Math.min(1, Math.max(0, fraction))) / parts.length) * 100
    reported = Math.max(reported, percentage)
    options.onProgress?.(reported, file)
  }
  for (const [index, part] of parts.entries()) {
    const target = join(folder, `part-${String(index + 1).padStart(5, '0')}.parquet`)
    report(index, 0, part.file)
    try {
      const written = await convertCsv(
        options.engine,
        { file: part.file, readPath: part.readPath, gzip: part.gzip, family: part.shape.family },
        target,
        {
          signal: options.signal,
          onProgress: (p) => report(index, p.percentage / 100, part.file),
        },
      )
      if (written !== part.expectedRows) throw rowMismatch(part, written)
      result.parts.push(part)
      result.files.push(target)
    } catch (e) {
      await rm(target, { force: true })
      if (!(e instanceof CurLensError) || e.code === 'CANCELLED') throw e
      result.problems.push(e)
    }
    report(index, 1, part.file)
  }
  return result
}

/** DuckDB read another number of rows than the file has (it can skip a ragged row silently). */
function rowMismatch(part: SourcePart, written: number): CurLensError {
  return new CurLensError(
    'FILE_CORRUPT',
    messages.rowCountMismatch(part.file, part.expectedRows ?? 0, written),
    { file: part.file },
  )
}
