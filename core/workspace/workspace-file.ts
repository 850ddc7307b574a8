// The workspace file a user saves: versioned JSON (sources, mapping rules, saved views), written
// atomically. Loading validates everything and names what is wrong; a file from a newer CUR Lens
// (a higher version) is refused rather than half-read. Unknown fields are dropped.
import type { BreakdownQuery, Workspace } from '../api.js'
import { METRICS } from '../api-values.js'
import { validateRules } from '../chargeback/rules.js'
import { CurLensError } from '../errors/curlens-error.js'
import { readJsonFile, writeJsonFile } from './json-file.js'

export async function saveWorkspace(path: string, workspace: Workspace): Promise<void> {
  const { value, errors } = validateWorkspace(workspace)
  if (!value) throw invalid(`The workspace cannot be saved:\n- ${errors.join('\n- ')}`, path)
  await writeJsonFile(path, value)
}

export async function loadWorkspace(path: string): Promise<Workspace> {
  return assertWorkspace(await readJsonFile(path, 'INVALID_WORKSPACE'), path)
}

/** The workspace `input` holds, or INVALID_WORKSPACE listing every problem with `path` named. */
export function assertWorkspace(input: unknown, path: string): Workspace {
  const { value, errors } = validateWorkspace(input)
  if (!value)
    throw invalid(`${path} is not a valid CUR Lens workspace:\n- ${errors.join('\n- ')}`, path)
  return value
}

export function validateWorkspace(input: unknown): { value?: Workspace; errors: string[] } {
  if (!isObject(input))
    return { errors: ['A workspace is a JSON object with "version" and "sources".'] }
  if (typeof input.version === 'number' && input.version > 1) {
    return {
      errors: [
        `It was saved by a newer CUR Lens (workspace format version ${input.version}); this version reads version 1. Update CUR Lens to open it.`,
      ],
    }
  }
  const errors: string[] = []
  if (input.version !== 1) errors.push('"version" must be 1.')
  const sources = input.sources
  if (!Array.isArray(sources) || sources.some((s) => typeof s !== 'string' || s === '')) {
    errors.push('"sources" must be a list of file or folder paths.')
  }
  const workspace: Workspace = { version: 1, sources: Array.isArray(sources) ? [...sources] : [] }
  if (input.rules !== undefined) {
    const rules = validateRules(input.rules)
    errors.push(...rules.errors.map((e) => `rules: ${e}`))
    if (rules.value) workspace.rules = rules.value
  }
  if (input.savedViews !== undefined) {
    if (!Array.isArray(input.savedViews)) errors.push('"savedViews" must be a list.')
    else workspace.savedViews = input.savedViews.map((v, i) => savedView(v, i, errors))
  }
  return errors.length ? { errors } : { value: workspace, errors }
}

function savedView(
  raw: unknown,
  index: number,
  errors: string[],
): { name: string; query: BreakdownQuery } {
  const at = `Saved view ${index + 1}`
  const view = isObject(raw) ? raw : {}
  const name = typeof view.name === 'string' ? view.name : ''
  if (name.trim() === '') errors.push(`${at}: "name" must be a non-empty text.`)
  const query = isObject(view.query) ? view.query : undefined
  if (!query) {
    errors.push(`${at} ("${name}"): "query" must be an object.`)
    return { name, query: { dimensions: [], metric: 'unblended' } }
  }
  const dims = query.dimensions
  if (
    !Array.isArray(dims) ||
    dims.length < 1 ||
    dims.length > 3 ||
    dims.some((d) => typeof d !== 'string')
  ) {
    errors.push(`${at} ("${name}"): "query.dimensions" must list one to three dimensions.`)
  }
  if (!(METRICS as readonly unknown[]).includes(query.metric)) {
    errors.push(`${at} ("${name}"): "query.metric" must be one of ${METRICS.join(', ')}.`)
  }
  if (
    query.filters !== undefined &&
    !(Array.isArray(query.filters) && query.filters.every(isFilter))
  ) {
    errors.push(`${at} ("${name}"): "query.filters" must be a list of {dimension, values}.`)
  }
  if (query.topN !== undefined && !(Number.isInteger(query.topN) && (query.topN as number) > 0)) {
    errors.push(`${at} ("${name}"): "query.topN" must be a positive whole number.`)
  }
  if (
    query.timeGrain !== undefined &&
    !['month', 'week', 'day'].includes(query.timeGrain as string)
  ) {
    errors.push(`${at} ("${name}"): "query.timeGrain" must be "month", "week" or "day".`)
  }
  return { name, query: query as unknown as BreakdownQuery }
}

function isFilter(f: unknown): boolean {
  return (
    isObject(f) &&
    typeof f.dimension === 'string' &&
    Array.isArray(f.values) &&
    f.values.every((v) => v === null || typeof v === 'string') &&
    (f.exclude === undefined || typeof f.exclude === 'boolean')
  )
}

function invalid(message: string, file: string): CurLensError {
  return new CurLensError('INVALID_WORKSPACE', message, { file })
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
