// Checks a chargeback request as it arrives over the API (plain JSON, so nothing is trusted):
// exactly one of rules or `by`, a valid period, known buckets and treatments, and fixed
// percentages that add up to exactly 100. Percentages become exact integers (millionths).
import type {
  ChargebackRequest,
  Filter,
  LineDetail,
  SharedBucket,
  SharedTreatment,
} from '../api.js'
import { BASES, LINE_DETAILS, SHARED_BUCKETS, SHARED_METHODS } from '../api-values.js'
import { CurLensError } from '../errors/curlens-error.js'
import { isPeriod, type RecipientSource } from './line-query.js'
import { assertRules, KEPT_LABELS } from './rules.js'

/** Percentages are exact to a millionth of a percent; 100 % is this many. */
export const PERCENT_SCALE = 1_000_000
const HUNDRED_PERCENT = 100n * BigInt(PERCENT_SCALE)

export interface CheckedRequest {
  source: RecipientSource
  basis: ChargebackRequest['basis']
  period?: string
  sharedRoles: string[]
  lineDetail: LineDetail
  linesPerStatement?: number
  treatments: Record<SharedBucket, SharedTreatment>
  /** Fixed percentages in millionths, by bucket and recipient. */
  fixedWeights: Partial<Record<SharedBucket, Map<string, bigint>>>
  filters: Filter[]
}

export function checkRequest(request: ChargebackRequest): CheckedRequest {
  const hasRules = request.rules !== undefined && request.rules !== null
  const hasBy = typeof request.by === 'string' && request.by.length > 0
  if (hasRules === hasBy) {
    throw invalid('A chargeback needs either mapping rules or a dimension to split by (not both).')
  }
  if (!(BASES as readonly unknown[]).includes(request.basis)) {
    throw invalid(`The basis must be one of ${BASES.map((b) => `"${b}"`).join(', ')}.`)
  }
  const period = request.period === 'all' ? undefined : request.period
  if (period !== undefined && !isPeriod(period)) {
    throw invalid(`The period must be YYYY-MM or "all", not "${period}".`)
  }
  const sharedRoles = request.sharedRoles ?? []
  if (!Array.isArray(sharedRoles) || sharedRoles.some((r) => typeof r !== 'string' || r === '')) {
    throw invalid('Shared roles must be a list of role names.')
  }
  const lineDetail = request.lineDetail ?? 'principal'
  if (!LINE_DETAILS.includes(lineDetail)) {
    throw invalid(`Unknown line detail "${lineDetail}": use one of ${LINE_DETAILS.join(', ')}.`)
  }
  const { linesPerStatement } = request
  if (
    linesPerStatement !== undefined &&
    !(Number.isSafeInteger(linesPerStatement) && linesPerStatement > 0)
  ) {
    throw invalid(`Lines per statement must be a whole number above 0, not ${linesPerStatement}.`)
  }
  const treatments = {} as Record<SharedBucket, SharedTreatment>
  const fixedWeights: CheckedRequest['fixedWeights'] = {}
  for (const key of Object.keys(request.shared ?? {})) {
    if (!(SHARED_BUCKETS as readonly string[]).includes(key)) {
      throw invalid(`Unknown shared bucket "${key}": use one of ${SHARED_BUCKETS.join(', ')}.`)
    }
  }
  for (const bucket of SHARED_BUCKETS) {
    const treatment = request.shared?.[bucket] ?? { method: 'keep' }
    if (!SHARED_METHODS.includes(treatment.method)) {
      throw invalid(
        `Unknown treatment "${treatment.method}" for ${bucket}: use ${SHARED_METHODS.join(', ')}.`,
      )
    }
    treatments[bucket] = treatment
    if (treatment.method === 'fixed') fixedWeights[bucket] = percentWeights(bucket, treatment)
  }
  const source: RecipientSource = hasRules
    ? { rules: assertRules(request.rules) }
    : { by: request.by as NonNullable<ChargebackRequest['by']> }
  const filters = request.filters ?? []
  const filtersOk =
    Array.isArray(filters) &&
    filters.every(
      (f) =>
        typeof f?.dimension === 'string' &&
        Array.isArray(f.values) &&
        f.values.every((v) => v === null || typeof v === 'string'),
    )
  if (!filtersOk) throw invalid('Filters must be a list of {dimension, values}.')
  return {
    source,
    basis: request.basis,
    period,
    sharedRoles,
    lineDetail,
    ...(linesPerStatement === undefined ? {} : { linesPerStatement }),
    treatments,
    fixedWeights,
    filters,
  }
}

function percentWeights(
  bucket: SharedBucket,
  treatment: Extract<SharedTreatment, { method: 'fixed' }>,
): Map<string, bigint> {
  const weights = new Map<string, bigint>()
  const entries = Object.entries(treatment.percentages ?? {})
  if (entries.length === 0) throw invalid(`Fixed percentages for ${bucket} name no recipient.`)
  for (const [recipient, percent] of entries) {
    if (recipient.trim() === '' || (KEPT_LABELS as readonly string[]).includes(recipient)) {
      throw invalid(`"${recipient}" cannot receive a fixed percentage of ${bucket}.`)
    }
    // The percentage arrives as a JSON number; it is turned into exact millionths once, here.
    const scaled = typeof percent === 'number' ? Math.round(percent * PERCENT_SCALE) : NaN
    if (
      !Number.isFinite(percent) ||
      percent < 0 ||
      Math.abs(scaled / PERCENT_SCALE - percent) > 1e-9
    ) {
      throw invalid(
        `The percentage for ${recipient} in ${bucket} must be a number ≥ 0 with at most 6 decimals.`,
      )
    }
    weights.set(recipient, BigInt(scaled))
  }
  let total = 0n
  for (const w of weights.values()) total += w
  if (total !== HUNDRED_PERCENT) {
    const shown = Number(total) / PERCENT_SCALE
    throw invalid(`Fixed percentages for ${bucket} add up to ${shown}, not 100.`)
  }
  return weights
}

function invalid(message: string): CurLensError {
  return new CurLensError('INVALID_QUERY', message)
}
