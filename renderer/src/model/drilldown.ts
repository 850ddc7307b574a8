// The filters that select a breakdown row's line items: the view's own filters, plus each of the
// row's group values. The "(other)" row is everything outside the shown groups of the first
// dimension, so it becomes an exclusion of those groups.
import type { Dimension, Filter, GroupValue } from '../../../core/api.js'

export interface DrilldownRow {
  keys: GroupValue[]
  other: boolean
}

export function drilldownFilters(
  base: readonly Filter[],
  dimensions: readonly Dimension[],
  row: DrilldownRow,
  shownFirstValues: readonly GroupValue[],
): Filter[] {
  const filters = [...base]
  dimensions.forEach((dimension, i) => {
    if (i === 0 && row.other) {
      if (shownFirstValues.length > 0)
        filters.push({ dimension, values: [...shownFirstValues], exclude: true })
      return
    }
    if (i < row.keys.length) filters.push({ dimension, values: [row.keys[i]] })
  })
  return filters
}
