// Public face of the SQL console: read-only SELECTs over the documented views (the statement
// check, then DuckDB's own statement type as it prepares), a page at a time or as Excel-safe CSV,
// and the schema the views have in the open export.
export { runSql } from './run-sql.js'
export { sqlCsv } from './sql-csv.js'
export { sqlSchema } from './schema.js'
