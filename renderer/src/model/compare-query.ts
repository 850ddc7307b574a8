// The Compare screen's choices as API queries: either the open export against a second one (the
// other delivery is later or earlier, optionally one billing period of both), or two months of the
// open export. Pure, so the mapping is tested without a browser.
import type { CompareLinesQuery, CompareQuery, CompareSide, Dimension } from '../../../core/api.js'

export type CompareMode = 'exports' | 'months'

export interface CompareChoices {
  mode: CompareMode
  dimension: Dimension
  /** The second export is the later delivery (new side) or the earlier one (old side). */
  otherIs: 'later' | 'earlier'
  /** Exports mode: only this billing period of both; null for all. */
  period: string | null
  /** Months mode: the old and new billing periods. */
  oldMonth: string | null
  newMonth: string | null
}

export function initialChoices(periods: readonly string[]): CompareChoices {
  return {
    mode: 'exports',
    dimension: 'service',
    otherIs: 'later',
    period: null,
    oldMonth: periods.at(-2) ?? periods.at(-1) ?? null,
    newMonth: periods.at(-1) ?? null,
  }
}

/** The two sides, or null while months mode lacks a month. */
export function compareSides(choices: CompareChoices): Pick<CompareQuery, 'old' | 'new'> | null {
  if (choices.mode === 'months') {
    if (!choices.oldMonth || !choices.newMonth) return null
    return {
      old: { export: 'current', month: choices.oldMonth },
      new: { export: 'current', month: choices.newMonth },
    }
  }
  const side = (which: CompareSide['export']): CompareSide =>
    choices.period ? { export: which, month: choices.period } : { export: which }
  return choices.otherIs === 'later'
    ? { old: side('current'), new: side('comparison') }
    : { old: side('comparison'), new: side('current') }
}

export function toCompareQuery(choices: CompareChoices): CompareQuery | null {
  const sides = compareSides(choices)
  return sides && { by: [choices.dimension], metric: 'unblended', ...sides }
}

/** Lines changed between the two deliveries; months of one export share no line items. */
export function toCompareLinesQuery(
  choices: CompareChoices,
  limit: number,
): CompareLinesQuery | null {
  const sides = compareSides(choices)
  return sides && choices.mode === 'exports' ? { ...sides, limit } : null
}
