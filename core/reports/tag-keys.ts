// The tag keys an export has, as the Tags screen and `cur-lens tags` list them: the key as stored,
// the label a user knows, its source, and the unblended cost of the rows that carry it (covered
// cost) with its share of the total. Read from the groups of tag sets, so a few hundred merges.
import { TAG_SOURCES } from '../api-values.js'
import type { TagKeyInfo, TagKeysResult } from '../api.js'
import type { AttributedRows } from '../rows/attributed-rows.js'
import { tagLabel, tagSource } from '../rows/tag-names.js'

type TagSource = TagKeyInfo['source']
type KeyRow = { key: string | null; covered_cost: string }

export async function tagKeys(rows: AttributedRows, signal?: AbortSignal): Promise<TagKeysResult> {
  const result = await rows.read<KeyRow>(
    { columns: [{ name: 'tags', read: { column: 'tags' } }], metrics: ['unblended'] },
    (groups) => `WITH g AS (${groups})
SELECT NULL AS key, CAST(COALESCE(SUM(unblended), 0) AS DECIMAL(38, 10)) AS covered_cost FROM g
UNION ALL
SELECT key, CAST(SUM(unblended) AS DECIMAL(38, 10))
FROM (SELECT unnest(map_keys(tags)) AS key, unblended FROM g)
GROUP BY key`,
    {},
    { signal },
  )
  const totalCost = result.find((r) => r.key === null)?.covered_cost ?? '0.0000000000'
  const infos: TagKeyInfo[] = result
    .filter((r): r is { key: string; covered_cost: string } => r.key !== null)
    .map((row) => ({
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
