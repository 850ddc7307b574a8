// The one typed API every front end speaks (CLI, Electron IPC, local web mode). Type-only: every
// method is async and takes and returns plain JSON, so one generic bridge can carry it over IPC or
// HTTP. Money crosses as decimal strings (DuckDB DECIMAL), formatted only at the edge.
// One API instance holds at most one open dataset: opening new sources replaces it.

/** A decimal amount as a string, e.g. "-1.2500000000". Never summed in JavaScript. */
export type Money = string

import type { BASES, COST_METRICS, METRICS, TAG_SOURCES } from './api-values.js'

export type SourceFormat = 'cur2-parquet' | 'cur2-csv' | 'cur1-csv' | 'cur1-parquet' | 'focus'

export type CostMetric = (typeof COST_METRICS)[number]
export type Metric = (typeof METRICS)[number]
export type Basis = (typeof BASES)[number]

/** `principal` is the full ARN; `person`, `role` and `account` are its roll-ups. */
export type FlatDimension =
  | 'principal'
  | 'person'
  | 'role'
  | 'account'
  | 'model'
  | 'provider'
  | 'token-type'
  | 'service'
  | 'region'
  | 'usage-type'
  | 'operation'
  | 'line-item-type'
  | 'month'
  | 'day'
export type Dimension = FlatDimension | `tag:${string}`

/** A group value; `null` is the no-principal, untagged or unknown group. */
export type GroupValue = string | null

export interface Filter {
  dimension: Dimension
  /** Keep rows whose value is any of these. */
  values: GroupValue[]
  /** Keep rows whose value is none of these instead. */
  exclude?: boolean
}

export interface SourceFileInfo {
  path: string
  format: SourceFormat
  rows: number
  bytes: number
}

export interface FileProblem {
  file: string
  code: string
  message: string
}

export interface OpenRequest {
  paths: string[]
  /** Chosen by the caller so that it can `cancel(jobId)` and match progress events. */
  jobId?: string
}

export interface OpenResult {
  format: SourceFormat
  files: SourceFileInfo[]
  rows: number
  billingPeriods: string[]
  currency: string
  /** Whether the principal column exists in these files (false for legacy formats and FOCUS). */
  hasPrincipal: boolean
  /** Files that were skipped, each with the reason; the rest loaded. */
  problems: FileProblem[]
}

/** The export open in the engine, and what was asked to open it. */
export interface OpenDataset {
  info: OpenResult
  paths: string[]
}

export interface LineItemTypeTotal {
  lineItemType: string
  rows: number
  unblended: Money
  net: Money
  amortized: Money
  ondemand: Money
}

export interface SummaryResult {
  format: SourceFormat
  rows: number
  billingPeriods: string[]
  currency: string
  totals: { unblended: Money; net: Money; amortized: Money; ondemand: Money }
  byLineItemType: LineItemTypeTotal[]
  byMonth: { period: string; unblended: Money; amortized: Money }[]
  byService: { service: string; unblended: Money; amortized: Money }[]
  /** The source files' own sum of unblended cost, read straight from them, and whether the view matches it. */
  reconciliation: { sourceUnblended: Money; viewUnblended: Money; matches: boolean }
}

export interface BreakdownQuery {
  /** One to three dimensions. */
  dimensions: Dimension[]
  metric: Metric
  filters?: Filter[]
  /** Keep the top N groups of the first dimension by metric; the rest become one `(other)` group. */
  topN?: number
  /** Adds a time column: the result becomes a series by month or day. */
  timeGrain?: 'month' | 'day'
  /** Chosen by the caller so that a newer request can `cancel(jobId)` this one. */
  jobId?: string
}

export interface BreakdownRow {
  /** One value per dimension, in the query's order. */
  keys: GroupValue[]
  /** Period (YYYY-MM or YYYY-MM-DD) when the query has a timeGrain. */
  period?: string
  value: Money
  /** True for the `(other)` row that gathers groups outside the top N. */
  other?: boolean
}

export interface BreakdownResult {
  dimensions: Dimension[]
  metric: Metric
  rows: BreakdownRow[]
  /** Total of the metric over the filtered rows; equals the sum of `rows`. */
  total: Money
}

export interface TokenUnitCostQuery {
  /** Default: ['model']. */
  dimensions?: Dimension[]
  filters?: Filter[]
  /** Default: 'unblended'. */
  basis?: CostMetric
}

export interface TokenUnitCost {
  keys: GroupValue[]
  tokens: Money
  cost: Money
  /** cost × 1,000,000 / tokens over the rows that count tokens; null when the group has none. */
  costPerMillionTokens: Money | null
}

export interface TagKeyInfo {
  /** The key as stored in the normalized tag map, e.g. `iamPrincipal/team`, `resourceTags/user:Project`. */
  key: string
  /** The key as the user knows it, e.g. `team`, `Project`. */
  label: string
  source: (typeof TAG_SOURCES)[number] | 'other'
  /** Unblended cost of rows that carry the key, and its share of the total (0..1). */
  coveredCost: Money
  share: number
}

export interface TagKeysResult {
  keys: TagKeyInfo[]
  totalCost: Money
}

export interface LineItemsQuery {
  filters?: Filter[]
  page: number
  pageSize: number
}

export interface LineItemsResult {
  columns: string[]
  rows: Record<string, string | number | null>[]
  totalRows: number
}

/** A JSON value of a SQL result cell: DECIMAL, BIGINT and HUGEINT as decimal strings, MAP as key-value pairs. */
export type SqlCell = string | number | boolean | null | SqlCell[] | { [key: string]: SqlCell }

/** SQL text for the console: one SELECT over the documented views (see `sqlSchema`). */
export interface SqlRequest {
  sql: string
  /** 0-based; each page runs the query again and skips the pages before it. */
  page?: number
  /** Rows per page; default and bounds in SQL_LIMITS. */
  pageSize?: number
  /** The query is stopped after this many seconds; default and bound in SQL_LIMITS. */
  timeoutSeconds?: number
  /** Chosen by the caller so that it can `cancel(jobId)`. */
  jobId?: string
}

export interface SqlColumn {
  name: string
  /** DuckDB's type, e.g. `DECIMAL(18,10)`, `VARCHAR`, `MAP(VARCHAR, VARCHAR)`. */
  type: string
}

export interface SqlResult {
  columns: SqlColumn[]
  /** One array per row, one value per column. */
  rows: SqlCell[][]
  page: number
  pageSize: number
  /** Every row of the result, when the rest of it could be counted within a second; else absent. */
  totalRows?: number
  /** True when more rows follow this page. */
  truncated: boolean
  /** Whether the query orders its rows (ORDER BY); without it, pages may overlap between runs. */
  ordered: boolean
}

export interface SqlCsvRequest {
  sql: string
  /** Rows to write at most; default and bound: SQL_LIMITS.maxRows. */
  limit?: number
  timeoutSeconds?: number
  jobId?: string
}

/** A query's rows as Excel-safe CSV (the chargeback CSV rules), for the caller to save. */
export interface SqlCsvResult {
  csv: string
  rows: number
  /** True when the result had more rows than the limit. */
  truncated: boolean
}

export interface SqlViewColumn {
  name: string
  type: string
  meaning: string
}

/** A view the SQL console reads, with its columns as DuckDB types them. */
export interface SqlView {
  name: string
  description: string
  columns: SqlViewColumn[]
}

export interface SqlSchema {
  views: SqlView[]
}

export interface ProgressEvent {
  jobId: string
  phase: 'reading' | 'checking' | 'converting' | 'indexing' | 'exporting'
  file?: string
  /** 0..100, or -1 when unknown. */
  percentage: number
  rowsProcessed?: number
}

/** A menu command from the desktop shell, for the renderer to act on. */
export interface MenuCommandEvent {
  command: 'open-files' | 'open-folder' | 'open-recent' | 'export' | 'about'
  paths?: string[]
}

export interface ApiEvents {
  onDidProgress: ProgressEvent
  onDidMenuCommand: MenuCommandEvent
}

/** Chargeback types live with the chargeback module; re-exported here for front ends. */
export type {
  ChargebackRequest,
  ChargebackResult,
  ExportRequest,
  ExportResult,
  MappingRules,
  RulesCoverage,
} from './chargeback/types.js'
import type {
  ChargebackRequest,
  ChargebackResult,
  ExportRequest,
  ExportResult,
  MappingRules,
  RulesCoverage,
} from './chargeback/types.js'

export interface Workspace {
  version: 1
  sources: string[]
  rules?: MappingRules
  savedViews?: { name: string; query: BreakdownQuery }[]
}

/** Mapping rules read from a file, and the sources it was saved for when it is a workspace. */
export interface LoadedRules {
  rules: MappingRules
  savedFor: string[] | null
}

export interface CurLensApi {
  /** Detects formats, checks and loads the files, and builds the normalized view. Long: reports progress. */
  openSources(request: OpenRequest): Promise<OpenResult>
  /** Cancels a running job; the engine stays usable. */
  cancel(jobId: string): Promise<void>
  /** The export already open (e.g. by `cur-lens serve <path>` before this window), or null. */
  currentDataset(): Promise<OpenDataset | null>
  summary(): Promise<SummaryResult>
  breakdown(query: BreakdownQuery): Promise<BreakdownResult>
  /** Tokens, their cost and the cost per million tokens, by model (or other dimensions). */
  tokenUnitCosts(query: TokenUnitCostQuery): Promise<TokenUnitCost[]>
  tagKeys(): Promise<TagKeysResult>
  lineItems(query: LineItemsQuery): Promise<LineItemsResult>
  checkRules(rules: MappingRules, basis: Basis, period?: string): Promise<RulesCoverage>
  chargeback(request: ChargebackRequest): Promise<ChargebackResult>
  exportChargeback(request: ExportRequest): Promise<ExportResult>
  saveWorkspace(path: string, workspace: Workspace): Promise<void>
  loadWorkspace(path: string): Promise<Workspace>
  /** The mapping rules of a rules file (as `cur-lens export --rules` reads it) or of a workspace. */
  loadRules(path: string): Promise<LoadedRules>
  /** Paths of the bundled demo export. */
  demoPaths(): Promise<string[]>
  /** One page of a read-only SELECT over the documented views; anything else is INVALID_QUERY. */
  runSql(request: SqlRequest): Promise<SqlResult>
  /** The rows of such a SELECT as Excel-safe CSV text, up to a limit. */
  sqlCsv(request: SqlCsvRequest): Promise<SqlCsvResult>
  /** The views the SQL console reads, with each column's type and meaning. */
  sqlSchema(): Promise<SqlSchema>
}

/**
 * What only the desktop shell offers (native dialogs, recent files, versions). Electron main serves
 * these beside CurLensApi on the same bridge; in local web mode they are absent.
 */
export interface DesktopApi {
  /** Native open dialog; empty when the user cancels. */
  chooseSources(kind: 'files' | 'folder'): Promise<string[]>
  /** Native folder picker for exports; null when the user cancels. */
  chooseExportFolder(): Promise<string | null>
  recentSources(): Promise<string[][]>
  appInfo(): Promise<{
    version: string
    electron: string
    chrome: string
    node: string
    duckdb: string
  }>
}
