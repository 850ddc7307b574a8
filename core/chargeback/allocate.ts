// Turns exact statement lines into a reconciled chargeback: direct cost per recipient, each shared
// bucket kept as its own line or spread by its declared rule, all rounded to cents once, top down
// by largest remainder, so that every level adds up to the one above it:
//   bill total = direct + Σ buckets;  direct = Σ recipients' direct;  bucket = Σ its shares;
//   a statement's direct (or kept amount) = Σ its lines (+ its other lines, when they are cut).
import { SHARED_BUCKETS } from '../api-values.js'
import type { LineAggregate } from './line-query.js'
import {
  apportion,
  formatCents,
  roundToCents,
  sum,
  UNITS_PER_CENT,
  type Quota,
} from '../format/exact-money.js'
import type { CheckedRequest } from './request.js'
import { compareText, statementLines } from './statement-lines.js'
import { bucketLabel, describeAllocation } from './words.js'
import type {
  Allocation,
  ChargebackResult,
  SharedBucket,
  SharedTreatment,
  Statement,
} from '../api.js'

interface Recipient {
  name: string
  lines: LineAggregate[]
  units: bigint
}

/** The lines of each recipient's direct cost, and of each shared bucket. */
interface Grouped {
  recipients: Map<string, Recipient>
  buckets: Map<SharedBucket, LineAggregate[]>
}

/** What spreading the shared buckets gave: shares by recipient, and the buckets kept as lines. */
interface Spread {
  shares: Map<string, Map<SharedBucket, bigint>>
  allocations: Allocation[]
  kept: Statement[]
  keptCents: bigint
}

export function allocate(lines: LineAggregate[], request: CheckedRequest): ChargebackResult {
  const { recipients, buckets } = groupLines(lines)
  const present = SHARED_BUCKETS.filter((b) => buckets.has(b))
  const bucketUnits = new Map(present.map((b) => [b, sum(buckets.get(b)!.map((l) => l.units))]))
  const directUnits = sum([...recipients.values()].map((r) => r.units))
  const billCents = roundToCents(directUnits + sum(bucketUnits.values()))

  // Level 1: the bill total over direct cost and each bucket.
  const top = apportion(
    [
      { key: 'direct', numerator: directUnits },
      ...present.map((b) => ({ key: b, numerator: bucketUnits.get(b)! })),
    ],
    UNITS_PER_CENT,
    billCents,
  )
  const names = [...recipients.keys()].sort(compareText)
  // Level 2: each bucket is kept or spread over recipients; then direct cost over recipients.
  const spread = spreadBuckets(present, top, buckets, names, recipients, request)
  const direct = apportion(
    names.map((name) => ({ key: name, numerator: recipients.get(name)!.units })),
    UNITS_PER_CENT,
    top.get('direct') ?? 0n,
  )
  // Level 3: each recipient's lines.
  const statements = recipientStatements(names, direct, spread.shares, recipients, request)
  const recipientsCents = sum(statements.map((s) => s.totalCents))
  return {
    period: request.period ?? 'all',
    basis: request.basis,
    lineDetail: request.lineDetail,
    statements: [...statements.map(({ totalCents: _, ...s }) => s), ...spread.kept],
    allocations: spread.allocations,
    recipientsTotal: formatCents(recipientsCents),
    unallocated: formatCents(spread.keptCents),
    billTotal: formatCents(billCents),
    reconciles: recipientsCents + spread.keptCents === billCents,
  }
}

function groupLines(lines: LineAggregate[]): Grouped {
  const recipients = new Map<string, Recipient>()
  const buckets = new Map<SharedBucket, LineAggregate[]>()
  for (const line of lines) {
    if (line.bucket === null && line.recipient !== null) {
      const r = recipients.get(line.recipient) ?? { name: line.recipient, lines: [], units: 0n }
      r.lines.push(line)
      r.units += line.units
      recipients.set(line.recipient, r)
    } else {
      const bucket = line.bucket ?? 'unmatched'
      const list = buckets.get(bucket) ?? []
      list.push(line)
      buckets.set(bucket, list)
    }
  }
  return { recipients, buckets }
}

/** Each present bucket, rounded at level 1 to `top`, kept as its own line or spread by its rule. */
function spreadBuckets(
  present: SharedBucket[],
  top: Map<string, bigint>,
  buckets: Map<SharedBucket, LineAggregate[]>,
  names: string[],
  recipients: Map<string, Recipient>,
  request: CheckedRequest,
): Spread {
  const spread: Spread = { shares: new Map(), allocations: [], kept: [], keptCents: 0n }
  for (const bucket of present) {
    const amount = top.get(bucket)!
    const requested = request.treatments[bucket]
    const weights = bucketWeights(requested, request, bucket, names, recipients)
    if (!weights) {
      const label = bucketLabel(bucket, request.source)
      const treatment: SharedTreatment = { method: 'keep' }
      const fellBack = requested.method !== 'keep'
      spread.allocations.push({
        bucket,
        treatment,
        amount: formatCents(amount),
        description: describeAllocation(bucket, treatment, amount, request, 0, fellBack),
        shares: [{ recipient: label, amount: formatCents(amount) }],
      })
      spread.kept.push(keptStatement(label, bucket, buckets.get(bucket)!, amount, request))
      spread.keptCents += amount
      continue
    }
    const total = sum(weights.values())
    const quotas: Quota[] = [...weights].map(([key, w]) => ({ key, numerator: amount * w }))
    const split = apportion(quotas, total, amount)
    for (const [name, cents] of split) {
      const byBucket = spread.shares.get(name) ?? new Map<SharedBucket, bigint>()
      byBucket.set(bucket, cents)
      spread.shares.set(name, byBucket)
    }
    spread.allocations.push({
      bucket,
      treatment: requested,
      amount: formatCents(amount),
      description: describeAllocation(bucket, requested, amount, request, weights.size, false),
      shares: [...split].map(([recipient, cents]) => ({ recipient, amount: formatCents(cents) })),
    })
  }
  return spread
}

/** A statement per recipient with direct cost or a share, largest total first. */
function recipientStatements(
  names: string[],
  direct: Map<string, bigint>,
  shares: Map<string, Map<SharedBucket, bigint>>,
  recipients: Map<string, Recipient>,
  request: CheckedRequest,
): (Statement & { totalCents: bigint })[] {
  const everyone = new Set([...names, ...shares.keys()])
  const statements = [...everyone].map((name) => {
    const directCents = direct.get(name) ?? 0n
    const byBucket = shares.get(name) ?? new Map<SharedBucket, bigint>()
    const sharedCents = sum(byBucket.values())
    return {
      recipient: name,
      kind: 'recipient' as const,
      period: request.period ?? 'all',
      basis: request.basis,
      ...statementLines(recipients.get(name)?.lines ?? [], directCents, request),
      direct: formatCents(directCents),
      sharedByBucket: SHARED_BUCKETS.filter((b) => byBucket.has(b)).map((b) => ({
        bucket: b,
        amount: formatCents(byBucket.get(b)!),
      })),
      shared: formatCents(sharedCents),
      total: formatCents(directCents + sharedCents),
      totalCents: directCents + sharedCents,
    }
  })
  return statements.sort((a, b) =>
    a.totalCents === b.totalCents
      ? compareText(a.recipient, b.recipient)
      : a.totalCents > b.totalCents
        ? -1
        : 1,
  )
}

/** Weights by recipient for a spread bucket, or undefined when it stays as its own line. */
function bucketWeights(
  treatment: SharedTreatment,
  request: CheckedRequest,
  bucket: SharedBucket,
  names: string[],
  recipients: Map<string, Recipient>,
): Map<string, bigint> | undefined {
  let weights: [string, bigint][] = []
  if (treatment.method === 'proportional') {
    weights = names
      .map((n): [string, bigint] => [n, recipients.get(n)!.units])
      .filter(([, w]) => w > 0n)
  } else if (treatment.method === 'even') {
    weights = names.map((n) => [n, 1n])
  } else if (treatment.method === 'fixed') {
    weights = [...request.fixedWeights[bucket]!].filter(([, w]) => w > 0n)
  }
  return weights.length ? new Map(weights) : undefined
}

function keptStatement(
  label: string,
  bucket: SharedBucket,
  lines: LineAggregate[],
  cents: bigint,
  request: CheckedRequest,
): Statement {
  return {
    recipient: label,
    kind: 'unallocated',
    bucket,
    period: request.period ?? 'all',
    basis: request.basis,
    ...statementLines(lines, cents, request),
    direct: formatCents(0n),
    sharedByBucket: [{ bucket, amount: formatCents(cents) }],
    shared: formatCents(cents),
    total: formatCents(cents),
  }
}
