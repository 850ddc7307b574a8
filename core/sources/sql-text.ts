// The one quoting helper of core/sources. Values are bound as parameters wherever DuckDB allows it;
// these helpers exist for the places it does not: a COPY target (our own generated path), a CREATE
// VIEW, which cannot be prepared (so the file list of the `cur` view is written into it), and the
// column names (from a file's header) that SQL selects and that a CSV read is told the types of.
// DuckDB string literals have no backslash escapes: doubling the quote is a complete escape.

/** A SQL string literal: 'it''s'. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`
}

/** A quoted SQL identifier: "lineItem/UnblendedCost". */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/** A SQL list of string literals: ['a', 'b']. */
export function sqlStringList(items: readonly string[]): string {
  return `[${items.map(sqlString).join(', ')}]`
}
