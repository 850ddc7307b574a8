// Converts every CSV part to Parquet in the work directory and proves each conversion complete: Node
// reads the whole file (gzip integrity, decompression caps, row count, the exact sum of its own
// unblended cost column; see csv-scan.ts) while DuckDB converts it, and a part loads only when both
// succeed and the rows DuckDB wrote equal the rows Node counted, so half a file never loads.
// Progress is one monotonic percentage over all CSV parts, from how far Node's check has read each
// part; once a part is checked and DuckDB is still converting it, progress is unknown (-1). DuckDB's
// own progress is no guide: for a gzip CSV it reports 95 % within the first third of the work.
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { CacheStore } from '../cache/cache-store.js'
import { conversionKey } from './open-cache.js'
import type { Engine } from '../engine/duckdb.js'
import { CurLensError } from '../errors/curlens-error.js'
import type { MapCells } from './converted-check.js'
import { convertCsv } from './csv-convert.js'
import { scanCsv } from './csv-scan.js'
import type { SourcePart } from './inspect.js'
import type { SourceLimits } from './limits.js'
import { messages } from './messages.js'
import { sourceCostColumn } from './reconcile.js'

export interface ConvertedCsv {
  parts: SourcePart[]
  /** The Parquet files written, one per converted part, in the order of `parts`. */
  files: string[]
  problems: CurLensError[]
}

export interface CsvLoadOptions {
  engine: Engine
  workDirectory: string
  limits: SourceLimits
  signal?: AbortSignal
  /** Where conversions are kept for the next open; none are when absent. */
  store?: CacheStore
  /** 0..100, or -1 while the share left is unknown. */
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
      const convert = async (): Promise<Conversion> => {
        const written = await checkAndConvert(part, target, options, {
          onCheckProgress: (fraction) => report(index, fraction, part.file),
          onChecked: () => options.onProgress?.(-1, part.file),
        })
        if (written.converted !== written.counted) throw rowMismatch(part, written)
        return {
          file: target,
          unblendedTotal: written.unblendedTotal,
          mapsNotJson: written.mapsNotJson,
        }
      }
      const { file, ...checked } = options.store
        ? await convertOnce(options.store, part, convert)
        : await convert()
      result.parts.push({ ...part, ...checked })
      result.files.push(file)
    } catch (e) {
      await rm(target, { force: true })
      if (!(e instanceof CurLensError) || e.code === 'CANCELLED') throw e
      result.problems.push(e)
    }
    report(index, 1, part.file)
  }
  return result
}

/** A checked conversion: the Parquet file written, and what Node's check found. */
interface Conversion {
  file: string
  unblendedTotal?: string
  mapsNotJson: MapCells[]
}

const KEPT_FILE = 'part.parquet'
const KEPT_CHECK = 'check.json'

/**
 * The conversion kept from an earlier open of the same file, or a new one, then kept: no CSV is
 * converted twice. Keeping it only saves time, so a failure to write it is no failure to open.
 */
async function convertOnce(
  store: CacheStore,
  part: SourcePart,
  convert: () => Promise<Conversion>,
): Promise<Conversion> {
  const key = await conversionKey(
    part.file,
    part.readPath === part.file ? '' : basename(part.readPath),
  )
  const kept = await store.find(key)
  if (kept) {
    try {
      const check = JSON.parse(await readFile(join(kept.directory, KEPT_CHECK), 'utf8'))
      return { ...check, file: join(kept.directory, KEPT_FILE) }
    } catch {
      await store.discard(key)
    }
  }
  const conversion = await convert()
  const { file, ...check } = conversion
  try {
    const entry = await store.create(
      key,
      { kind: 'converted CSV', sources: [part.file] },
      async (folder) => {
        await copyFile(file, join(folder, KEPT_FILE))
        await writeFile(join(folder, KEPT_CHECK), JSON.stringify(check))
      },
    )
    return { ...check, file: join(entry.directory, KEPT_FILE) }
  } catch {
    return conversion
  }
}

/**
 * Node's scan and DuckDB's conversion of one part, run at once. A failed scan stops the conversion
 * and is the error reported (a truncated gzip makes DuckDB stop early without an error of its own).
 * The scan runs to the end even when the conversion fails: DuckDB may fail on a truncated file's
 * cut row before Node reaches the end of the gzip stream, where the truncation shows.
 */
async function checkAndConvert(
  part: SourcePart,
  target: string,
  options: CsvLoadOptions,
  progress: { onCheckProgress(fraction: number): void; onChecked(): void },
): Promise<{
  counted: number
  converted: number
  unblendedTotal?: string
  mapsNotJson: MapCells[]
}> {
  const stop = new AbortController()
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal
  let conversionDone = false
  const converted = convertCsv(
    options.engine,
    {
      file: part.file,
      readPath: part.readPath,
      gzip: part.gzip,
      family: part.shape.family,
      header: (part.columns ?? []).map((c) => c.name),
      firstRow: part.csv?.firstRow,
      lineEnd: part.csv?.lineEnd ?? 'lf',
      period: part.period,
    },
    target,
    { signal },
  ).finally(() => {
    conversionDone = true
  })
  const scanned = scanCsv(part.readPath, {
    display: part.file,
    gzip: part.gzip,
    totalBytes: part.bytes,
    limits: options.limits,
    signal: options.signal,
    sumColumn: sourceCostColumn(part.shape),
    lineEnd: part.csv?.lineEnd,
    onProgress: progress.onCheckProgress,
  }).then(
    (scan) => {
      if (!conversionDone) progress.onChecked()
      return scan
    },
    (e: unknown) => {
      stop.abort()
      throw e
    },
  )
  const [scan, conversion] = await Promise.allSettled([scanned, converted])
  if (scan.status === 'rejected') throw scan.reason
  if (conversion.status === 'rejected') throw conversion.reason
  return {
    counted: scan.value.dataRows,
    converted: conversion.value.rows,
    unblendedTotal: scan.value.sum,
    mapsNotJson: conversion.value.mapsNotJson,
  }
}

/**
 * Node's check alone (gzip integrity, caps, quotes closed) of each CSV part, for a selection that
 * looks like it mixes exports: a damaged file is listed with its own problem, and must not make
 * the others look mixed.
 */
export async function checkCsvParts(
  parts: SourcePart[],
  options: { limits: SourceLimits; signal?: AbortSignal },
): Promise<{ parts: SourcePart[]; problems: CurLensError[] }> {
  const result: { parts: SourcePart[]; problems: CurLensError[] } = { parts: [], problems: [] }
  for (const part of parts) {
    if (part.shape.container !== 'csv') {
      result.parts.push(part)
      continue
    }
    try {
      await scanCsv(part.readPath, {
        display: part.file,
        gzip: part.gzip,
        totalBytes: part.bytes,
        limits: options.limits,
        signal: options.signal,
        lineEnd: part.csv?.lineEnd,
      })
      result.parts.push(part)
    } catch (e) {
      if (!(e instanceof CurLensError) || e.code === 'CANCELLED') throw e
      result.problems.push(e)
    }
  }
  return result
}

/** DuckDB read another number of rows than the file has (it can skip a ragged row silently). */
function rowMismatch(part: SourcePart, rows: { counted: number; converted: number }) {
  return new CurLensError(
    'FILE_CORRUPT',
    messages.rowCountMismatch(part.file, rows.counted, rows.converted),
    { file: part.file },
  )
}
