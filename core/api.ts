// The one typed API every front end speaks (CLI, Electron IPC, local web mode). Type-only: every
// method is async and takes and returns plain JSON, so one generic bridge can carry it over IPC or
// HTTP. Money crosses as decimal strings (DuckDB DECIMAL), formatted only at the edge.
// One API instance holds at most one open dataset: opening new sources replaces it.

/** A decimal amount as a string, e.g. "-1.2500000000". Never summed in JavaScript. */
export type Money = string

import type {
  BASES,
  COST_METRICS,
  DRIFT_CAUSES,
  RECONCILE_DIMENSIONS,
  LINE_DETAILS,
  MATCH_KINDS,
  METRICS,
  SHARED_BUCKETS,
  TAG_SOURCES,
} from './api-values.js'

/** The export formats CUR Lens detects and reads. */
export type SourceFormat = 'cur2-parquet' | 'cur2-csv' | 'cur1-csv' | 'cur1-parquet' | 'focus'

/** A money metric: unblended, net unblended, amortized or on-demand cost. */
export type CostMetric = (typeof COST_METRICS)[number]
/** What a breakdown sums: a cost metric, usage, tokens or the count of line items. */
export type Metric = (typeof METRICS)[number]
/** The cost a chargeback or rule check is computed on. */
export type Basis = (typeof BASES)[number]

/**
 * `principal` is the full ARN; `person`, `role` and `account` are its roll-ups. `user` is the person
 * refined by usage logs: Bedrock cost split among the end users the logs name (usage-logs). `week`
 * is the Monday (YYYY-MM-DD) of the ISO week the usage started in, `day` that day (UTC).
 */
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
  | 'week'
  | 'day'
  | 'user'
/** `log-tag:<key>`: a key of the usage logs' request metadata or gateway tags, e.g. `log-tag:team`. */
export type Dimension = FlatDimension | `tag:${string}` | `log-tag:${string}`

/** A group value; `null` is the no-principal, untagged or unknown group. */
export type GroupValue = string | null

/** Keeps (or with `exclude`, drops) the line items whose dimension has one of the values. */
export interface Filter {
  dimension: Dimension
  /** Keep rows whose value is any of these. */
  values: GroupValue[]
  /** Keep rows whose value is none of these instead. */
  exclude?: boolean
  /** On `day` only, with no values: keep the days from..to instead (see DateRange). */
  range?: DateRange
}

/** Usage start days (YYYY-MM-DD, UTC), both ends inclusive; an absent end is open. */
export interface DateRange {
  from?: string
  to?: string
}

/** One file an open read, with its size and rows. */
export interface SourceFileInfo {
  path: string
  format: SourceFormat
  rows: number
  bytes: number
}

/** Something wrong with one file, said in words, with what to do. */
export interface FileProblem {
  file: string
  code: string
  message: string
}

/** The files or folders to open, as one export. */
export interface OpenRequest {
  paths: string[]
  /** Chosen by the caller so that it can `cancel(jobId)` and match progress events. */
  jobId?: string
  /** False: keep nothing of this export in the persistent cache, whatever the setting says. */
  cache?: boolean
}

/** One entry of the persistent cache: what it holds, built from which files, and its size. */
export interface CacheEntryInfo {
  kind: string
  sources: string[]
  bytes: number
  /** ISO time it was last used. */
  lastUsed: string
}

/**
 * Where the open export's attributed rows stand: `kept` in the persistent cache, being built (`building`)
 * for it, `temporary` (built in the work folder only: the cache is off), or `failed` to build
 * (reads keep going to the files).
 */
export type RowsCacheState = 'kept' | 'building' | 'temporary' | 'failed'

/** What the persistent cache keeps, and where (the About box and `cur-lens cache list` show it). */
export interface CacheStatus {
  /** Whether CUR Lens may keep copies of billing data there (the user's setting). */
  enabled: boolean
  location: string
  bytes: number
  entries: CacheEntryInfo[]
}

/** What an open found: format, files, periods, rows and the problems it listed. */
export interface OpenResult {
  format: SourceFormat
  files: SourceFileInfo[]
  rows: number
  billingPeriods: string[]
  currency: string
  /**
   * Whether the principal column exists in these files: CUR 2.0's line_item_iam_principal, or the
   * FOCUS draft's PrincipalId. Legacy CUR has none.
   */
  hasPrincipal: boolean
  /**
   * Files that were skipped, each with the reason (the rest loaded), and notices about files that
   * loaded: a billing period taken from the folder or the usage dates, columns that look like tags,
   * principals or costs that nothing reads, map cells that were not JSON.
   */
  problems: FileProblem[]
}

/** The export open in the engine, and what was asked to open it. */
export interface OpenDataset {
  info: OpenResult
  paths: string[]
}

/** The totals of one line item type. */
export interface LineItemTypeTotal {
  lineItemType: string
  rows: number
  unblended: Money
  net: Money
  amortized: Money
  ondemand: Money
}

/** The bill at a glance: totals by line item type, month and service. */
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

/** A grouping of the cost by up to three dimensions, with filters. */
export interface BreakdownQuery {
  /** One to three dimensions. */
  dimensions: Dimension[]
  metric: Metric
  filters?: Filter[]
  /**
   * Keep the top N groups of the first dimension by metric; the rest become one `(other)` group.
   * N above the number of groups, or above 10,000, keeps every group.
   */
  topN?: number
  /**
   * Groups whose value is below this in absolute value (e.g. "0.01") are summed into one row, per
   * period in a series, marked `under`; the total stays the same. Not applied to the `(other)` row.
   */
  minAmount?: string
  /** Adds a time column: the result becomes a series by month, week (its Monday) or day. */
  timeGrain?: 'month' | 'week' | 'day'
  /** Chosen by the caller so that a newer request can `cancel(jobId)` this one. */
  jobId?: string
}

/** One group of a breakdown: its keys, and its value (per period when a time grain is asked). */
export interface BreakdownRow {
  /** One value per dimension, in the query's order. */
  keys: GroupValue[]
  /** Period (YYYY-MM or YYYY-MM-DD) when the query has a timeGrain. */
  period?: string
  value: Money
  /** True for the `(other)` row that gathers groups outside the top N. */
  other?: boolean
  /** On the row summing the groups below the query's minAmount (keys null): how many it sums. */
  under?: number
}

/** The groups of a breakdown, largest first, and their total. */
export interface BreakdownResult {
  dimensions: Dimension[]
  metric: Metric
  rows: BreakdownRow[]
  /** Total of the metric over the filtered rows; equals the sum of `rows`. */
  total: Money
}

/** Principals (full ARNs) or role names to label: e.g. the groups of a breakdown by either. */
export interface PrincipalLabelsRequest {
  level: 'principal' | 'role'
  values: string[]
  /** `lastSeen` over these line items only (the list's own filters). */
  filters?: Filter[]
}

/**
 * A readable name beside a principal or role ("SSO: DataScience · maria@example.com", "IAM user
 * alice", "API key …", "service role AppRole", "gateway role …"); the value stays the group.
 */
export interface PrincipalLabel {
  value: string
  label: string
  /** Latest usage start of its line items (ISO, UTC), or null when none is dated. */
  lastSeen: string | null
}

/** Cost per million Bedrock tokens, by model and optionally token type. */
export interface TokenUnitCostQuery {
  /** Default: ['model']. */
  dimensions?: Dimension[]
  filters?: Filter[]
  /** Default: 'unblended'. */
  basis?: CostMetric
}

/** Tokens, their cost and the cost per million tokens of one model (and token type). */
export interface TokenUnitCost {
  keys: GroupValue[]
  tokens: Money
  cost: Money
  /** cost × 1,000,000 / tokens over the rows that bill tokens; null when the group has none. */
  costPerMillionTokens: Money | null
  /** Pricing units assumed for rows that bill tokens without stating one (e.g. "1K tokens"); empty when none. */
  assumedUnits: string[]
}

/** How much Bedrock cost sits on models the model catalog does not know (shown under their raw names). */
export interface ModelCoverage {
  /** Unblended cost of every Amazon Bedrock line item. */
  bedrockCost: Money
  /** The part of it on models the catalog does not know. */
  unknownCost: Money
  /** Those models' names as billed, by descending cost. */
  unknownModels: string[]
}

/** One tag key as stored, with its label, source and the cost that carries it. */
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

/** Every tag key of the export, in the Tags screen's order. */
export interface TagKeysResult {
  keys: TagKeyInfo[]
  totalCost: Money
}

/** A page of the line items behind a group (the drill-down). */
export interface LineItemsQuery {
  filters?: Filter[]
  page: number
  pageSize: number
}

/** A page of line items, with the count and cost of all of them. */
export interface LineItemsResult {
  columns: string[]
  rows: Record<string, string | number | null>[]
  totalRows: number
}

/**
 * One side of a comparison: the current export or the comparison export (see `openComparison`),
 * whole or one billing period of it.
 */
export interface CompareSide {
  export: 'current' | 'comparison'
  /** YYYY-MM: only this billing period. */
  month?: string
}

/** A comparison of two sides (exports or months) by dimensions. */
export interface CompareQuery {
  /** One to three dimensions; not `user` or `log-tag:` (usage logs split only the open export). */
  by: Dimension[]
  metric: Metric
  filters?: Filter[]
  /** Default: the current export. */
  old?: CompareSide
  /** Default: the comparison export. */
  new?: CompareSide
  jobId?: string
}

/** A figure on both sides, and `change` = new − old. */
export interface CompareFigures {
  old: Money
  new: Money
  change: Money
}

/** One group of a comparison, with old, new and change. */
export interface CompareRow extends CompareFigures {
  /** One value per dimension of `by`, in its order. */
  keys: GroupValue[]
}

/** A comparison's groups, its totals per month and overall. */
export interface CompareResult {
  by: Dimension[]
  metric: Metric
  /** Every group of either side, largest absolute change first. */
  rows: CompareRow[]
  /** The totals per billing period, in order. */
  byMonth: (CompareFigures & { month: string })[]
  total: CompareFigures
}

/** The line items added, removed and changed between two sides. */
export interface CompareLinesQuery {
  /** Default: unblended. */
  metric?: CostMetric
  filters?: Filter[]
  old?: CompareSide
  new?: CompareSide
  /** Lines listed at most, largest absolute change first; default 1,000, at most 100,000. */
  limit?: number
  jobId?: string
}

/** How a line item differs between the old and the new side. */
export type LineChangeKind = 'added' | 'removed' | 'changed'

/** The line items of one match key on both sides (one each, unless the key repeats). */
export interface LineChange extends CompareFigures {
  kind: LineChangeKind
  lineItemId: string | null
  usageStart: string | null
  period: string | null
  account: string | null
  lineItemType: string | null
  service: string | null
  usageType: string | null
  operation: string | null
  resourceId: string | null
  description: string | null
  oldLines: number
  newLines: number
}

/** The changed line items, how they were matched, and the sums of each kind. */
export interface CompareLinesResult {
  /**
   * `line-item-id`: matched by line item id (CUR 2.0 identity_line_item_id, legacy CUR
   * identity/LineItemId) and usage start, when every line of both sides has one; `stable-columns`:
   * by `matchColumns` (FOCUS has no line item id).
   */
  matchedBy: 'line-item-id' | 'stable-columns'
  /** The `cur` columns matched on. */
  matchColumns: string[]
  metric: CostMetric
  /** Count and sums of each kind; added + removed + changed changes add up to the total change. */
  kinds: Record<LineChangeKind, CompareFigures & { lines: number }>
  /** Match keys found on both sides with the same amount and line count. */
  unchanged: number
  lines: LineChange[]
  /** True when more lines changed than `lines` lists. */
  truncated: boolean
}

/** Usage log files to split the open export's Bedrock cost by end user (replaces logs loaded before). */
export interface UsageLogsRequest {
  /** Files or folders: Bedrock model invocation logs, gateway logs. */
  paths: string[]
  /** The requestMetadata key that names the end user; `end_user` when absent. */
  userKey?: string
  /**
   * The role ARN a gateway calls Bedrock with, for gateway logs that do not name it (LiteLLM);
   * without it their calls match the buckets of any principal.
   */
  gatewayPrincipalArn?: string
  jobId?: string
}

/** One usage log file loaded, its format, its calls and what it left out. */
export interface UsageLogSourceInfo {
  path: string
  format: string
  /** Calls loaded from this file. */
  records: number
  /** Records read but not loaded, by why. */
  skipped: { failed: number; duplicates: number; otherAccount: number; unreadable: number }
}

/** The usage logs loaded for the open export, and how much of its Bedrock cost they split. */
export interface UsageLogsResult {
  paths: string[]
  userKey: string
  sources: UsageLogSourceInfo[]
  /** Lines or files that could not be read, and records left out (the rest loaded). */
  problems: FileProblem[]
  /** Unblended cost of Bedrock line items, and the part the logs split among end users. */
  bedrockCost: Money
  splitCost: Money
  /** splitCost / bedrockCost, 0..1; null when the export has no Bedrock cost. */
  coverage: number | null
  /** The keys `log-tag:<key>` can read (request metadata, gateway tags and teams). */
  logTagKeys: string[]
  /** The principal ARNs the logs name (a gateway's role): the cost they split. */
  principals: string[]
}

/** What a reconciliation of logs against the bill can group by. */
export type ReconcileDimension = (typeof RECONCILE_DIMENSIONS)[number]
/** A likely cause of drift between the logs and the bill that the data supports. */
export type DriftCause = (typeof DRIFT_CAUSES)[number]

/** Billed Bedrock tokens and cost against the usage logs, by group. */
export interface ReconcileRequest {
  /** Default: day and model. */
  by?: ReconcileDimension[]
  /** As a breakdown's; those on dimensions the logs lack (service, account, …) apply to the bill only. */
  filters?: Filter[]
}

/** Billed Bedrock tokens and cost of one group against what the usage logs recorded. */
export interface ReconcileRow {
  keys: GroupValue[]
  billedCost: Money
  /** Tokens as billed: usage amount scaled by the pricing unit. */
  billedTokens: string
  loggedTokens: string
  /** The logs' own cost estimate; null where no log of the group has one. */
  estimatedCost: Money | null
  /** loggedTokens / billedTokens − 1; null when nothing was billed. Calls missing from the logs read negative. */
  tokenDrift: number | null
  /** estimatedCost / billedCost − 1; null without an estimate or a billed cost. */
  costDrift: number | null
  /** Whether a drift exceeds DRIFT_THRESHOLD. */
  flagged: boolean
  /** The likely causes the data supports, for flagged groups. */
  causes: DriftCause[]
}

/** The reconciliation's groups and their total. */
export interface ReconcileResult {
  by: ReconcileDimension[]
  /** By day, then by descending billed cost. */
  rows: ReconcileRow[]
  total: ReconcileRow
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

/** A column of a SQL console result: its name and DuckDB type. */
export interface SqlColumn {
  name: string
  /** DuckDB's type, e.g. `DECIMAL(18,10)`, `VARCHAR`, `MAP(VARCHAR, VARCHAR)`. */
  type: string
}

/** A page of a SQL console query's result. */
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

/** A SQL console query's whole result (up to the row limit) as CSV. */
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

/** A column of a documented view, with its type and meaning. */
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

/** The views the SQL console may read, with their columns. */
export interface SqlSchema {
  views: SqlView[]
}

/** How far a long job has come: its phase, the share done and the file at hand. */
export interface ProgressEvent {
  jobId: string
  /**
   * `caching`: the open is done and the attributed rows are being cached in the background;
   * `splitting`: usage logs are loaded and their users' shares of the Bedrock cost worked out.
   */
  phase: 'reading' | 'checking' | 'converting' | 'indexing' | 'caching' | 'exporting' | 'splitting'
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

/** The events the API sends to its front end. */
export interface ApiEvents {
  onDidProgress: ProgressEvent
  onDidMenuCommand: MenuCommandEvent
}

// Chargeback: who pays (mapping rules), what happens to shared cost, and the statements that
// result. Plain JSON so it crosses the API and is saved in workspaces as is.

/**
 * How a rule recognizes a line item. `pattern` uses `*` as a wildcard; matching is case-sensitive.
 * `principal` is the full ARN, `role` and `person` its roll-ups, `account` the usage account id,
 * `tag` a key of the normalized tag map (e.g. `iamPrincipal/team`, `resourceTags/user:Project`).
 * `user` is the end user the usage logs name, `log-tag` a key of their request metadata or tags
 * (e.g. `team`): both split Bedrock cost by the logs' tokens.
 */
export type RuleMatch =
  | { kind: Exclude<(typeof MATCH_KINDS)[number], KeyedMatchKind>; pattern: string }
  | { kind: KeyedMatchKind; key: string; pattern: string }

/** The match kinds that name a key as well as a pattern. */
export type KeyedMatchKind = 'tag' | 'log-tag'

/** A rule that sends the line items it matches to a chargeback recipient. */
export interface MappingRule {
  id: string
  recipient: string
  match: RuleMatch
}

/** Rules in precedence order: the first rule that matches a line item wins. */
export interface MappingRules {
  version: 1
  rules: MappingRule[]
}

/** A kind of shared cost kept apart from direct cost in a chargeback. */
export type SharedBucket = (typeof SHARED_BUCKETS)[number]

/** How one shared bucket is treated: kept, spread, or split by fixed percentages. */
export type SharedTreatment =
  | { method: 'keep' }
  | { method: 'proportional' }
  | { method: 'even' }
  /** Percentages by recipient, adding up to 100 (at most 6 decimals each). */
  | { method: 'fixed'; percentages: Record<string, number> }

/**
 * Who a statement line names: the full principal ARN (as in the bill), its person or session, its
 * role or user, the usage account, or no one (lines by service and model only). Coarser levels
 * give a department head fewer, larger lines; the amounts add up the same.
 */
export type LineDetail = (typeof LINE_DETAILS)[number]

/** A chargeback: who pays what, on which basis and period, with shared costs. */
export interface ChargebackRequest {
  /** Either rules or a dimension whose values are the recipients. */
  rules?: MappingRules
  by?: Dimension
  basis: Basis
  /** YYYY-MM; all periods when absent. */
  period?: string
  shared?: Partial<Record<SharedBucket, SharedTreatment>>
  /** Role names whose cost is shared (a gateway role serving many people). */
  sharedRoles?: string[]
  /**
   * Only these line items (e.g. service = Amazon Bedrock); the bill total is then theirs.
   * Applied before recipients and shared buckets.
   */
  filters?: Filter[]
  /** Who each statement line names; `principal` (the full ARN) when absent. */
  lineDetail?: LineDetail
  /**
   * At most this many lines per statement, the largest; the others are summed in the statement's
   * `otherLines`. Every line when absent. For previews: an export always writes every line.
   */
  linesPerStatement?: number
}

/** One line of a statement: service, model and who it names, with the amount. */
export interface StatementLine {
  service: string
  model: string | null
  /** The principal at the request's `lineDetail` (an ARN, person, role or account), or null. */
  principal: string | null
  /** Its readable label (PrincipalLabel) at lineDetail principal or role, when the export knows it. */
  label?: string
  amount: Money
  /** Id of the mapping rule that matched these line items; absent with `by` or for shared buckets. */
  rule?: string
}

/** One shared bucket's share in a recipient's statement. */
export interface SharedShare {
  bucket: SharedBucket
  amount: Money
}

/** What one recipient is charged, line by line. */
export interface Statement {
  recipient: string
  /** `unallocated`: a shared bucket kept as its own line, e.g. "(tax)"; `bucket` says which. */
  kind: 'recipient' | 'unallocated'
  bucket?: SharedBucket
  period: string
  basis: Basis
  lines: StatementLine[]
  /** The lines left out under the request's `linesPerStatement`: how many, and their sum. */
  otherLines?: { count: number; amount: Money }
  direct: Money
  /** Shared cost allocated to this recipient, by bucket; sums to `shared`. */
  sharedByBucket: SharedShare[]
  shared: Money
  total: Money
}

/** Shared cost moved from a bucket to a recipient, and by which method. */
export interface Allocation {
  bucket: SharedBucket
  /** The treatment applied; `keep` when the requested one had no recipients to spread over. */
  treatment: SharedTreatment
  amount: Money
  /** The rule in words, printed with the result. */
  description: string
  /** Where the amount went: one entry per recipient, or the kept line itself. */
  shares: { recipient: string; amount: Money }[]
}

/** The statements, the allocations and the reconciliation to the bill. */
export interface ChargebackResult {
  /** YYYY-MM, or `all`. */
  period: string
  basis: Basis
  /** Who the statement lines name. */
  lineDetail: LineDetail
  /** Recipients first (largest total first), then shared buckets kept as their own lines. */
  statements: Statement[]
  allocations: Allocation[]
  /** Sum of recipient totals, and of the kept buckets; together they equal `billTotal`. */
  recipientsTotal: Money
  unallocated: Money
  /** The period's total of the basis over every line item, rounded to cents. */
  billTotal: Money
  reconciles: boolean
}

/** A chargeback written as files into a folder. */
export interface ExportRequest extends ChargebackRequest {
  outDir: string
  perRecipient?: boolean
  /** Also chargeback.xlsx: the summary, one sheet per statement, the allocations and the metadata. */
  xlsx?: boolean
}

/** The files an export wrote. */
export interface ExportResult {
  files: string[]
  /** Statements an earlier export into this folder wrote for recipients this one no longer has. */
  removed: string[]
  /** The figures that were written. */
  chargeback: ChargebackResult
}

/** A file for the caller to save (a browser download in web mode): its suggested name and bytes. */
export interface FileDownload {
  name: string
  /** The file's bytes, base64-encoded so they cross every bridge as JSON. */
  base64: string
}

/** A chargeback as one file the browser downloads (web mode). */
export interface ChargebackDownloadRequest extends ChargebackRequest {
  /** `xlsx`: the workbook; `zip`: the CSV files and the metadata, as an export writes them. */
  as: 'xlsx' | 'zip'
  /** In the zip, also one statement CSV per recipient. */
  perRecipient?: boolean
}

/** A downloaded chargeback file. */
export interface ChargebackDownload extends FileDownload {
  /** The figures in the file. */
  chargeback: ChargebackResult
}

/** The attributed line items as FOCUS 1.2 (core/chargeback/focus-export.ts says what goes where). */
export interface FocusExportRequest {
  /** Ends in .parquet or .csv, which gives the format. */
  outFile: string
  /** When given, each row's x_Recipient is the recipient of the first rule it matches. */
  rules?: MappingRules
}

/** The FOCUS file written, with its rows and totals. */
export interface FocusExportResult {
  file: string
  format: 'parquet' | 'csv'
  rows: number
  /** Sums of BilledCost (unblended) and EffectiveCost (amortized) over the rows written. */
  billedCost: Money
  effectiveCost: Money
}

/** How much cost one rule matches. */
export interface RuleCoverage {
  ruleId: string
  recipient: string
  matchedCost: Money
  rows: number
}

/** Exact sums (not rounded): matched per rule plus unmatched equals total. */
export interface RulesCoverage {
  rules: RuleCoverage[]
  unmatched: Money
  unmatchedRows: number
  total: Money
}

/** A saved workspace: the sources, the rules and the chargeback settings. */
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

/** The one API every front end uses (desktop, web mode, CLI), served by the engine process. */
export interface CurLensApi {
  /** Detects formats, checks and loads the files, and builds the normalized view. Long: reports progress. */
  openSources(request: OpenRequest): Promise<OpenResult>
  /** Cancels a running job; the engine stays usable. */
  cancel(jobId: string): Promise<void>
  /** The export already open (e.g. by `cur-lens serve <path>` before this window), or null. */
  currentDataset(): Promise<OpenDataset | null>
  /** The totals of the open export (the first answer after opening). */
  summary(): Promise<SummaryResult>
  /** The cost grouped by dimensions, largest first, with the total. */
  breakdown(query: BreakdownQuery): Promise<BreakdownResult>
  /** The same breakdown as an Excel workbook (a Breakdown and an About sheet). */
  breakdownXlsx(query: BreakdownQuery): Promise<FileDownload>
  /** Bedrock cost on models the catalog does not know; waits for the attribution lookups, as the summary does not. */
  modelCoverage(): Promise<ModelCoverage>
  /** Readable labels and last-seen times of principals or roles; waits for the complete lookups. */
  principalLabels(request: PrincipalLabelsRequest): Promise<PrincipalLabel[]>
  /** Tokens, their cost and the cost per million tokens, by model (or other dimensions). */
  tokenUnitCosts(query: TokenUnitCostQuery): Promise<TokenUnitCost[]>
  /** The tag keys of the export with their coverage. */
  tagKeys(): Promise<TagKeysResult>
  /** A page of the line items behind a group. */
  lineItems(query: LineItemsQuery): Promise<LineItemsResult>
  /** How much cost each rule matches, and what no rule matches. */
  checkRules(rules: MappingRules, basis: Basis, period?: string): Promise<RulesCoverage>
  /** The chargeback statements for a request, reconciled to the bill. */
  chargeback(request: ChargebackRequest): Promise<ChargebackResult>
  /** Writes the chargeback files into a folder, atomically. */
  exportChargeback(request: ExportRequest): Promise<ExportResult>
  /** The chargeback export as one file for the browser to save (web mode): a workbook or a zip. */
  downloadChargeback(request: ChargebackDownloadRequest): Promise<ChargebackDownload>
  /** Writes the attributed line items as FOCUS 1.2 (Parquet or CSV) with the attribution in x_ columns. */
  exportFocus(request: FocusExportRequest): Promise<FocusExportResult>
  /** Saves the sources, rules and settings to a workspace file, atomically. */
  saveWorkspace(path: string, workspace: Workspace): Promise<void>
  /** Reads a workspace file. */
  loadWorkspace(path: string): Promise<Workspace>
  /** The mapping rules of a rules file (as `cur-lens export --rules` reads it) or of a workspace. */
  loadRules(path: string): Promise<LoadedRules>
  /** The same from a file's text, as a browser uploads it (web mode); `name` names it in errors. */
  parseRules(text: string, name: string): Promise<LoadedRules>
  /** Paths of the bundled demo export. */
  demoPaths(): Promise<string[]>
  /** What the persistent cache keeps, where, and its size. */
  cacheStatus(): Promise<CacheStatus>
  /** Where the open export's attributed rows stand; with `wait`, once their build has ended. */
  rowsCache(wait: boolean): Promise<RowsCacheState>
  /** Removes everything the persistent cache keeps; returns the bytes freed. */
  clearCache(): Promise<number>
  /** Allows or forbids keeping copies of billing data in the persistent cache, for every open. */
  setCacheEnabled(enabled: boolean): Promise<void>
  /** Opens a second export to compare with the current one; opening new sources closes it. */
  openComparison(request: OpenRequest): Promise<OpenResult>
  /** The comparison export open, or null. */
  currentComparison(): Promise<OpenDataset | null>
  /** Closes the comparison export, if one is open. */
  closeComparison(): Promise<void>
  /** Old, new and change by dimensions, largest absolute change first, with totals per month. */
  compare(query: CompareQuery): Promise<CompareResult>
  /** The line items added, removed and changed between two sides, matched by line item id where present. */
  compareLines(query: CompareLinesQuery): Promise<CompareLinesResult>
  /** One page of a read-only SELECT over the documented views; anything else is INVALID_QUERY. */
  runSql(request: SqlRequest): Promise<SqlResult>
  /** The rows of such a SELECT as Excel-safe CSV text, up to a limit. */
  sqlCsv(request: SqlCsvRequest): Promise<SqlCsvResult>
  /** The views the SQL console reads, with each column's type and meaning. */
  sqlSchema(): Promise<SqlSchema>
  /** Loads usage logs and splits the open export's Bedrock cost by end user (`user`, `log-tag:`). */
  openUsageLogs(request: UsageLogsRequest): Promise<UsageLogsResult>
  /** The usage logs loaded for the open export and their coverage, or null when none are. */
  usageLogs(): Promise<UsageLogsResult | null>
  /** Billed Bedrock tokens and cost against the usage logs', by day, model, principal or user. */
  reconcile(request: ReconcileRequest): Promise<ReconcileResult>
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
  /** The exports opened lately, newest first. */
  recentSources(): Promise<string[][]>
  /** The versions of CUR Lens and of what it runs on. */
  appInfo(): Promise<{
    version: string
    electron: string
    chrome: string
    node: string
    duckdb: string
  }>
}
