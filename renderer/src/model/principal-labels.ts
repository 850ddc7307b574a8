// Readable principal labels for the groups of a breakdown: which values of the principal and role
// dimensions to ask the API about, and a lookup of its answers by dimension and value. A label
// names a group and never replaces it: the ARN or role name stays the group's key.
import type { BreakdownResult, Dimension, PrincipalLabel } from '../../../core/api.js'

/** The dimensions that have labels (full ARNs and roles), as the API names their levels. */
export const LABELLED_LEVELS = ['principal', 'role'] as const
export type LabelledLevel = (typeof LABELLED_LEVELS)[number]

export function isLabelled(dimension: Dimension): dimension is LabelledLevel {
  return (LABELLED_LEVELS as readonly string[]).includes(dimension)
}

/** The distinct values of `level` among a result's groups (no null group, no "(other)"). */
export function labelledValues(
  result: BreakdownResult | undefined,
  level: LabelledLevel,
): string[] {
  const index = result?.dimensions.indexOf(level) ?? -1
  if (!result || index < 0) return []
  const values = new Set<string>()
  for (const row of result.rows) {
    const value = row.keys[index]
    if (value !== null && !(index === 0 && row.other)) values.add(value)
  }
  return [...values].sort()
}

export interface PrincipalLabelLookup {
  label(dimension: Dimension, value: string | null): string | undefined
  /** Latest usage start (ISO, UTC); null when undated, undefined when not (yet) known. */
  lastSeen(dimension: Dimension, value: string | null): string | null | undefined
}

export function principalLabelLookup(
  answers: Partial<Record<LabelledLevel, readonly PrincipalLabel[]>>,
): PrincipalLabelLookup {
  const byLevel = new Map(
    LABELLED_LEVELS.map((level) => [
      level as Dimension,
      new Map((answers[level] ?? []).map((a) => [a.value, a])),
    ]),
  )
  const find = (dimension: Dimension, value: string | null) =>
    value === null ? undefined : byLevel.get(dimension)?.get(value)
  return {
    label: (dimension, value) => find(dimension, value)?.label,
    lastSeen: (dimension, value) => find(dimension, value)?.lastSeen,
  }
}

export const NO_LABELS: PrincipalLabelLookup = principalLabelLookup({})
