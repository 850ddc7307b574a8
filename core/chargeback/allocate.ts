// Turns exact statement lines into a reconciled chargeback: direct cost per recipient, each shared
// bucket kept as its own line or spread by its declared rule, all rounded to cents once, top down
// by largest remainder, so that every level adds up to the one above it:
//   bill total = direct + Σ buckets;  direct = Σ recipients' direct;  bucket = Σ its shares;
//   a statement's direct (or kept amount) = Σ its lines (+ its other lines, when they are cut).
import type { LineAggregate } from './line-query.js'
import { apportion, formatCents, roundToCents, sum, UNITS_PER_CENT, type Quota } from './money.js'
import { SHARED_BUCKETS } from '../api-values.js'
import type { CheckedRequest } from './request.js'
import { bucketLabel, describeAllocation } from './words.js'
import type {
  Allocation,
  ChargebackResult,
  SharedBucket,
  SharedTreatment,
  Statement,
} from './types.js'

interface Recipient {
  name: string
  lines: LineAggregate[]
  units: bigint
}

export function allocate(lines: LineAggregate[], request: CheckedRequest): ChargebackResult {
  const period = request.period ?? 'all'
  const recipients = new Map<string, Recipient>()
  const bucketLines = new Map<SharedBucket, LineAggregate[]>()
  for (const line of lines) {
    if (line.bucket === null && line.recipient !== null) {
      const r = recipients.get(line.recipient) ?? { name: line.recipient, lines: [], units: 0n }
      r.lines.push(line)
      r.units += line.units
      recipients.set(line.recipient, r)
    } else {
      const bucket = line.bucket ?? 'unmatched'
      const list = bucketLines.get(bucket) ?? []
      list.push(line)
      bucketLines.set(bucket, list)
    }
  }
  const present = SHARED_BUCKETS.filter((b) => bucketLines.has(b))
  const bucketUnits = new Map(present.map((b) => [b, sum(bucketLines.get(b)!.map((l) => l.units))]))
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

  // Level 2: each bucket is kept or spread over recipients.
  const names = [...recipients.keys()].sort(compareText)
  const shares = new Map<string, Map<SharedBucket, bigint>>()
  const allocations: Allocation[] = []
  const kept: Statement[] = []
  let keptCents = 0n
  for (const bucket of present) {
    const amount = top.get(bucket)!
    const requested = request.treatments[bucket]
    const weights = bucketWeights(requested, request, bucket, names, recipients)
    const label = bucketLabel(bucket, request.source)
    if (!weights) {
      const treatment: SharedTreatment = { method: 'keep' }
      const fellBack = requested.method !== 'keep'
      allocations.push({
        bucket,
        treatment,
        amount: formatCents(amount),
        description: describeAllocation(bucket, treatment, amount, request, 0, fellBack),
        shares: [{ recipient: label, amount: formatCents(amount) }],
      })
      kept.push(keptStatement(label, bucket, bucketLines.get(bucket)!, amount, request))
      keptCents += amount
      continue
    }
    const total = sum(weights.values())
    const quotas: Quota[] = [...weights].map(([key, w]) => ({ key, numerator: amount * w }))
    const split = apportion(quotas, total, amount)
    for (const [name, cents] of split) {
      const byBucket = shares.get(name) ?? new Map<SharedBucket, bigint>()
      byBucket.set(bucket, cents)
      shares.set(name, byBucket)
    }
    allocations.push({
      bucket,
      treatment: requested,
      amount: formatCents(amount),
      description: describeAllocation(bucket, requested, amount, request, weights.size, false),
      shares: [...split].map(([recipient, cents]) => ({ recipient, amount: formatCents(cents) })),
    })
  }

  // Level 2 again: direct cost over recipients; then level 3, each recipient's lines.
  const direct = apportion(
    names.map((name) => ({ key: name, numerator: recipients.get(name)!.units })),
    UNITS_PER_CENT,
    top.get('direct') ?? 0n,
  )
  const everyone = new Set([...names, ...shares.keys()])
  const statements = [...everyone].map((name) => {
    const directCents = direct.get(name) ?? 0n
    const byBucket = shares.get(name) ?? new Map<SharedBucket, bigint>()
    const sharedCents = sum(byBucket.values())
    return {
      recipient: name,
      kind: 'recipient' as const,
      period,
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
  statements.sort((a, b) =>
    a.totalCents === b.totalCents
      ? compareText(a.recipient, b.recipient)
      : a.totalCents > b.totalCents
        ? -1
        : 1,
  )
  const recipientsCents = sum(statements.map((s) => s.totalCents))
  return {
    period,
    basis: request.basis,
    lineDetail: request.lineDetail,
    statements: [...statements.map(({ totalCents: _, ...s }) => s), ...kept],
    allocations,
    recipientsTotal: formatCents(recipientsCents),
    unallocated: formatCents(keptCents),
    billTotal: formatCents(billCents),
    reconciles: recipientsCents + keptCents === billCents,
  }
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

/**
 * Lines rounded to add up to `cents`, largest first, at most `request.linesPerStatement` of them
 * (the others summed in `otherLines`). Lines of exactly zero are left out.
 */
function statementLines(
  lines: LineAggregate[],
  cents: bigint,
  request: CheckedRequest,
): Pick<Statement, 'lines' | 'otherLines'> {
  const rules = 'rules' in request.source ? request.source.rules.rules : []
  const merged = new Map<string, { line: LineAggregate; rule?: string; key: string }>()
  for (const line of lines) {
    const rule = line.ruleIndex ? rules[line.ruleIndex - 1]?.id : undefined
    const key = JSON.stringify([line.service, line.model, line.principal, rule ?? null])
    const seen = merged.get(key)
    if (seen) seen.line = { ...seen.line, units: seen.line.units + line.units }
    else merged.set(key, { line, rule, key })
  }
  const keyed = [...merged.values()]
  const rounded = apportion(
    keyed.map((k) => ({ key: k.key, numerator: k.line.units })),
    UNITS_PER_CENT,
    cents,
  )
  const centsOf = keyed.map((k) => rounded.get(k.key)!)
  // Largest first by cents, then by exact amount, then by key. Sorting indexes on Number copies
  // of the amounts is many times faster than comparing BigInts, or long keys on the many ties in
  // cents. A copy beyond 2^53 is inexact, but never reverses two amounts: at worst they tie and
  // the next criterion decides, so the order stays largest first and deterministic.
  const byCents = Float64Array.from(centsOf, Number)
  const byUnits = Float64Array.from(keyed, (k) => Number(k.line.units))
  const ordered = [...keyed.keys()]
    .filter((i) => centsOf[i] !== 0n || keyed[i].line.units !== 0n)
    .sort(
      (i, j) =>
        byCents[j] - byCents[i] ||
        byUnits[j] - byUnits[i] ||
        compareText(keyed[i].key, keyed[j].key),
    )
  const shown = ordered.slice(0, request.linesPerStatement).map((i) => {
    const { line, rule } = keyed[i]
    return {
      service: line.service,
      model: line.model,
      principal: line.principal,
      amount: formatCents(centsOf[i]),
      ...(rule ? { rule } : {}),
    }
  })
  const others = ordered.slice(shown.length)
  if (others.length === 0) return { lines: shown }
  return {
    lines: shown,
    otherLines: { count: others.length, amount: formatCents(sum(others.map((i) => centsOf[i]))) },
  }
}

/** Code-point order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
