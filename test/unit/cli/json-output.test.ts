import { describe, expect, it } from 'vitest'
import { render } from '../../../cli/commands/report.js'
import { summaryJson } from '../../../cli/commands/summary.js'
import { formatJson, jsonDecimal } from '../../../cli/json-output.js'
import type { SummaryResult } from '../../../core/api.js'

describe('JSON for scripts', () => {
  it('writes amounts digit for digit as plain numbers, trailing zeros trimmed', () => {
    const amounts = ['-0.0000000676', '123456789012.3456789012', '142.3000000000', '0.0000000000']
    expect(formatJson(amounts.map(jsonDecimal), 0)).toBe(
      '[-0.0000000676,123456789012.3456789012,142.3,0]',
    )
    // What a JS number would have printed: exponent notation, and digits lost.
    expect(JSON.stringify(amounts.map(Number))).toBe('[-6.76e-8,123456789012.34567,142.3,0]')
  })

  it('refuses text that is not a plain decimal', () => {
    for (const text of ['-6.76e-8', '1,5', '', 'NaN', '.5']) {
      expect(() => jsonDecimal(text), text).toThrow('Not a decimal amount')
    }
  })

  it('lays out like JSON.stringify, and writes other numbers without an exponent', () => {
    const value = {
      name: 'a "quoted" \n name',
      empty: [],
      none: {},
      nested: [{ ok: true, missing: undefined, nothing: null }, 7, 'x'],
    }
    expect(formatJson(value)).toBe(JSON.stringify(value, null, 2))
    expect(formatJson(value, 0)).toBe(JSON.stringify(value))
    expect(formatJson([1e-7, -2.5e-9, 1e21, 0.5, -0, 12])).toBe(
      '[\n  0.0000001,\n  -0.0000000025,\n  1000000000000000000000,\n  0.5,\n  0,\n  12\n]',
    )
    expect(JSON.parse(formatJson([1e-7, 1.2345e-12]))).toEqual([1e-7, 1.2345e-12])
  })

  it('prints report figures and summary totals exactly', () => {
    const report = render(
      {
        dimensions: ['service'],
        metric: 'unblended',
        total: '123456789012.3456788336',
        rows: [
          { keys: ['Amazon EC2'], value: '123456789012.3456789012' },
          { keys: ['Tax'], value: '-0.0000000676' },
        ],
      },
      'json',
    )
    expect(report).toContain('"cost": 123456789012.3456789012')
    expect(report).toContain('"cost": -0.0000000676')
    const summary: SummaryResult = {
      format: 'cur2-csv',
      rows: 3,
      billingPeriods: ['2026-04'],
      currency: 'USD',
      totals: {
        unblended: '-0.0000000676',
        net: '-0.0000000676',
        amortized: '-0.0000000676',
        ondemand: '0.0000000000',
      },
      byLineItemType: [
        {
          lineItemType: 'Usage',
          rows: 2,
          unblended: '123456789012.3456789012',
          net: '0',
          amortized: '123456789012.3456789012',
          ondemand: '0',
        },
      ],
      byMonth: [],
      byService: [],
      reconciliation: { sourceUnblended: '0', viewUnblended: '0', matches: true },
    }
    const models = {
      bedrockCost: '0',
      unknownCost: '-0.0000000676',
      unknownModels: ['Claude9Sonnet'],
    }
    expect(formatJson(summaryJson(summary, models), 0)).toBe(
      '{"format":"cur2-csv","rows":3,"billingPeriods":["2026-04"],"totals":{"unblended":-0.0000000676,' +
        '"net":-0.0000000676,"amortized":-0.0000000676,"byLineItemType":{"Usage":{' +
        '"unblended":123456789012.3456789012,"net":0,"amortized":123456789012.3456789012}}},"models":{"bedrockCost":0,"unknownCost":-0.0000000676,' +
        '"unknownModels":["Claude9Sonnet"]}}',
    )
  })
})
