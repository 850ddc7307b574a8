import { describe, expect, it } from 'vitest'
import type { BreakdownResult } from '../../../core/api.js'
import { compareDecimal } from '../../../core/format/decimal.js'
import {
  buildTableRows,
  isOtherRowId,
  otherLast,
  otherLastComparator,
} from '../../../renderer/src/model/table-rows.js'

const result: BreakdownResult = {
  dimensions: ['tag:iamPrincipal/team'],
  metric: 'unblended',
  total: '260.30',
  rows: [
    { keys: ['backend'], value: '142.30' },
    { keys: [null], value: '23.10', other: true },
    { keys: ['data'], value: '89.50' },
    { keys: [null], value: '5.40' },
  ],
}

describe('breakdown table rows', () => {
  it('gives each row a distinct id, the null group apart from "(other)"', () => {
    const rows = buildTableRows(result)
    expect(new Set(rows.map((r) => r.id)).size).toBe(4)
    expect(rows.filter((r) => isOtherRowId(r.id)).map((r) => r.value)).toEqual(['23.10'])
  })

  it('gives the row of groups under the minimum amount its own id, kept last like "(other)"', () => {
    const rows = buildTableRows({
      ...result,
      rows: [...result.rows, { keys: [null], value: '0.02', under: 3 }],
    })
    expect(new Set(rows.map((r) => r.id)).size).toBe(5)
    const under = rows.find((r) => r.under === 3)!
    expect(isOtherRowId(under.id)).toBe(true)
    expect(under.other).toBe(false)
  })

  it('computes each share of the total for display', () => {
    const [backend] = buildTableRows(result)
    expect(backend.share).toBeCloseTo(142.3 / 260.3, 10)
  })

  it('keeps "(other)" last when sorting by value in either direction', () => {
    const rows = buildTableRows(result)
    for (const direction of ['asc', 'desc'] as const) {
      const compare = otherLastComparator(direction, compareDecimal)
      const sorted = [...rows].sort((a, b) => compare(a.value, b.value, a.other, b.other))
      expect(sorted.at(-1)?.other).toBe(true)
      const values = sorted.slice(0, -1).map((r) => r.value)
      expect(values).toEqual(
        direction === 'asc' ? ['5.40', '89.50', '142.30'] : ['142.30', '89.50', '5.40'],
      )
    }
  })

  it('moves "(other)" last in a ranked list without reordering the rest', () => {
    expect(otherLast(result.rows).map((r) => r.value)).toEqual(['142.30', '89.50', '5.40', '23.10'])
  })
})
