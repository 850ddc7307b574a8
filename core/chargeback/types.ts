// Chargeback contract: who pays (mapping rules), what happens to shared cost, and the statements
// that result. Plain JSON so it crosses the API and is saved in workspaces as is.
import type { Basis, Dimension, Money } from '../api.js'

/** How a rule recognizes a line item. `pattern` uses `*` as a wildcard; matching is case-sensitive. */
export type RuleMatch =
  | { kind: 'principal'; pattern: string }
  | { kind: 'role'; pattern: string }
  | { kind: 'person'; pattern: string }
  | { kind: 'account'; pattern: string }
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

export type SharedBucket = 'unmatched' | 'shared-roles' | 'tax' | 'fees' | 'credits'

export type SharedTreatment =
  | { method: 'keep' }
  | { method: 'proportional' }
  | { method: 'even' }
  | { method: 'fixed'; percentages: Record<string, number> }

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
}

export interface StatementLine {
  service: string
  model: string | null
  principal: string | null
  amount: Money
}

export interface Statement {
  recipient: string
  period: string
  basis: Basis
  lines: StatementLine[]
  direct: Money
  shared: Money
  total: Money
}

export interface Allocation {
  bucket: SharedBucket
  treatment: SharedTreatment
  amount: Money
  /** The rule in words, printed with the result. */
  description: string
}

export interface ChargebackResult {
  period: string
  basis: Basis
  statements: Statement[]
  allocations: Allocation[]
  unallocated: Money
  billTotal: Money
  reconciles: boolean
}

export interface ExportRequest extends ChargebackRequest {
  outDir: string
  perRecipient?: boolean
}

export interface ExportResult {
  files: string[]
}

export interface RuleCoverage {
  ruleId: string
  recipient: string
  matchedCost: Money
  rows: number
}

export interface RulesCoverage {
  rules: RuleCoverage[]
  unmatched: Money
  total: Money
}
