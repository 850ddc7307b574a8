// Public face of core/sources: open files or folders as one normalized dataset (the `cur` view).
// Steps: discover the files → inspect each (bytes, header or schema) → insist on one format and one
// export → convert CSV to Parquet (while Node checks gzip integrity and counts the rows) → build the
// view → profile it.
// Bad files are listed as problems while the good ones load; when nothing loads, the first problem
// is thrown. Any failure closes the engine and removes the private work directory (and each open
// first removes those that killed engine processes left behind, see work-directory.ts).
import type { CacheStore } from '../cache/cache-store.js'
import { exportCache, restoreOpen, type ExportCache } from './open-cache.js'
import type { OpenResult, ProgressEvent, SourceFileInfo } from '../api.js'
import { openEngine, type Engine } from '../engine/duckdb.js'
import { CurLensError, toCurLensError } from '../errors/curlens-error.js'
import { PRINCIPAL_COLUMNS } from './column-types.js'
import { checkOneExport, isOneExport } from './one-export.js'
import type { Dataset } from './dataset.js'
import { discover, type Discovery } from './discover.js'
import { fileNotices } from './file-notices.js'
import { inspectCandidates, type SourcePart } from './inspect.js'
import { DEFAULT_LIMITS, type SourceLimits } from './limits.js'
import { checkCsvParts, convertCsvParts } from './load-csv.js'
import { messages } from './messages.js'
import { recordSources } from './reconcile.js'
import { checkTextColumns } from './text-columns.js'
import { createCurViewDroppingBadFiles } from './unreadable-parquet.js'
import {
  createWorkDirectory,
  removeWorkDirectory,
  sweepOrphanedWorkDirectories,
} from './work-directory.js'
import type { ViewProfile } from './view.js'

export type { SourceLimits } from './limits.js'

export interface OpenOptions {
  signal?: AbortSignal
  onProgress?: (progress: Omit<ProgressEvent, 'jobId'>) => void
  /** Overrides of the decompression and archive caps (tests use small ones). */
  limits?: Partial<SourceLimits>
  /** Where what an open builds is kept for the next open of the same files; nothing when absent. */
  cacheStore?: CacheStore
  /** Folders the engine may also read (a comparison reads the current export's work folder). */
  readDirectories?: string[]
}

export async function openDataset(paths: string[], options: OpenOptions = {}): Promise<Dataset> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits }
  await sweepOrphanedWorkDirectories()
  const workDirectory = await createWorkDirectory()
  let engine: Engine | undefined
  try {
    const found = await discover(paths, limits)
    throwIfCancelled(options.signal)
    const store = options.cacheStore
    const cache =
      store &&
      (await exportCache(
        store,
        found.candidates.map((c) => c.path),
      ))
    engine = await openEngine({
      readPaths: found.readPaths,
      readDirectories: [...(store ? [store.root] : []), ...(options.readDirectories ?? [])],
      workDirectory,
    })
    const info = await load(engine, found, workDirectory, limits, { ...options, cache })
    const opened = engine
    const owned: { close(): Promise<void> }[] = []
    let closing: Promise<void> | undefined
    return {
      engine: opened,
      info,
      workDirectory,
      cache,
      own: (resource) => void owned.push(resource),
      close: () =>
        (closing ??= (async () => {
          for (const resource of owned.reverse()) await resource.close()
          await opened.close()
          await removeWorkDirectory(workDirectory)
        })()),
    }
  } catch (e) {
    await engine?.close()
    await removeWorkDirectory(workDirectory)
    if (options.signal?.aborted) {
      throw new CurLensError('CANCELLED', messages.cancelled(), { cause: e })
    }
    throw toCurLensError(e)
  }
}

async function load(
  engine: Engine,
  found: Discovery,
  workDirectory: string,
  limits: SourceLimits,
  options: OpenOptions & { cache?: ExportCache },
): Promise<OpenResult> {
  const { signal } = options
  const progress = (phase: ProgressEvent['phase'], percentage: number, file?: string) =>
    options.onProgress?.({ phase, percentage, ...(file ? { file } : {}) })
  progress('reading', -1)
  const inspected = await inspectCandidates(found.candidates, {
    engine,
    workDirectory,
    limits,
    signal,
    onProgress: (fraction, file) => progress('checking', fraction * 100, file),
  })
  const problems = [...found.problems, ...inspected.problems]
  let parts = inspected.parts
  if (parts.length === 0) throw nothingLoaded(problems, found)
  if (!isOneExport(parts)) {
    const checked = await checkCsvParts(parts, { limits, signal })
    problems.push(...checked.problems)
    parts = checked.parts
    if (parts.length === 0) throw nothingLoaded(problems, found)
  }
  checkOneExport(parts, problems)
  const family = parts[0].shape.family
  let files = parts.map((p) => p.readPath)
  if (parts[0].shape.container === 'csv') {
    const converted = await convertCsvParts(parts, {
      engine,
      workDirectory,
      limits,
      signal,
      store: options.cacheStore,
      onProgress: (percentage, file) => progress('converting', percentage, file),
    })
    problems.push(...converted.problems)
    if (converted.parts.length === 0) throw nothingLoaded(problems, found)
    parts = converted.parts
    files = converted.files
  } else {
    const checked = await checkTextColumns(engine, parts, signal)
    problems.push(...checked.problems)
    if (checked.parts.length === 0) throw nothingLoaded(problems, found)
    parts = checked.parts
    files = parts.map((p) => p.readPath)
  }
  throwIfCancelled(signal)
  progress('indexing', -1)
  if (options.cache) await restoreOpen(engine, options.cache)
  const view = await createCurViewDroppingBadFiles(engine, family, parts, files, signal)
  problems.push(...view.problems, ...fileNotices(view.parts))
  await recordSources(engine, view.parts)
  return openResult(view.parts, view.profile, problems)
}

function openResult(
  parts: SourcePart[],
  profile: ViewProfile,
  problems: CurLensError[],
): OpenResult {
  const files: SourceFileInfo[] = []
  for (const part of parts) {
    if (files.some((f) => f.path === part.file)) continue
    files.push({
      path: part.file,
      format: part.shape.format,
      rows: profile.rowsByFile.get(part.file) ?? 0,
      bytes: part.bytes,
    })
  }
  return {
    format: parts[0].shape.format,
    files,
    rows: files.reduce((sum, f) => sum + f.rows, 0),
    billingPeriods: profile.billingPeriods,
    currency: profile.currencies.join(', '),
    hasPrincipal: PRINCIPAL_COLUMNS[parts[0].shape.family].some((name) =>
      profile.physical.some((c) => c.name.toLowerCase() === name.toLowerCase()),
    ),
    problems: problems.map((p) => ({ file: p.file ?? '', code: p.code, message: p.message })),
  }
}

/** The error when no file loaded: the only problem itself, or all of them in one message. */
function nothingLoaded(problems: CurLensError[], found: Discovery): CurLensError {
  if (problems.length === 1) return problems[0]
  if (problems.length === 0) {
    const where = found.inputs.join(', ')
    return new CurLensError('NO_COST_FILES', messages.noCostFiles(where), { file: where })
  }
  const details = problems.map((p) => `- ${p.message}`).join('\n')
  return new CurLensError(
    problems[0].code,
    `${messages.nothingLoaded(problems.length)}\n${details}`,
    {
      file: problems[0].file,
    },
  )
}

function throwIfCancelled(signal?: AbortSignal) {
  if (signal?.aborted) throw new CurLensError('CANCELLED', messages.cancelled())
}
