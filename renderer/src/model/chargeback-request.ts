// The chargeback settings on screen, turned into a ChargebackRequest: recipients from mapping rules
// or from one dimension (quick mode), the cost basis, the period, who each statement line names,
// and per bucket of shared cost whether it stays its own line or is spread proportionally, evenly
// or by fixed percentages.
import type {
  Basis,
  ChargebackRequest,
  Dimension,
  LineDetail,
  MappingRule,
  SharedBucket,
  SharedTreatment,
} from '../../../core/api.js'
import { SHARED_BUCKETS } from '../../../core/api-values.js'
import { toMappingRules } from './rules-editor.js'

export type TreatmentChoice = SharedTreatment['method']

export const SHARED_BUCKET_LABELS: Record<SharedBucket, string> = {
  unmatched: 'Unattributed cost',
  'shared-roles': 'Shared roles',
  tax: 'Tax',
  fees: 'Fees and support',
  credits: 'Credits and refunds',
}

export const TREATMENT_LABELS: Record<TreatmentChoice, string> = {
  keep: 'Own line',
  proportional: 'Proportional',
  even: 'Even split',
  fixed: 'Fixed %',
}

export interface ChargebackSettings {
  mode: 'rules' | 'by'
  rules: MappingRule[]
  by: Dimension
  basis: Basis
  /** YYYY-MM, or null for all periods. */
  period: string | null
  shared: Record<SharedBucket, TreatmentChoice>
  /** Per bucket spread by fixed percentages: each recipient's percentage as typed. */
  fixed: Partial<Record<SharedBucket, Record<string, string>>>
  sharedRoles: string[]
  lineDetail: LineDetail
}

/** Who the statement lines name, as the choices read and as the lines' column is headed. */
export const LINE_DETAIL_LABELS: Record<LineDetail, { choice: string; column: string }> = {
  principal: { choice: 'Full ARN', column: 'Principal' },
  person: { choice: 'Person', column: 'Person or session' },
  role: { choice: 'Role', column: 'Role or user' },
  account: { choice: 'Account', column: 'Account' },
  none: { choice: 'None', column: '' },
}

export const DEFAULT_SHARED: Record<SharedBucket, TreatmentChoice> = {
  unmatched: 'keep',
  'shared-roles': 'proportional',
  tax: 'proportional',
  fees: 'proportional',
  credits: 'proportional',
}

/** A blank field is no share; anything else goes to the engine as typed, which checks it. */
function treatment(settings: ChargebackSettings, bucket: SharedBucket): SharedTreatment {
  const method = settings.shared[bucket]
  if (method !== 'fixed') return { method }
  const typed = Object.entries(settings.fixed[bucket] ?? {}).filter(([, t]) => t.trim() !== '')
  return { method, percentages: Object.fromEntries(typed.map(([r, t]) => [r, Number(t)])) }
}

/**
 * Lines per statement in the preview, the largest: by session ARN a statement can hold a hundred
 * thousand, too many to send and render; the preview sums the others and the export lists them.
 */
export const PREVIEW_LINES_PER_STATEMENT = 200

export function buildChargebackRequest(settings: ChargebackSettings): ChargebackRequest {
  const request: ChargebackRequest = {
    basis: settings.basis,
    shared: Object.fromEntries(
      SHARED_BUCKETS.map((bucket) => [bucket, treatment(settings, bucket)]),
    ),
  }
  if (settings.mode === 'rules') request.rules = toMappingRules(settings.rules)
  else request.by = settings.by
  if (settings.period) request.period = settings.period
  const roles = settings.sharedRoles.map((r) => r.trim()).filter((r) => r.length > 0)
  if (roles.length > 0) request.sharedRoles = roles
  if (settings.lineDetail !== 'principal') request.lineDetail = settings.lineDetail
  return request
}

/** 100 % split evenly in hundredths, the first recipients taking the odd hundredths. */
export function evenPercentages(recipients: string[]): Record<string, string> {
  const base = Math.floor(10_000 / recipients.length)
  const extra = 10_000 - base * recipients.length
  return Object.fromEntries(
    recipients.map((r, i) => [r, ((base + (i < extra ? 1 : 0)) / 100).toFixed(2)]),
  )
}

/** The sum of the typed percentages, or null when one is not a number. */
export function typedTotal(percentages: Record<string, string>): number | null {
  let hundredths = 0
  for (const text of Object.values(percentages)) {
    if (text.trim() === '') continue
    const value = Number(text)
    if (!Number.isFinite(value)) return null
    hundredths += Math.round(value * 1_000_000)
  }
  return hundredths / 1_000_000
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
