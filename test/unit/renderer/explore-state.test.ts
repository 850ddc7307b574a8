import { describe, expect, it } from 'vitest'
import {
  effectiveStack,
  exploreReducer,
  INITIAL_EXPLORE,
  toBreakdownQuery,
  toChartQuery,
  type ExploreState,
} from '../../../renderer/src/model/explore-state.js'

const base: ExploreState = { ...INITIAL_EXPLORE, dimensions: ['service'] }

describe('explore dimensions', () => {
  it('appends a grouping up to three and ignores a fourth', () => {
    let state = exploreReducer(base, { type: 'setDimension', index: 1, dimension: 'model' })
    state = exploreReducer(state, { type: 'setDimension', index: 2, dimension: 'month' })
    expect(state.dimensions).toEqual(['service', 'model', 'month'])
    const fourth = exploreReducer(state, { type: 'setDimension', index: 3, dimension: 'region' })
    expect(fourth.dimensions).toEqual(['service', 'model', 'month'])
  })

  it('swaps instead of repeating a dimension that is already used', () => {
    const state = { ...base, dimensions: ['service', 'model'] } as ExploreState
    const next = exploreReducer(state, { type: 'setDimension', index: 0, dimension: 'model' })
    expect(next.dimensions).toEqual(['model', 'service'])
  })

  it('never removes the first grouping', () => {
    expect(exploreReducer(base, { type: 'removeDimension', index: 0 })).toBe(base)
  })

  it('drops stacking by the second grouping when only one is left', () => {
    let state: ExploreState = { ...base, dimensions: ['service', 'model'], stack: 'dimension' }
    state = exploreReducer(state, { type: 'removeDimension', index: 1 })
    expect(state.stack).toBe('none')
  })
})

describe('explore filters', () => {
  it('adds values to one filter per dimension, without duplicates', () => {
    let state = exploreReducer(base, {
      type: 'addFilter',
      dimension: 'service',
      value: 'Amazon Bedrock',
    })
    state = exploreReducer(state, { type: 'addFilter', dimension: 'service', value: 'AWS Lambda' })
    state = exploreReducer(state, { type: 'addFilter', dimension: 'service', value: 'AWS Lambda' })
    expect(state.filters).toEqual([
      { dimension: 'service', values: ['Amazon Bedrock', 'AWS Lambda'] },
    ])
  })

  it('filters on the null group like any other value', () => {
    const state = exploreReducer(base, {
      type: 'addFilter',
      dimension: 'tag:iamPrincipal/team',
      value: null,
    })
    expect(toBreakdownQuery(state).filters).toEqual([
      { dimension: 'tag:iamPrincipal/team', values: [null] },
    ])
  })

  it('keeps exclusions apart from inclusions on the same dimension', () => {
    let state = exploreReducer(base, { type: 'addFilter', dimension: 'model', value: 'Nova Pro' })
    state = exploreReducer(state, {
      type: 'addFilter',
      dimension: 'model',
      value: 'Titan',
      exclude: true,
    })
    expect(state.filters).toHaveLength(2)
    state = exploreReducer(state, {
      type: 'removeFilterValue',
      dimension: 'model',
      value: 'Titan',
      exclude: true,
    })
    expect(state.filters).toEqual([{ dimension: 'model', values: ['Nova Pro'] }])
  })

  it('groups by a dimension from another screen, keeping or replacing filters', () => {
    const filtered = exploreReducer(base, {
      type: 'addFilter',
      dimension: 'month',
      value: '2026-07',
    })
    const kept = exploreReducer(filtered, { type: 'groupBy', dimension: 'tag:iamPrincipal/team' })
    expect(kept.dimensions).toEqual(['tag:iamPrincipal/team'])
    expect(kept.filters).toEqual(filtered.filters)
    const replaced = exploreReducer(filtered, { type: 'groupBy', dimension: 'model', filters: [] })
    expect(replaced.filters).toEqual([])
  })
})

describe('queries from the explore state', () => {
  it('sends dimensions, metric, filters and top N, without a time series for the table', () => {
    const state: ExploreState = {
      dimensions: ['principal', 'model'],
      metric: 'amortized',
      filters: [{ dimension: 'service', values: ['Amazon Bedrock'] }],
      topN: 5,
      minAmount: null,
      dateRange: null,
      stack: 'month',
    }
    expect(toBreakdownQuery(state)).toEqual({
      dimensions: ['principal', 'model'],
      metric: 'amortized',
      filters: [{ dimension: 'service', values: ['Amazon Bedrock'] }],
      topN: 5,
    })
    expect(toChartQuery(state)).toEqual({ ...toBreakdownQuery(state), timeGrain: 'month' })
  })

  it('sends the range of usage days as a date-range filter after the chosen filters', () => {
    const filtered = exploreReducer(base, { type: 'addFilter', dimension: 'service', value: 'S3' })
    const ranged = exploreReducer(filtered, {
      type: 'setDateRange',
      range: { from: '2026-12-28', to: '2027-01-03' },
    })
    expect(toBreakdownQuery(ranged).filters).toEqual([
      { dimension: 'service', values: ['S3'] },
      { dimension: 'day', values: [], range: { from: '2026-12-28', to: '2027-01-03' } },
    ])
    expect(ranged.filters).toEqual(filtered.filters)
    const open = exploreReducer(ranged, { type: 'setDateRange', range: {} })
    expect(open.dateRange).toBeNull()
    expect(toBreakdownQuery(open).filters).toEqual(filtered.filters)
  })

  it('sends the minimum amount chosen, and none once cleared', () => {
    const hidden = exploreReducer(base, { type: 'setMinAmount', minAmount: '0.01' })
    expect(toBreakdownQuery(hidden).minAmount).toBe('0.01')
    const shown = exploreReducer(hidden, { type: 'setMinAmount', minAmount: null })
    expect(toBreakdownQuery(shown)).not.toHaveProperty('minAmount')
  })

  it('omits top N to show every group and needs no chart query unless stacking by month', () => {
    const state: ExploreState = { ...base, topN: null }
    expect(toBreakdownQuery(state)).toEqual({ dimensions: ['service'], metric: 'unblended' })
    expect(toChartQuery(state)).toBeNull()
  })

  it('does not stack by month when month is already a grouping', () => {
    const state: ExploreState = { ...base, dimensions: ['month'], stack: 'month' }
    expect(effectiveStack(state)).toBe('none')
    expect(toChartQuery(state)).toBeNull()
  })
})

describe('a new report', () => {
  it('starts Explore afresh', () => {
    const busy = exploreReducer(base, { type: 'addFilter', dimension: 'model', value: 'Nova Pro' })
    expect(exploreReducer(busy, { type: 'reset' })).toEqual(INITIAL_EXPLORE)
  })
})
