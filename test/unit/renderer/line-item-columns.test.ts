import { describe, expect, it } from 'vitest'
import { columnTitle, isMoneyColumn } from '../../../renderer/src/model/line-item-columns.js'

describe('line item columns', () => {
  it('turns engine column names into headings', () => {
    expect(columnTitle('usage_start')).toBe('Usage start')
    expect(columnTitle('principal_arn')).toBe('Principal ARN')
    expect(columnTitle('usage_account_id')).toBe('Usage account ID')
  })

  it('tells cost columns from usage quantities', () => {
    expect(isMoneyColumn('unblended_cost')).toBe(true)
    expect(isMoneyColumn('ondemand_cost')).toBe(true)
    expect(isMoneyColumn('usage_amount')).toBe(false)
    expect(isMoneyColumn('cost_category')).toBe(true)
  })
})
