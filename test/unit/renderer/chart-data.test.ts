import { describe, expect, it } from 'vitest'
import type { BreakdownResult } from '../../../core/api.js'
import {
  buildChartModel,
  MAX_BARS,
  MAX_SERIES,
  OTHER_SERIES,
  TOTAL_SERIES,
} from '../../../renderer/src/model/chart-data.js'
import { groupId } from '../../../renderer/src/model/group-id.js'

function result(
  rows: BreakdownResult['rows'],
  dimensions: BreakdownResult['dimensions'],
): BreakdownResult {
  return { dimensions, metric: 'unblended', rows, total: '0' }
}

describe('chart bars', () => {
  it('orders bars by value with "(other)" last, whatever the row order', () => {
    const model = buildChartModel(
      result(
        [
          { keys: [null], value: '500', other: true },
          { keys: ['backend'], value: '142.30' },
          { keys: [null], value: '5.40' },
          { keys: ['data'], value: '89.50' },
        ],
        ['tag:iamPrincipal/team'],
      ),
      'none',
    )
    expect(model.keys).toEqual([TOTAL_SERIES])
    expect(model.data.map((d) => d.group)).toEqual([
      groupId('backend'),
      groupId('data'),
      groupId(null),
      groupId(null, true),
    ])
    expect(model.data[0][TOTAL_SERIES]).toBe(142.3)
  })

  it('keeps the null group and the "(other)" group as different bars', () => {
    const model = buildChartModel(
      result(
        [
          { keys: [null], value: '1' },
          { keys: [null], value: '2', other: true },
        ],
        ['model'],
      ),
      'none',
    )
    expect(model.data).toHaveLength(2)
  })

  it('stacks by the second dimension, one series per value', () => {
    const model = buildChartModel(
      result(
        [
          { keys: ['backend', 'Claude'], value: '100' },
          { keys: ['backend', 'Nova'], value: '42.30' },
          { keys: ['data', 'Claude'], value: '89.50' },
        ],
        ['tag:iamPrincipal/team', 'model'],
      ),
      'dimension',
    )
    expect(model.keys).toEqual([groupId('Claude'), groupId('Nova')])
    expect(model.data[0]).toEqual({
      group: groupId('backend'),
      [groupId('Claude')]: 100,
      [groupId('Nova')]: 42.3,
    })
  })

  it('folds series beyond the limit into one "(other)" series', () => {
    const rows = Array.from({ length: MAX_SERIES + 3 }, (_, i) => ({
      keys: ['all', `m${i}`],
      value: String(100 - i),
    }))
    const model = buildChartModel(result(rows, ['service', 'model']), 'dimension')
    expect(model.keys).toHaveLength(MAX_SERIES)
    expect(model.keys.at(-1)).toBe(OTHER_SERIES)
    // Values run 100 down to 90: seven series are kept, the four smallest (93 to 90) folded.
    expect(model.data[0][OTHER_SERIES]).toBe(93 + 92 + 91 + 90)
  })

  it('stacks by month with the periods in calendar order', () => {
    const model = buildChartModel(
      result(
        [
          { keys: ['Amazon Bedrock'], period: '2026-09', value: '3' },
          { keys: ['Amazon Bedrock'], period: '2026-07', value: '1' },
          { keys: ['Amazon Bedrock'], period: '2026-08', value: '2' },
        ],
        ['service'],
      ),
      'month',
    )
    expect(model.keys).toEqual(['2026-07', '2026-08', '2026-09'])
  })
})

describe('many bars', () => {
  it('folds groups beyond the bar limit into "(other)" so the chart stays readable', () => {
    const rows = Array.from({ length: MAX_BARS + 10 }, (_, i) => ({
      keys: [`g${i}`],
      value: String(1000 - i),
    }))
    const model = buildChartModel(result(rows, ['usage-type']), 'none')
    expect(model.data).toHaveLength(MAX_BARS)
    expect(model.data.at(-1)?.group).toBe(groupId(null, true))
    // The eleven smallest groups, 1000 - 39 down to 1000 - 49, make up the "(other)" bar.
    const expected = Array.from({ length: 11 }, (_, i) => 1000 - (MAX_BARS - 1 + i)).reduce(
      (a, b) => a + b,
      0,
    )
    expect(model.data.at(-1)?.[TOTAL_SERIES]).toBe(expected)
  })

  it('keeps every day, in calendar order, when the first grouping is time', () => {
    const rows = Array.from({ length: 60 }, (_, i) => {
      const day = new Date(Date.UTC(2026, 6, 1 + i)).toISOString().slice(0, 10)
      return { keys: [day], value: String((i * 7) % 13) }
    })
    const model = buildChartModel(result(rows.reverse(), ['day']), 'none')
    expect(model.data).toHaveLength(60)
    expect(model.data[0].group).toBe(groupId('2026-07-01'))
    expect(model.data.at(-1)?.group).toBe(groupId('2026-08-29'))
  })
})
