// The schema panel's contents: each documented view the open export has, with its columns as
// DuckDB types them (so the panel shows what a query will see) and their meanings from the list.
import type { SqlSchema } from '../api.js'
import type { AttributedRows } from '../rows/attributed-rows.js'
import { DOCUMENTED_VIEWS, DOCUMENTED_VIEW_NAMES } from './documented-views.js'

export async function sqlSchema(attributed: AttributedRows): Promise<SqlSchema> {
  const rows = await attributed.engine.query<{ view: string; name: string; type: string }>(
    `SELECT table_name AS view, column_name AS name, data_type AS type
FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name = 'main'
  AND list_contains($views, table_name)
ORDER BY table_name, column_index`,
    { views: [...DOCUMENTED_VIEW_NAMES] },
  )
  return {
    views: DOCUMENTED_VIEWS.flatMap((view) => {
      const meanings = new Map(view.columns.map((c) => [c.name, c.meaning]))
      const columns = rows
        .filter((row) => row.view === view.name)
        .map(({ name, type }) => ({ name, type, meaning: meanings.get(name) ?? '' }))
      return columns.length > 0 ? [{ name: view.name, description: view.description, columns }] : []
    }),
  }
}
