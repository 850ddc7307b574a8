// A statement's lines: the line items it covers merged by service, model, principal and rule,
// rounded to cents so they add up exactly to the statement's amount (largest remainder), largest
// first, and cut to the request's `linesPerStatement` with the rest summed on one line.
import type { LineAggregate } from './line-query.js'
import { apportion, formatCents, sum, UNITS_PER_CENT } from '../format/exact-money.js'
import type { CheckedRequest } from './request.js'
import type { Statement } from '../api.js'

/**
 * Lines rounded to add up to `cents`, largest first, at most `request.linesPerStatement` of them
 * (the others summed in `otherLines`). Lines of exactly zero are left out.
 */
export function statementLines(
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
