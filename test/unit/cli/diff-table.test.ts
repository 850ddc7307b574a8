// `cur-lens diff` prints each metric as `cur-lens report` does: counts and tokens whole, money to
// the cent, with the groups' figures right-aligned. The figures here are written out by hand.
import { describe, expect, it } from 'vitest'
import { render } from '../../../cli/commands/diff.js'
import type { CompareResult } from '../../../core/api.js'

describe('diff table', () => {
  it('prints line counts whole and the change signed', () => {
    const result: CompareResult = {
      by: ['service'],
      metric: 'count',
      rows: [
        { keys: ['AmazonEC2'], old: '1200', new: '1215', change: '15' },
        { keys: [null], old: '3', new: '0', change: '-3' },
      ],
      byMonth: [{ month: '2026-06', old: '1203', new: '1215', change: '12' }],
      total: { old: '1203', new: '1215', change: '12' },
    }
    expect(render(result, 'table').split('\n')).toEqual([
      'service      old    new  change',
      'AmazonEC2  1,200  1,215     +15',
      '(unknown)      3      0      -3',
      '---------  -----  -----  ------',
      'Total      1,203  1,215     +12',
      '',
      'month      old    new  change',
      '2026-06  1,203  1,215     +12',
      '',
    ])
  })
})
