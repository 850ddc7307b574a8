// Tag keys as users know them. Keys in the normalized `tags` map carry their source as a prefix
// (`iamPrincipal/team`, `resourceTags/user:Project`); the label drops it and the `user:` marker.
// `tag:<label>` in a query resolves to the one stored key with that label, and is refused when
// several sources share it; a key the export does not have is refused too, naming the closest ones
// it has, rather than grouping every row as untagged.
import { TAG_SOURCES } from '../api-values.js'
import type { Dimension, Filter, TagKeyInfo } from '../api.js'
import { CurLensError } from '../errors/curlens-error.js'
import type { AttributedRows } from './attributed-rows.js'
import { TAG_PREFIX } from './dimensions.js'
import { editDistance } from './edit-distance.js'

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

/**
 * The query with every `tag:<label>` replaced by the stored key it names; a tag the export does not
 * have is refused (resolveTagKey).
 */
export async function resolveTagNames<Q extends { dimensions?: Dimension[]; filters?: Filter[] }>(
  rows: AttributedRows,
  query: Q,
  signal?: AbortSignal,
): Promise<Q> {
  const filters = Array.isArray(query.filters) ? query.filters : []
  const names = [...(query.dimensions ?? []), ...filters.map((f) => f?.dimension)]
  if (!names.some(isTag)) return query
  const present = await rows.presentTagKeys(signal)
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
