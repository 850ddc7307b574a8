// Looks inside each candidate file and says what it is, without loading it: its container from its
// bytes, then its format from its columns (a Parquet schema read by DuckDB, or a CSV header read by
// Node; the rows are counted and gzip integrity checked later, alongside the conversion, see
// load-csv.ts). Zip archives are unpacked into the work directory first. Each bad file becomes a
// problem naming it; the others go on.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Engine } from '../engine/duckdb.js'
import { CurLensError } from '../errors/curlens-error.js'
import { periodSource, type PeriodSource } from './billing-period.js'
import { classifyColumns, type Shape } from './classify.js'
import type { MapCells } from './converted-check.js'
import { unreadColumns } from './column-audit.js'
import { readCsvHead } from './csv-head.js'
import type { LineEnd } from './csv-scan.js'
import type { Candidate } from './discover.js'
import type { SourceLimits } from './limits.js'
import { messages } from './messages.js'
import type { PhysicalColumn } from './staging.js'
import { sniffContainer } from './sniff.js'
import { transcodeToUtf8 } from './utf16.js'
import { extractCsvEntries } from './zip-extract.js'

/** One readable piece of a cost file: a Parquet or CSV file, or a CSV entry of a zip. */
export interface SourcePart {
  /** The user's file. */
  file: string
  /** What DuckDB reads (a zip entry is extracted into the work directory). */
  readPath: string
  bytes: number
  shape: Shape
  gzip: boolean
  /** Parquet: the file's schema. CSV: its header, as Node reads it, every column text. */
  columns?: PhysicalColumn[]
  /** CSV: the file's own unblended total, summed exactly by the Node scan while it converted. */
  unblendedTotal?: string
  /** CSV: what ends its lines, and its first data row (csv-head.ts). */
  csv?: { lineEnd: LineEnd; firstRow?: string[] }
  /** Where its rows' billing period comes from (its own column, unless it lacks one). */
  period: PeriodSource
  /** Columns that look like tags, principals or costs that nothing reads (column-audit.ts). */
  unreadColumns: string[]
  /** Map cells that were not JSON objects, read as empty maps (converted-check.ts, text-columns.ts). */
  mapsNotJson?: MapCells[]
}

export interface InspectOptions {
  engine: Engine
  workDirectory: string
  limits: SourceLimits
  signal?: AbortSignal
  /** Fraction (0..1) of the candidates' bytes read so far, and the file being read. */
  onProgress?: (fraction: number, file: string) => void
}

export interface Inspection {
  parts: SourcePart[]
  problems: CurLensError[]
}

export async function inspectCandidates(
  candidates: Candidate[],
  options: InspectOptions,
): Promise<Inspection> {
  const result: Inspection = { parts: [], problems: [] }
  const totalBytes = candidates.reduce((sum, c) => sum + c.bytes, 0) || 1
  let doneBytes = 0
  for (const [index, candidate] of candidates.entries()) {
    if (options.signal?.aborted) throw new CurLensError('CANCELLED', messages.cancelled())
    const report = (fraction: number) =>
      options.onProgress?.((doneBytes + fraction * candidate.bytes) / totalBytes, candidate.path)
    try {
      result.parts.push(...(await inspectOne(candidate, index, options, report)))
    } catch (e) {
      if (!(e instanceof CurLensError) || e.code === 'CANCELLED') throw e
      if (!ignorable(candidate, e)) result.problems.push(e)
    }
    doneBytes += candidate.bytes
    report(0)
  }
  return result
}

/** An extensionless file found in a folder that is not a cost file (a README, a marker) is skipped. */
function ignorable(candidate: Candidate, e: CurLensError): boolean {
  const named = /\.(parquet|csv|gz|zip)$/i.test(candidate.path)
  return !candidate.explicit && !named && e.code === 'NOT_A_CUR_FILE'
}

async function inspectOne(
  candidate: Candidate,
  index: number,
  options: InspectOptions,
  report: (fraction: number) => void,
): Promise<SourcePart[]> {
  const { path, bytes } = candidate
  const container = await sniffContainer(path, bytes)
  const base = { file: path, readPath: path, bytes }
  const id = String(index + 1).padStart(5, '0')
  if (container === 'parquet') {
    const columns = await describeParquet(options.engine, path)
    return [{ ...base, ...classify(path, columns, 'parquet'), gzip: false }]
  }
  if (container === 'zip') {
    const folder = join(options.workDirectory, 'extracted', id)
    await mkdir(folder, { recursive: true })
    const entries = await extractCsvEntries(path, folder, options.limits, options.signal)
    if (entries.length === 0) {
      throw new CurLensError('NOT_A_CUR_FILE', messages.zipWithoutCsv(path), { file: path })
    }
    const parts: SourcePart[] = []
    for (const [i, entry] of entries.entries()) {
      const read = await readCsv(path, entry.path, false, `${id}-${i + 1}`, options)
      parts.push({ ...base, ...read })
      report((i + 1) / entries.length)
    }
    return parts
  }
  return [{ ...base, ...(await readCsv(path, path, container === 'gzip', id, options)) }]
}

/**
 * A CSV's start, and what it tells (see csv-head.ts). A UTF-16 file is first transcoded into the
 * work directory, and that copy is what is read from then on.
 */
async function readCsv(
  display: string,
  path: string,
  gzip: boolean,
  id: string,
  options: InspectOptions,
) {
  let read = { readPath: path, gzip }
  let head = await readCsvHead(path, { display, gzip, signal: options.signal })
  if (head.encoding !== 'utf-8') {
    const folder = join(options.workDirectory, 'transcoded')
    await mkdir(folder, { recursive: true })
    read = { readPath: join(folder, `${id}.csv`), gzip: false }
    const { encoding } = head
    await transcodeToUtf8(path, read.readPath, {
      display,
      gzip,
      encoding,
      limits: options.limits,
      signal: options.signal,
    })
    head = await readCsvHead(read.readPath, { display, gzip: false, signal: options.signal })
  }
  const columns = head.header.map((name) => ({ name, type: 'VARCHAR' }))
  return {
    ...read,
    ...classify(display, columns, 'csv'),
    csv: { lineEnd: head.lineEnd, ...(head.firstRow ? { firstRow: head.firstRow } : {}) },
  }
}

/** The file's format, where its billing period comes from, and what it holds that nothing reads. */
function classify(file: string, columns: PhysicalColumn[], container: 'parquet' | 'csv') {
  const names = columns.map((c) => c.name)
  const shape = classifyColumns(file, names, container)
  return {
    shape,
    columns,
    period: periodSource(file, names, shape),
    unreadColumns: unreadColumns(shape, names),
  }
}

async function describeParquet(engine: Engine, path: string): Promise<PhysicalColumn[]> {
  try {
    const rows = await engine.query<{ column_name: string; column_type: string }>(
      'SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet($file))',
      { file: path },
    )
    return rows.map((r) => ({ name: r.column_name, type: r.column_type }))
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e)
    throw new CurLensError('FILE_CORRUPT', messages.parquetCorrupt(path, detail), {
      file: path,
      cause: e,
    })
  }
}
