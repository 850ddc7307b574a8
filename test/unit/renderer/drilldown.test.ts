import { describe, expect, it } from 'vitest'
import { drilldownFilters } from '../../../renderer/src/model/drilldown.js'

describe('drill-down filters', () => {
  const base = [{ dimension: 'service' as const, values: ['Amazon Bedrock'] }]

  it('adds one filter per grouping of the row to the view filters', () => {
    expect(
      drilldownFilters(
        base,
        ['tag:iamPrincipal/team', 'model'],
        { keys: ['backend', null], other: false },
        [],
      ),
    ).toEqual([
      ...base,
      { dimension: 'tag:iamPrincipal/team', values: ['backend'] },
      { dimension: 'model', values: [null] },
    ])
  })

  it('turns the "(other)" row into an exclusion of the groups shown', () => {
    expect(
      drilldownFilters([], ['principal'], { keys: [null], other: true }, ['arn:a', null]),
    ).toEqual([{ dimension: 'principal', values: ['arn:a', null], exclude: true }])
  })
})
