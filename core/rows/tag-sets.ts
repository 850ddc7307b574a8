// One merge per distinct combination of a dataset's raw tag columns. The `cur` view merges them on
// every row (for CUR 2.0 three maps, with list lambdas: about 15 s per 10 million rows), while an
// export holds few combinations (162 in the 10-million-row bench export). `cur_tag_sets` maps a
// row's `tag_set` (the hash of its raw tag columns) to its merged `tags`, so that the queries that
// read tags join it instead (core/attribution/attribution-views.ts). Built on request, after open.
import type { Dataset } from '../sources/dataset.js'
import type { Normalization } from '../sources/normalize/normalization.js'

export const TAG_SETS_TABLE = 'cur_tag_sets'
const TAG_SET_SOURCE = 'cur_tag_set_source'

/** The view `indexTagSets` materializes: each distinct combination once, with its hash and tags. */
export function createTagSetSourceSql(normalization: Normalization): string {
  const inputs = normalization.tagInputs.join(', ')
  return `CREATE VIEW ${TAG_SET_SOURCE} AS
SELECT ${normalization.columns.tag_set} AS tag_set, ${normalization.columns.tags} AS tags
FROM (SELECT DISTINCT ${inputs} FROM cur_raw)`
}

/**
 * Builds `cur_tag_sets`. False, leaving no table, when the dataset has no raw tag columns (a `cur`
 * built by hand) or two combinations share a hash: tags are then read from `cur` row by row.
 */
export async function indexTagSets(dataset: Dataset, signal?: AbortSignal): Promise<boolean> {
  const { engine } = dataset
  const [source] = await engine.query<{ views: string }>(
    `SELECT CAST(count(*) AS VARCHAR) AS views FROM duckdb_views() WHERE view_name = $name`,
    { name: TAG_SET_SOURCE },
  )
  if (source.views === '0') return false
  await engine.query(
    `CREATE OR REPLACE TABLE ${TAG_SETS_TABLE} AS SELECT * FROM ${TAG_SET_SOURCE}`,
    {},
    { signal },
  )
  const [check] = await engine.query<{ distinct_hashes: boolean }>(
    `SELECT count(*) = count(DISTINCT tag_set) AS distinct_hashes FROM ${TAG_SETS_TABLE}`,
  )
  if (check.distinct_hashes) return true
  await engine.query(`DROP TABLE ${TAG_SETS_TABLE}`)
  return false
}
