import { describe, expect, it } from 'vitest'
import { classifyColumns, exportName, shapeKey } from '../../../core/sources/classify.js'
import { CurLensError } from '../../../core/errors/curlens-error.js'

const CUR2 = [
  'bill_billing_period_start_date',
  'line_item_line_item_type',
  'line_item_unblended_cost',
]

function failure(run: () => unknown): CurLensError {
  try {
    run()
  } catch (e) {
    if (e instanceof CurLensError) return e
    throw e
  }
  throw new Error('expected a CurLensError')
}

describe('telling export formats apart by their columns', () => {
  it('reads snake_case CSV as CUR 2.0 CSV', () => {
    expect(classifyColumns('a.csv', CUR2, 'csv')).toEqual({
      family: 'cur2',
      format: 'cur2-csv',
      container: 'csv',
      naming: 'snake',
    })
  })

  it('reads snake_case Parquet with map columns as CUR 2.0 and with flattened columns as legacy Athena', () => {
    expect(classifyColumns('a', [...CUR2, 'product', 'tags'], 'parquet').format).toBe(
      'cur2-parquet',
    )
    for (const flattened of [
      'product_product_name',
      'resource_tags_user_team',
      'cost_category_x',
    ]) {
      expect(classifyColumns('a', [...CUR2, flattened], 'parquet').format, flattened).toBe(
        'cur1-parquet',
      )
    }
  })

  it('reads a file with the principal but no map column as CUR 2.0 (a script wrote it)', () => {
    const script = [...CUR2, 'line_item_iam_principal', 'line_item_usage_account_id']
    expect(classifyColumns('a', script, 'parquet').format).toBe('cur2-parquet')
    const both = [...script, 'product_product_name']
    expect(classifyColumns('a', both, 'parquet').format).toBe('cur2-parquet')
  })

  it('reads a snake_case file that shows neither CUR 2.0 nor legacy columns as CUR 2.0', () => {
    expect(classifyColumns('a', CUR2, 'parquet').format).toBe('cur2-parquet')
    const standardFlat = [...CUR2, 'product_servicecode', 'product_region_code']
    expect(classifyColumns('a', standardFlat, 'parquet').format).toBe('cur2-parquet')
  })

  it('reads a CSV with Athena column names and flattened tags as legacy CUR, told apart from lineItem/… CSV', () => {
    const athena = classifyColumns('a.csv', [...CUR2, 'resource_tags_user_team'], 'csv')
    expect(athena).toEqual({
      family: 'cur1',
      format: 'cur1-csv',
      container: 'csv',
      naming: 'snake',
    })
    const legacy = classifyColumns(
      'b.csv',
      ['bill/BillingPeriodStartDate', 'lineItem/LineItemType', 'lineItem/UnblendedCost'],
      'csv',
    )
    expect(shapeKey(athena)).not.toBe(shapeKey(legacy))
  })

  it('reads lineItem/… headers as legacy CUR CSV and FOCUS names as FOCUS', () => {
    const legacy = [
      'bill/BillingPeriodStartDate',
      'lineItem/LineItemType',
      'lineItem/UnblendedCost',
    ]
    expect(classifyColumns('a.csv', legacy, 'csv').format).toBe('cur1-csv')
    const focus = ['BilledCost', 'ChargeCategory', 'BillingPeriodStart', 'ServiceName']
    expect(classifyColumns('a.csv', focus, 'csv')).toEqual({
      family: 'focus',
      format: 'focus',
      container: 'csv',
      naming: 'pascal',
    })
    expect(
      classifyColumns('a.csv', ['BilledCost', 'ChargeType', 'BillingPeriodStart'], 'csv').format,
    ).toBe('focus')
  })

  it('names the missing column of a cost export that lacks the unblended cost', () => {
    const error = failure(() =>
      classifyColumns(
        '/x/bill.csv',
        ['bill_billing_period_start_date', 'line_item_line_item_type'],
        'csv',
      ),
    )
    expect(error.code).toBe('MISSING_COLUMN')
    expect(error.message).toContain('/x/bill.csv')
    expect(error.message).toContain('line_item_unblended_cost')
  })

  it('refuses a file with no cost columns at all', () => {
    const error = failure(() => classifyColumns('/x/people.csv', ['name', 'email'], 'csv'))
    expect(error.code).toBe('NOT_A_CUR_FILE')
    expect(error.file).toBe('/x/people.csv')
  })
})

describe('the CUR 2.0 export a file belongs to', () => {
  it('comes from the data-exports folder layout', () => {
    expect(
      exportName('/b/cur/my-export/data/BILLING_PERIOD=2026-07/my-export-00001.snappy.parquet'),
    ).toBe('my-export')
  })

  it('comes from the part name when the file was picked alone', () => {
    expect(exportName('/d/ha-project-CUR-daily-1-00001.csv')).toBe('ha-project-CUR-daily-1')
    expect(exportName('/d/MockTestReportV2-00001.csv.gz')).toBe('MockTestReportV2')
  })

  it('is unknown for a renamed file', () => {
    expect(exportName('/d/july.parquet')).toBeUndefined()
  })
})
