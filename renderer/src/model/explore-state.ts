// The Explore screen's query as state: up to three dimensions, a metric, filters, a range of usage
// days, top N and a minimum amount, plus how the chart stacks. The reducer keeps it valid (no repeated dimension, at least one, at most
// three) so that toBreakdownQuery can always send it as is.
import type {
  BreakdownQuery,
  DateRange,
  Dimension,
  Filter,
  GroupValue,
  Metric,
} from '../../../core/api.js'

export const MAX_DIMENSIONS = 3
export const TOP_N_CHOICES = [5, 10, 20, 50] as const
/** Amounts below which groups are summed into one row ("hide groups under 0.01"). */
export const MIN_AMOUNT_CHOICES = ['0.01', '1', '100'] as const

export type ChartStack = 'none' | 'dimension' | 'month'

export interface ExploreState {
  dimensions: Dimension[]
  metric: Metric
  filters: Filter[]
  /** Null shows every group. */
  topN: number | null
  /** Groups below this (absolute value) are summed into one row; null lists every group. */
  minAmount: string | null
  /** Usage days kept (both ends inclusive); null keeps every day. */
  dateRange: DateRange | null
  stack: ChartStack
}

export type ExploreAction =
  | { type: 'setDimension'; index: number; dimension: Dimension }
  | { type: 'removeDimension'; index: number }
  | { type: 'setMetric'; metric: Metric }
  | { type: 'setTopN'; topN: number | null }
  | { type: 'setMinAmount'; minAmount: string | null }
  | { type: 'setDateRange'; range: DateRange | null }
  | { type: 'setStack'; stack: ChartStack }
  | { type: 'addFilter'; dimension: Dimension; value: GroupValue; exclude?: boolean }
  | { type: 'addFilters'; filters: Filter[] }
  | { type: 'removeFilterValue'; dimension: Dimension; value: GroupValue; exclude: boolean }
  | { type: 'clearFilters' }
  | { type: 'groupBy'; dimension: Dimension; filters?: Filter[] }
  | { type: 'reset' }

export const INITIAL_EXPLORE: ExploreState = {
  dimensions: ['service'],
  metric: 'unblended',
  filters: [],
  topN: 10,
  minAmount: null,
  dateRange: null,
  stack: 'none',
}

function withDimension(dimensions: Dimension[], index: number, dimension: Dimension): Dimension[] {
  const next = [...dimensions]
  const existing = next.indexOf(dimension)
  if (index >= next.length) {
    if (existing >= 0 || next.length >= MAX_DIMENSIONS) return dimensions
    return [...next, dimension]
  }
  if (existing >= 0 && existing !== index) next[existing] = next[index]
  next[index] = dimension
  return next
}

function mergeFilter(filters: Filter[], addition: Filter): Filter[] {
  const exclude = Boolean(addition.exclude)
  const at = filters.findIndex(
    (f) => f.dimension === addition.dimension && Boolean(f.exclude) === exclude,
  )
  if (at < 0) return [...filters, { ...addition, exclude: exclude || undefined }]
  const values = [...filters[at].values]
  for (const value of addition.values) if (!values.includes(value)) values.push(value)
  return filters.map((f, i) => (i === at ? { ...f, values } : f))
}

function stackFor(state: ExploreState): ChartStack {
  if (state.stack === 'dimension' && state.dimensions.length < 2) return 'none'
  if (state.stack === 'month' && state.dimensions.includes('month')) return 'none'
  return state.stack
}

function normalize(state: ExploreState): ExploreState {
  const stack = stackFor(state)
  return stack === state.stack ? state : { ...state, stack }
}

export function exploreReducer(state: ExploreState, action: ExploreAction): ExploreState {
  switch (action.type) {
    case 'setDimension':
      return normalize({
        ...state,
        dimensions: withDimension(state.dimensions, action.index, action.dimension),
      })
    case 'removeDimension':
      if (state.dimensions.length <= 1 || action.index >= state.dimensions.length) return state
      return normalize({
        ...state,
        dimensions: state.dimensions.filter((_, i) => i !== action.index),
      })
    case 'setMetric':
      return { ...state, metric: action.metric }
    case 'setTopN':
      return { ...state, topN: action.topN }
    case 'setMinAmount':
      return { ...state, minAmount: action.minAmount }
    case 'setDateRange': {
      const range = action.range
      const open = !range || (range.from === undefined && range.to === undefined)
      return { ...state, dateRange: open ? null : range }
    }
    case 'setStack':
      return normalize({ ...state, stack: action.stack })
    case 'addFilter':
      return {
        ...state,
        filters: mergeFilter(state.filters, {
          dimension: action.dimension,
          values: [action.value],
          exclude: action.exclude,
        }),
      }
    case 'addFilters':
      return { ...state, filters: action.filters.reduce(mergeFilter, state.filters) }
    case 'removeFilterValue':
      return {
        ...state,
        filters: state.filters
          .map((f) =>
            f.dimension === action.dimension && Boolean(f.exclude) === action.exclude
              ? { ...f, values: f.values.filter((v) => v !== action.value) }
              : f,
          )
          .filter((f) => f.values.length > 0),
      }
    case 'clearFilters':
      return { ...state, filters: [] }
    case 'reset':
      return INITIAL_EXPLORE
    case 'groupBy':
      return normalize({
        ...state,
        dimensions: [action.dimension],
        filters: action.filters ?? state.filters,
      })
  }
}

/** The filters the view applies: the chosen ones, and the range of usage days as one more. */
export function activeFilters(state: ExploreState): Filter[] {
  if (state.dateRange === null) return state.filters
  return [...state.filters, { dimension: 'day', values: [], range: state.dateRange }]
}

/** The table's query: groups and totals, without a time series. */
export function toBreakdownQuery(state: ExploreState): BreakdownQuery {
  const query: BreakdownQuery = { dimensions: state.dimensions, metric: state.metric }
  const filters = activeFilters(state)
  if (filters.length > 0) query.filters = filters
  if (state.topN !== null) query.topN = state.topN
  if (state.minAmount !== null) query.minAmount = state.minAmount
  return query
}

/** The chart's own query when it stacks by month; null when it draws the table's result. */
export function toChartQuery(state: ExploreState): BreakdownQuery | null {
  if (stackFor(state) !== 'month') return null
  return { ...toBreakdownQuery(state), timeGrain: 'month' }
}

export function effectiveStack(state: ExploreState): ChartStack {
  return stackFor(state)
}
