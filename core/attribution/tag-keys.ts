// Tag keys as users know them. Keys in the normalized `tags` map carry their source as a prefix
// (`iamPrincipal/team`, `resourceTags/user:Project`); the label drops it and the `user:` marker.
// `tag:<label>` in a query resolves to the one stored key with that label, and is refused when
// several sources share it. Covered cost = unblended cost of the rows that carry the key.
import type { Dimension, Filter, TagKeyInfo, TagKeysResult } from '../api.js'
import type { Engine } from '../engine/duckdb.js'
import { CurLensError } from '../errors/curlens-error.js'
import type { Dataset } from '../sources/dataset.js'
import { currentRowSource } from './attribution-cache.js'
import { TAG_PREFIX, type RowSource } from './dimensions.js'
import { tagSetsSwitched } from './tag-sets-switch.js'

type TagSource = TagKeyInfo['source']

/** Source prefixes in the order tag keys are listed. */
export const TAG_SOURCES: readonly Exclude<TagSource, 'other'>[] = [
  'iamPrincipal',
  'resourceTags',
  'accountTag',
  'userAttribute',
  'costCategory',
]

export function tagSource(key: string): TagSource {
  const slash = key.indexOf('/')
  const prefix = slash > 0 ? key.slice(0, slash) : ''
  return (TAG_SOURCES as readonly string[]).includes(prefix) ? (prefix as TagSource) : 'other'
}

export function tagLabel(key: string): string {
  const bare = tagSource(key) === 'other' ? key : key.slice(key.indexOf('/') + 1)
  return bare.startsWith('user:') && bare.length > 'user:'.length
    ? bare.slice('user:'.length)
    : bare
}

/**
 * The stored key a `tag:` dimension names: a present key as is; otherwise the one key whose label
 * it is. An unknown key stays as given (every row then falls in the untagged group).
 */
export function resolveTagKey(name: string, presentKeys: readonly string[]): string {
  if (presentKeys.includes(name)) return name
  const matches = presentKeys.filter((key) => tagLabel(key) === name)
  if (matches.length > 1) {
    throw new CurLensError(
      'INVALID_QUERY',
      `tag:${name} is ambiguous; choose one of ${matches.map((k) => `tag:${k}`).join(', ')}.`,
    )
  }
  return matches[0] ?? name
}

/** Whether a tag name already names its source, so it needs no lookup. */
export function hasSourcePrefix(name: string): boolean {
  return tagSource(name) !== 'other'
}

type KeyRow = {
  key: string
  covered_cost: string
}

const LIVE_COVERED_COST = `SELECT key, CAST(SUM(unblended) AS DECIMAL(38, 10)) AS covered_cost
FROM (SELECT unnest(map_keys(tags)) AS key, unblended FROM attribution_rows_unjoined_tagged)
GROUP BY key`

async function keysWithCost(
  engine: Engine,
  source: RowSource,
): Promise<{ keys: KeyRow[]; total: string }> {
  if (source.kind === 'cache') {
    const [keys, [state]] = await Promise.all([
      engine.query<KeyRow>('SELECT key, covered_cost FROM attribution_tag_keys'),
      engine.query<{ total: string }>(
        `SELECT CAST(COALESCE(total_unblended, 0) AS DECIMAL(38, 10)) AS total
         FROM attribution_cache_state`,
      ),
    ])
    return { keys, total: state.total }
  }
  const [keys, [sum]] = await Promise.all([
    engine.query<KeyRow>(LIVE_COVERED_COST),
    engine.query<{ total: string }>(
      `SELECT CAST(COALESCE(SUM(unblended), 0) AS DECIMAL(38, 10)) AS total
       FROM attribution_rows_unjoined`,
    ),
  ])
  return { keys, total: sum.total }
}

export async function presentTagKeys(engine: Engine, source: RowSource): Promise<string[]> {
  const sql =
    source.kind === 'cache'
      ? 'SELECT key FROM attribution_tag_keys'
      : 'SELECT DISTINCT unnest(map_keys(tags)) AS key FROM attribution_rows_unjoined_tagged'
  return (await engine.query<{ key: string }>(sql)).map((r) => r.key)
}

export async function tagKeys(dataset: Dataset): Promise<TagKeysResult> {
  const source = await currentRowSource(dataset.engine)
  if (source.kind === 'live') await tagSetsSwitched(dataset)
  const { keys, total: totalCost } = await keysWithCost(dataset.engine, source)
  const order = (s: TagSource) => (s === 'other' ? TAG_SOURCES.length : TAG_SOURCES.indexOf(s))
  const infos: TagKeyInfo[] = keys.map((row) => ({
    key: row.key,
    label: tagLabel(row.key),
    source: tagSource(row.key),
    coveredCost: row.covered_cost,
    // A share is a ratio for display, not money; a zero total (credits cancel usage) gives 0.
    share: Number(totalCost) === 0 ? 0 : Number(row.covered_cost) / Number(totalCost),
  }))
  infos.sort(
    (a, b) =>
      order(a.source) - order(b.source) ||
      Number(b.coveredCost) - Number(a.coveredCost) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  )
  return { keys: infos, totalCost }
}

/** The query with every `tag:<label>` replaced by the stored key it names. */
export async function resolveTagNames<Q extends { dimensions?: Dimension[]; filters?: Filter[] }>(
  engine: Engine,
  query: Q,
  source: RowSource,
): Promise<Q> {
  const filters = Array.isArray(query.filters) ? query.filters : []
  const names = [...(query.dimensions ?? []), ...filters.map((f) => f?.dimension)]
  if (!names.some(isLabelTag)) return query
  const present = await presentTagKeys(engine, source)
  const resolve = (d: Dimension): Dimension =>
    isLabelTag(d) ? `tag:${resolveTagKey(d.slice(TAG_PREFIX.length), present)}` : d
  return {
    ...query,
    ...(query.dimensions ? { dimensions: query.dimensions.map(resolve) } : {}),
    ...(query.filters
      ? { filters: filters.map((f) => f && { ...f, dimension: resolve(f.dimension) }) }
      : {}),
  }
}

/** `tag:team` (a label) as opposed to `tag:iamPrincipal/team` (a stored key). */
function isLabelTag(d: unknown): d is Dimension {
  return (
    typeof d === 'string' &&
    d.startsWith(TAG_PREFIX) &&
    !hasSourcePrefix(d.slice(TAG_PREFIX.length))
  )
}
