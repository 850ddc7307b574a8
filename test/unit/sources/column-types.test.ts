import { describe, expect, it } from 'vitest'
import { athenaName, convertedType } from '../../../core/sources/column-types.js'

describe('legacy CUR column names', () => {
  it('become their Athena spelling, one underscore per capital letter', () => {
    expect(athenaName('lineItem/UnblendedCost')).toBe('line_item_unblended_cost')
    expect(athenaName('savingsPlan/SavingsPlanARN')).toBe('savings_plan_savings_plan_a_r_n')
    expect(athenaName('reservation/ReservationARN')).toBe('reservation_reservation_a_r_n')
    expect(athenaName('pricing/publicOnDemandCost')).toBe('pricing_public_on_demand_cost')
    expect(athenaName('product/servicename')).toBe('product_servicename')
    expect(athenaName('product/ProductName')).toBe('product_product_name')
    expect(athenaName('bill/PayerAccountId')).toBe('bill_payer_account_id')
  })
})

describe('the type a CSV column is converted to', () => {
  it('keeps account ids as text', () => {
    expect(convertedType('cur2', 'line_item_usage_account_id')).toBe('account')
    expect(convertedType('cur2', 'bill_payer_account_id')).toBe('account')
    expect(convertedType('focus', 'SubAccountId')).toBe('account')
  })

  it('reads the costs the view uses as money and the CUR 2.0 maps and FOCUS Tags as maps', () => {
    expect(convertedType('cur2', 'line_item_unblended_cost')).toBe('money')
    expect(convertedType('cur1', 'reservation_effective_cost')).toBe('money')
    expect(convertedType('cur2', 'resource_tags')).toBe('map')
    expect(convertedType('focus', 'Tags')).toBe('map')
  })

  it('leaves out the columns the normalization does not read', () => {
    expect(convertedType('cur2', 'line_item_blended_cost')).toBeUndefined()
    expect(convertedType('cur2', 'discount')).toBeUndefined()
    expect(convertedType('focus', 'x_Discounts')).toBeUndefined()
  })
})
