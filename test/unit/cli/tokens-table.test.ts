import { describe, expect, it } from 'vitest'
import { tokensTable } from '../../../cli/commands/tokens.js'

describe('tokens table', () => {
  it('rounds cost and rate from their decimal text, half away from zero', () => {
    const table = tokensTable(
      [
        {
          keys: ['Nova Pro'],
          tokens: '1234567',
          cost: '1.0050000000',
          costPerMillionTokens: '0.000150',
          assumedUnits: [],
        },
        {
          keys: [null],
          tokens: '0',
          cost: '1234.5650000000',
          costPerMillionTokens: null,
          assumedUnits: [],
        },
      ],
      ['model'],
    )
    // Through a JS number, 1.005 would print 1.00 and 0.00015 would print 0.0001.
    expect(table.split('\n')).toEqual([
      'model         tokens      cost  per 1M tokens',
      'Nova Pro   1,234,567      1.01         0.0002',
      '(unknown)          0  1,234.57               ',
      '',
    ])
  })
})
