// What a console query may read, decided on DuckDB's own parse tree (json_serialize_sql, which
// parses and binds nothing): one SELECT whose tables are the documented views or its own CTEs, and
// whose table functions only generate rows. Files, the private work folder, internal tables, the
// catalog and functions that run SQL text are refused before DuckDB binds anything; the engine then
// checks the statement's type once more as it prepares it (Engine.streamSelect).
import type { Engine } from '../engine/duckdb.js'
import { CurLensError } from '../errors/curlens-error.js'

/** The table functions a query may call: they make rows from their arguments and read nothing. */
export const ROW_FUNCTIONS: readonly string[] = ['range', 'generate_series', 'unnest']

/** FROM items DuckDB's parser makes; the ones that name something are checked below. */
const TABLE_REFS = new Set([
  'BASE_TABLE',
  'TABLE_FUNCTION',
  'SHOW_REF',
  'SUBQUERY',
  'JOIN',
  'EXPRESSION_LIST',
  'EMPTY',
  'PIVOT',
])
/** DESCRIBE and SUMMARIZE of a view or a query; SHOW TABLES and the like list the catalog. */
const SHOW_KINDS = new Set(['DESCRIBE', 'SUMMARY'])
/** Words a SELECT may start with, which say nothing about a statement that is not one. */
const SELECT_STARTS = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'PIVOT', 'UNPIVOT'])
/** A CTE name must be a plain identifier: never a path a replacement scan could read. */
const CTE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/
/** DuckDB's parser marks a node with no place in the text with the largest idx_t. */
const NO_LOCATION = 2 ** 53

interface Parsed {
  error: boolean
  error_type?: string
  error_message?: string
  position?: string
  statements?: { node: Node }[]
}

type Node = Record<string, unknown>

interface Found {
  tables: Node[]
  ctes: string[]
}

export interface CheckedStatement {
  /** Whether the statement orders its rows (ORDER BY at the top). */
  ordered: boolean
}

/** Refuses (INVALID_QUERY) anything but one SELECT reading the views named in `views`. */
export async function checkConsoleStatement(
  engine: Engine,
  sql: string,
  views: readonly string[],
): Promise<CheckedStatement> {
  const [{ ast }] = await engine.query<{ ast: string }>(
    'SELECT json_serialize_sql($sql::VARCHAR) AS ast',
    { sql },
  )
  const parsed = JSON.parse(ast) as Parsed
  if (parsed.error) throw invalid(parseFailure(sql, parsed))
  const statements = parsed.statements ?? []
  if (statements.length === 0) throw invalid('Type a SELECT query.')
  if (statements.length > 1) {
    throw invalid(`Run one statement at a time: this text holds ${statements.length}.`)
  }
  const found: Found = { tables: [], ctes: [] }
  collect(statements[0].node, found)
  const cteNames = new Set(found.ctes.map((name) => name.toLowerCase()))
  const allowed = new Set(views.map((name) => name.toLowerCase()))
  for (const table of found.tables) checkTable(sql, table, allowed, cteNames, views)
  if (found.ctes.length > 0) await checkCteNames(engine, found.ctes, allowed)
  const modifiers = (statements[0].node.modifiers ?? []) as Node[]
  return { ordered: modifiers.some((m) => m.type === 'ORDER_MODIFIER') }
}

function parseFailure(sql: string, parsed: Parsed): string {
  if (parsed.error_type === 'not implemented') {
    // The first word only names the statement in the message; DuckDB's parser decided.
    const first = /^\s*([A-Za-z]+)/.exec(sql)?.[1]?.toUpperCase()
    const what = first && !SELECT_STARTS.has(first) ? ` (this one starts with ${first})` : ''
    return `Only a SELECT query can run here${what}: the console only reads.`
  }
  const where = locate(sql, Number(parsed.position))
  return `${parsed.error_message ?? 'The query could not be read.'}${where ? `, ${where}` : ''}.`
}

/** Every FROM item and CTE name anywhere in the statement, subqueries and expressions included. */
function collect(value: unknown, found: Found): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, found)
    return
  }
  if (typeof value !== 'object' || value === null) return
  const node = value as Node
  if (isTableRef(node)) found.tables.push(node)
  const cteMap = node.cte_map as { map?: { key: string }[] } | undefined
  for (const entry of cteMap?.map ?? []) found.ctes.push(entry.key)
  for (const child of Object.values(node)) collect(child, found)
}

/** FROM items carry an alias and a sample; query nodes carry a sample too, and their modifiers. */
function isTableRef(node: Node): boolean {
  return (
    typeof node.type === 'string' && 'alias' in node && 'sample' in node && !('modifiers' in node)
  )
}

function checkTable(
  sql: string,
  table: Node,
  views: Set<string>,
  ctes: Set<string>,
  viewNames: readonly string[],
): void {
  const where = locate(sql, Number(table.query_location))
  const at = where ? ` (${where})` : ''
  const readable = `The console reads only ${viewNames.join(', ')} and the query's own WITH tables`
  switch (table.type) {
    case 'BASE_TABLE': {
      const name = [table.catalog_name, table.schema_name, table.table_name]
        .filter((part) => typeof part === 'string' && part !== '')
        .join('.')
      const plain = String(table.table_name).toLowerCase()
      const qualified = name.toLowerCase() !== plain
      if (qualified || !(views.has(plain) || ctes.has(plain))) {
        throw invalid(`${readable}; "${name}"${at} is not one of them.`)
      }
      return
    }
    case 'TABLE_FUNCTION': {
      const fn = String((table.function as Node | undefined)?.function_name ?? '')
      if (!ROW_FUNCTIONS.includes(fn.toLowerCase())) {
        throw invalid(
          `${fn}()${at} cannot be used here. ${readable}; of the table functions only ${ROW_FUNCTIONS.join(', ')}.`,
        )
      }
      return
    }
    case 'SHOW_REF':
      if (!SHOW_KINDS.has(String(table.show_type)) || table.table_name !== '') {
        throw invalid(
          `SHOW lists the engine's internal tables${at}. The schema panel lists the views; DESCRIBE cur shows one.`,
        )
      }
      return
    default:
      if (!TABLE_REFS.has(String(table.type))) {
        throw invalid(`This kind of FROM item (${String(table.type)})${at} is not supported here.`)
      }
  }
}

/**
 * A CTE referenced outside its scope (a later CTE's name in an earlier one) is looked up in the
 * catalog instead; so a CTE may not share a name with an internal table or view.
 */
async function checkCteNames(engine: Engine, ctes: string[], views: Set<string>): Promise<void> {
  const odd = ctes.find((name) => !CTE_NAME.test(name))
  if (odd !== undefined) {
    throw invalid(`Name WITH tables with letters, digits and _ only, not "${odd}".`)
  }
  const rows = await engine.query<{ name: string }>(
    `SELECT lower(table_name) AS name FROM duckdb_tables()
UNION SELECT lower(view_name) FROM duckdb_views()`,
  )
  const taken = new Set(rows.map((r) => r.name))
  const clash = ctes.find((name) => taken.has(name.toLowerCase()) && !views.has(name.toLowerCase()))
  if (clash !== undefined) {
    throw invalid(
      `"${clash}" names one of the engine's internal tables: call the WITH table otherwise.`,
    )
  }
}

/** "line 2, column 5" for a 0-based character offset into the text, or '' when unknown. */
function locate(sql: string, offset: number): string {
  if (!Number.isInteger(offset) || offset < 0 || offset >= NO_LOCATION) return ''
  const before = sql.slice(0, offset).split('\n')
  return `at line ${before.length}, column ${before[before.length - 1].length + 1}`
}

function invalid(message: string): CurLensError {
  return new CurLensError('INVALID_QUERY', message)
}
