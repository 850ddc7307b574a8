// The chargeback settings on screen, turned into a ChargebackRequest: recipients from mapping rules
// or from one dimension (quick mode), the cost basis and period, and per bucket of shared cost
// whether it stays its own line or is spread proportionally or evenly.
import type { Basis, ChargebackRequest, Dimension } from '../../../core/api.js'
import type { MappingRule, SharedBucket, SharedTreatment } from '../../../core/chargeback/types.js'
import { toMappingRules } from './rules-editor.js'

export type SimpleTreatment = 'keep' | 'proportional' | 'even'

export const SHARED_BUCKETS: readonly SharedBucket[] = [
  'unmatched',
  'shared-roles',
  'tax',
  'fees',
  'credits',
]

export const SHARED_BUCKET_LABELS: Record<SharedBucket, string> = {
  unmatched: 'Unattributed cost',
  'shared-roles': 'Shared roles',
  tax: 'Tax',
  fees: 'Fees and support',
  credits: 'Credits and refunds',
}

export const TREATMENT_LABELS: Record<SimpleTreatment, string> = {
  keep: 'Own line',
  proportional: 'Proportional',
  even: 'Even split',
}

export interface ChargebackSettings {
  mode: 'rules' | 'by'
  rules: MappingRule[]
  by: Dimension
  basis: Basis
  /** YYYY-MM, or null for all periods. */
  period: string | null
  shared: Record<SharedBucket, SimpleTreatment>
  sharedRoles: string[]
}

export const DEFAULT_SHARED: Record<SharedBucket, SimpleTreatment> = {
  unmatched: 'keep',
  'shared-roles': 'proportional',
  tax: 'proportional',
  fees: 'proportional',
  credits: 'proportional',
}

function treatment(simple: SimpleTreatment): SharedTreatment {
  return { method: simple }
}

export function buildChargebackRequest(settings: ChargebackSettings): ChargebackRequest {
  const request: ChargebackRequest = {
    basis: settings.basis,
    shared: Object.fromEntries(
      SHARED_BUCKETS.map((bucket) => [bucket, treatment(settings.shared[bucket])]),
    ),
  }
  if (settings.mode === 'rules') request.rules = toMappingRules(settings.rules)
  else request.by = settings.by
  if (settings.period) request.period = settings.period
  const roles = settings.sharedRoles.map((r) => r.trim()).filter((r) => r.length > 0)
  if (roles.length > 0) request.sharedRoles = roles
  return request
}

/** Comma- or newline-separated role names typed by the user. */
export function parseRoleList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,]+/)
        .map((r) => r.trim())
        .filter((r) => r.length > 0),
    ),
  ]
}
