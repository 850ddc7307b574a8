// Tag keys as users know them. Keys in the normalized `tags` map carry their source as a prefix
// (`iamPrincipal/team`, `resourceTags/user:Project`); the label drops it and the `user:` marker.
// `tag:<label>` in a query resolves to the one stored key with that label, and is refused when
// several sources share it; a key the export does not have is refused too, naming the closest ones
// it has, rather than grouping every row as untagged. Covered cost = unblended cost of the rows that
// carry the key.
import { TAG_SOURCES } from '../api-values.js'
import type { Dimension, Filter, TagKeyInfo, TagKeysResult } from '../api.js'
import type { Engine } from '../engine/duckdb.js'
import { CurLensError } from '../errors/curlens-error.js'
import type { Dataset } from '../sources/dataset.js'
import { TAG_SETS_TABLE } from './tag-sets.js'
import { currentRowSource } from './cache-state.js'
import { TAG_PREFIX, type RowSource } from './dimensions.js'
import { editDistance } from './edit-distance.js'
import { tagSetsSwitched } from './tag-sets-switch.js'

type TagSource = TagKeyInfo['source']

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
 * it is. A name that is neither is refused, with the closest keys the export has.
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
  if (matches.length === 1) return matches[0]
  const closest = closestTagKeys(name, presentKeys)
  throw new CurLensError(
    'INVALID_QUERY',
    closest.length === 0
      ? `The export has no tag ${name}: it has no tags at all.`
      : `The export has no tag ${name}. Closest: ${closest.map((k) => `tag:${k}`).join(', ')}.`,
  )
}

const MAX_CLOSEST_KEYS = 3

/** Lower case, letters and digits only: `CostCenter`, `cost_center` and `cost-center` fold alike. */
function fold(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
}

/**
 * The present keys nearest to `name`, folded: by edit distance between labels, then between whole
 * keys (the same label under the source asked for comes first), then by key.
 */
export function closestTagKeys(name: string, presentKeys: readonly string[]): string[] {
  const label = fold(tagLabel(name))
  const whole = fold(name)
  return presentKeys
    .map((key) => ({
      key,
      labelDistance: editDistance(label, fold(tagLabel(key))),
      keyDistance: editDistance(whole, fold(key)),
    }))
    .sort(
      (a, b) =>
        a.labelDistance - b.labelDistance ||
        a.keyDistance - b.keyDistance ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    )
    .slice(0, MAX_CLOSEST_KEYS)
    .map((c) => c.key)
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

/**
 * The keys the export has: the cache's key table once it is ready, else the distinct tag sets (one
 * map per combination of tags, a few hundred at most), read row by row only while they are not built.
 */
export async function presentTagKeys(engine: Engine, source: RowSource): Promise<string[]> {
  let sql = 'SELECT key FROM attribution_tag_keys'
  if (source.kind === 'live') {
    const [tagSets] = await engine.query<{ built: boolean }>(
      'SELECT count(*) > 0 AS built FROM duckdb_tables() WHERE table_name = $name',
      { name: TAG_SETS_TABLE },
    )
    const relation = tagSets.built ? TAG_SETS_TABLE : 'attribution_rows_tagged'
    sql = `SELECT DISTINCT unnest(map_keys(tags)) AS key FROM ${relation}`
  }
  return (await engine.query<{ key: string }>(sql)).map((r) => r.key)
}

export async function tagKeys(dataset: Dataset): Promise<TagKeysResult> {
  const source = await currentRowSource(dataset.engine)
  if (source.kind === 'live') await tagSetsSwitched(dataset)
  const { keys, total: totalCost } = await keysWithCost(dataset.engine, source)
  const infos: TagKeyInfo[] = keys.map((row) => ({
    key: row.key,
    label: tagLabel(row.key),
    source: tagSource(row.key),
    coveredCost: row.covered_cost,
    // A share is a ratio for display, not money; a zero total (credits cancel usage) gives 0.
    share: Number(totalCost) === 0 ? 0 : Number(row.covered_cost) / Number(totalCost),
  }))
  return { keys: orderTagKeys(infos), totalCost }
}

/**
 * The query with every `tag:<label>` replaced by the stored key it names; a tag the export does not
 * have is refused (resolveTagKey).
 */
export async function resolveTagNames<Q extends { dimensions?: Dimension[]; filters?: Filter[] }>(
  engine: Engine,
  query: Q,
  source: RowSource,
): Promise<Q> {
  const filters = Array.isArray(query.filters) ? query.filters : []
  const names = [...(query.dimensions ?? []), ...filters.map((f) => f?.dimension)]
  if (!names.some(isTag)) return query
  const present = await presentTagKeys(engine, source)
  const resolve = (d: Dimension): Dimension =>
    isTag(d) ? `tag:${resolveTagKey(d.slice(TAG_PREFIX.length), present)}` : d
  return {
    ...query,
    ...(query.dimensions ? { dimensions: query.dimensions.map(resolve) } : {}),
    ...(query.filters
      ? { filters: filters.map((f) => f && { ...f, dimension: resolve(f.dimension) }) }
      : {}),
  }
}

/** `tag:<key or label>`; a blank key is left for the dimension checks to refuse. */
function isTag(d: unknown): d is Dimension {
  return (
    typeof d === 'string' && d.startsWith(TAG_PREFIX) && d.slice(TAG_PREFIX.length).trim() !== ''
  )
}

/**
 * Tag keys as the Tags screen and `cur-lens tags` list them: by source, then by share of the total,
 * widest first (when credits make the total negative, the largest cost has the smallest share).
 */
export function orderTagKeys(infos: readonly TagKeyInfo[]): TagKeyInfo[] {
  const order = (s: TagSource) => (s === 'other' ? TAG_SOURCES.length : TAG_SOURCES.indexOf(s))
  return [...infos].sort(
    (a, b) =>
      order(a.source) - order(b.source) ||
      b.share - a.share ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  )
}
