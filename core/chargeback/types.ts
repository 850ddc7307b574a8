// Chargeback contract: who pays (mapping rules), what happens to shared cost, and the statements
// that result. Plain JSON so it crosses the API and is saved in workspaces as is.
import type { Basis, Dimension, Filter, Money } from '../api.js'
import type { LINE_DETAILS, MATCH_KINDS, SHARED_BUCKETS } from '../api-values.js'

/**
 * How a rule recognizes a line item. `pattern` uses `*` as a wildcard; matching is case-sensitive.
 * `principal` is the full ARN, `role` and `person` its roll-ups, `account` the usage account id,
 * `tag` a key of the normalized tag map (e.g. `iamPrincipal/team`, `resourceTags/user:Project`).
 */
export type RuleMatch =
  | { kind: Exclude<(typeof MATCH_KINDS)[number], 'tag'>; pattern: string }
  | { kind: 'tag'; key: string; pattern: string }

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

export type SharedBucket = (typeof SHARED_BUCKETS)[number]

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

export interface StatementLine {
  service: string
  model: string | null
  /** The principal at the request's `lineDetail` (an ARN, person, role or account), or null. */
  principal: string | null
  amount: Money
  /** Id of the mapping rule that matched these line items; absent with `by` or for shared buckets. */
  rule?: string
}

/** One shared bucket's share in a recipient's statement. */
export interface SharedShare {
  bucket: SharedBucket
  amount: Money
}

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

export interface ExportRequest extends ChargebackRequest {
  outDir: string
  perRecipient?: boolean
}

export interface ExportResult {
  files: string[]
  /** Statements an earlier export into this folder wrote for recipients this one no longer has. */
  removed: string[]
  /** The figures that were written. */
  chargeback: ChargebackResult
}

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
