// Builds the view, and when the user's Parquet files cannot be read together (a damaged page, a
// column whose type changes between files), finds which files fail on their own, lists them as
// problems and builds the view over the rest: one bad part must not hide a year of good ones.
import type { Engine } from '../engine/duckdb.js'
import { CurLensError } from '../errors/curlens-error.js'
import type { Family } from './classify.js'
import type { SourcePart } from './inspect.js'
import { messages } from './messages.js'
import { createCurView, type ViewProfile } from './view.js'

export interface BuiltView {
  parts: SourcePart[]
  profile: ViewProfile
  problems: CurLensError[]
}

export async function createCurViewDroppingBadFiles(
  engine: Engine,
  family: Family,
  parts: SourcePart[],
  files: string[],
  signal?: AbortSignal,
): Promise<BuiltView> {
  const converted = parts[0].shape.container === 'csv'
  const build = (chosen: SourcePart[], readFiles: string[]) =>
    createCurView(
      engine,
      {
        family,
        files: readFiles,
        converted,
        productMaps: new Map(
          chosen.flatMap((p) => {
            const product = p.columns?.find((c) => c.name === 'product')
            return product && /^(MAP\(|VARCHAR$|JSON$)/.test(product.type)
              ? [[p.readPath, product.type] as const]
              : []
          }),
        ),
        inferredPeriods: converted
          ? []
          : chosen.flatMap((p) =>
              p.period.kind === 'column' ? [] : [{ file: p.readPath, period: p.period }],
            ),
      },
      signal,
    )
  try {
    return { parts, profile: await build(parts, files), problems: [] }
  } catch (e) {
    if (signal?.aborted || converted) throw e
    const problems = await unreadableFiles(engine, parts, signal)
    const good = parts.filter((p) => !problems.some((bad) => bad.file === p.file))
    if (problems.length === 0) throw e
    if (good.length === 0) throw problems[0]
    await dropViews(engine)
    const profile = await build(
      good,
      good.map((p) => p.readPath),
    )
    return { parts: good, profile, problems }
  }
}

/** Reads every column of every file on its own; the files that fail are the damaged ones. */
async function unreadableFiles(engine: Engine, parts: SourcePart[], signal?: AbortSignal) {
  const problems: CurLensError[] = []
  for (const part of parts) {
    try {
      await engine.query(
        'SELECT count(COLUMNS(*)) FROM read_parquet($file)',
        { file: part.readPath },
        { signal },
      )
    } catch (e) {
      if (signal?.aborted) throw e
      problems.push(corrupt(part.file, e))
    }
  }
  return problems
}

function corrupt(file: string, e: unknown): CurLensError {
  const detail = e instanceof Error ? e.message : String(e)
  return new CurLensError('FILE_CORRUPT', messages.parquetCorrupt(file, detail), { file, cause: e })
}

async function dropViews(engine: Engine) {
  for (const statement of [
    'DROP VIEW IF EXISTS cur',
    'DROP VIEW IF EXISTS cur_rollup',
    'DROP MACRO IF EXISTS cur_tags_of',
    'DROP MACRO IF EXISTS cur_merge_tags',
    'DROP VIEW IF EXISTS cur_staged',
    'DROP VIEW IF EXISTS cur_raw',
    'DROP TABLE IF EXISTS cur_product_names',
    'DROP TABLE IF EXISTS cur_totals',
  ]) {
    await engine.query(statement)
  }
}
