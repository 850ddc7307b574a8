import { describe, expect, it } from 'vitest'
import {
  initialChoices,
  toCompareLinesQuery,
  toCompareQuery,
} from '../../../renderer/src/model/compare-query.js'

describe("the Compare screen's queries", () => {
  const choices = initialChoices(['2026-05', '2026-06', '2026-07'])

  it('compares the open export, as old, with a later delivery by default', () => {
    expect(toCompareQuery(choices)).toEqual({
      by: ['service'],
      metric: 'unblended',
      old: { export: 'current' },
      new: { export: 'comparison' },
    })
  })

  it('makes an earlier delivery the old side, and restricts both sides to one period', () => {
    expect(toCompareQuery({ ...choices, otherIs: 'earlier', period: '2026-06' })).toMatchObject({
      old: { export: 'comparison', month: '2026-06' },
      new: { export: 'current', month: '2026-06' },
    })
  })

  it('compares the last two months of the open export in months mode, and lists no lines', () => {
    const months = { ...choices, mode: 'months' as const }
    expect(toCompareQuery(months)).toMatchObject({
      old: { export: 'current', month: '2026-06' },
      new: { export: 'current', month: '2026-07' },
    })
    expect(toCompareLinesQuery(months, 10)).toBeNull()
    expect(toCompareLinesQuery(choices, 10)).toEqual({
      old: { export: 'current' },
      new: { export: 'comparison' },
      limit: 10,
    })
  })
})
