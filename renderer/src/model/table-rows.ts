// Breakdown rows for the table: a stable id per row, the share of the total for display, and an
// exact money ordering (decimal strings are compared digit by digit, never as floats).
import type { BreakdownResult, GroupValue } from '../../../core/api.js'
import { displayShare } from '../../../core/format/decimal.js'
import { groupId } from './group-id.js'

export interface BreakdownTableRow {
  id: string
  keys: GroupValue[]
  period?: string
  value: string
  share: number | null
  other: boolean
  /** On the row summing the groups below the minimum amount: how many. */
  under?: number
}

const OTHER_PREFIX = groupId(null, true)

export function buildTableRows(result: BreakdownResult): BreakdownTableRow[] {
  return result.rows.map((row) => ({
    // The row of groups under the minimum amount sorts last, as "(other)" does.
    id:
      row.under !== undefined
        ? `${OTHER_PREFIX}under\u0001${row.period ?? ''}`
        : [
            ...row.keys.map((k, i) => groupId(k, i === 0 && Boolean(row.other))),
            row.period ?? '',
          ].join('\u0001'),
    keys: row.keys,
    period: row.period,
    value: row.value,
    share: displayShare(row.value, result.total),
    other: Boolean(row.other),
    ...(row.under !== undefined && { under: row.under }),
  }))
}

/** Whether a table row id belongs to the "(other)" row or the row of groups under the minimum. */
export function isOtherRowId(id: string | number): boolean {
  return String(id).startsWith(OTHER_PREFIX)
}

/**
 * A comparator for one sort direction that keeps the "(other)" row last in both directions;
 * `compare` orders ascending.
 */
export function otherLastComparator<V>(
  direction: 'asc' | 'desc',
  compare: (a: V, b: V) => number,
): (a: V, b: V, otherA: boolean, otherB: boolean) => number {
  return (a, b, otherA, otherB) => {
    if (otherA !== otherB) return otherA ? 1 : -1
    return direction === 'desc' ? compare(b, a) : compare(a, b)
  }
}

/** Rows with the "(other)" row moved last, the rest in their order. */
export function otherLast<T extends { other?: boolean }>(rows: readonly T[]): T[] {
  return [...rows.filter((r) => !r.other), ...rows.filter((r) => r.other)]
}
