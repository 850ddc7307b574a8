// One merge per distinct combination of a dataset's raw tag columns. Merging them on every row (for
// CUR 2.0 three maps, with list lambdas) costs about 15 s per 10 million rows, while an export
// holds few combinations (162 in the 10-million-row bench export). `cur_tag_sets` maps a row's
// `tag_set` (the hash of its raw tag columns) to its raw `tag_inputs` and merged `tags` (by the
// normalization's own `cur_tags_of` macro, core/sources). Like the other lookups it grows from the
// groups of each query; a 64-bit hash of a few thousand combinations is taken as unique.
import type { Engine } from '../engine/duckdb.js'

export const TAG_SETS_TABLE = 'cur_tag_sets'

export async function createTagSetsTable(engine: Engine): Promise<void> {
  await engine.query(
    `CREATE TABLE ${TAG_SETS_TABLE} AS
     SELECT tag_set, tag_inputs, cur_tags_of(tag_inputs) AS tags FROM cur LIMIT 0`,
  )
}

/** Adds the combinations of `relation` (columns tag_set and tag_inputs) the table lacks. */
export async function extendTagSets(
  engine: Engine,
  relation: string,
  signal?: AbortSignal,
): Promise<void> {
  await engine.query(
    `INSERT INTO ${TAG_SETS_TABLE}
     SELECT tag_set, tag_inputs, cur_tags_of(tag_inputs)
     FROM (
       SELECT tag_set, any_value(tag_inputs) AS tag_inputs FROM ${relation}
       WHERE tag_set IS NOT NULL AND tag_set NOT IN (SELECT tag_set FROM ${TAG_SETS_TABLE})
       GROUP BY tag_set
     )`,
    {},
    { signal },
  )
}
