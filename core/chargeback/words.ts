// The chargeback's rules in words: labels of shared buckets kept as their own line, and the sentence
// printed with each allocation, so finance can read how shared cost was treated.
import type { RecipientSource } from './line-query.js'
import { formatCents } from '../format/exact-money.js'
import { PERCENT_SCALE, type CheckedRequest } from './request.js'
import type { SharedBucket, SharedTreatment } from '../api.js'

const LABELS: Record<SharedBucket, string> = {
  unmatched: '(unallocated)',
  'shared-roles': '(shared roles)',
  tax: '(tax)',
  fees: '(fees)',
  credits: '(credits)',
}

/** The recipient name of a bucket kept as its own line. */
export function bucketLabel(bucket: SharedBucket, source: RecipientSource): string {
  if (bucket === 'unmatched' && 'by' in source && source.by.startsWith('tag:')) return '(untagged)'
  return LABELS[bucket]
}

function bucketWords(bucket: SharedBucket, request: CheckedRequest): string {
  const source = request.source
  switch (bucket) {
    case 'unmatched':
      if ('rules' in source) return 'Cost that no rule matches'
      if (source.by.startsWith('tag:')) return `Cost without the tag ${source.by.slice(4)}`
      return `Cost with no ${source.by}`
    case 'shared-roles': {
      const roles = request.sharedRoles.join(', ')
      return `Cost of the shared role${request.sharedRoles.length === 1 ? '' : 's'} ${roles}`
    }
    case 'tax':
      return 'Tax'
    case 'fees':
      return 'Support and other fees'
    case 'credits':
      return 'Credits and refunds'
  }
}

export function describeAllocation(
  bucket: SharedBucket,
  treatment: SharedTreatment,
  cents: bigint,
  request: CheckedRequest,
  recipients: number,
  fellBack: boolean,
): string {
  const what = `${bucketWords(bucket, request)} (${formatCents(cents)})`
  const is = bucket === 'fees' || bucket === 'credits' ? 'are' : 'is'
  const among = `${recipients} recipient${recipients === 1 ? '' : 's'}`
  switch (treatment.method) {
    case 'keep': {
      const kept = `${what} ${is} kept as its own line, "${bucketLabel(bucket, request.source)}"`
      return fellBack
        ? `${kept}: it was to be split, but no recipient has direct cost to split it over.`
        : `${kept}.`
    }
    case 'proportional':
      return `${what} ${is} split among ${among} in proportion to their direct cost.`
    case 'even':
      return `${what} ${is} split evenly among ${among}.`
    case 'fixed': {
      const weights = [...(request.fixedWeights[bucket] ?? new Map<string, bigint>())]
      const parts = weights.map(([name, w]) => `${name} ${percent(w)}%`)
      return `${what} ${is} split by fixed percentages: ${parts.join(', ')}.`
    }
  }
}

/** Millionths of a percent → "33.333333", "50". */
function percent(millionths: bigint): string {
  const scale = BigInt(PERCENT_SCALE)
  const whole = millionths / scale
  const fraction = (millionths % scale).toString().padStart(6, '0').replace(/0+$/, '')
  return fraction ? `${whole}.${fraction}` : `${whole}`
}
