import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { classifyColumns } from '../../../core/sources/classify.js'
import { unreadColumns } from '../../../core/sources/column-audit.js'

const SAMPLES = '/work/shared/samples'
const headerOf = async (path: string) =>
  (await readFile(path, 'utf8'))
    .split(/\r?\n/)[0]
    .split(',')
    .map((c) => c.replace(/"/g, ''))

describe('columns that look like tags, principals or costs and that nothing reads', () => {
  it.each([
    'ola-raji-cur2-csv/ha-project-CUR-daily-1-00001.csv',
    'focus-converters-aws-cur1-csv/sample-anonymous-aws-export-dataset.csv',
    'focus-sample-data-1.0/focus_sample.csv',
  ])('are none in the real export %s', async (file) => {
    const header = await headerOf(`${SAMPLES}/${file}`)
    expect(unreadColumns(classifyColumns(file, header, 'csv'), header)).toEqual([])
  })

  it('are the non-standard ones, in any format', () => {
    const cur2 = [
      'line_item_unblended_cost',
      'line_item_line_item_type',
      'tags',
      'team_tag',
      'line_item_blended_cost',
    ]
    expect(unreadColumns(classifyColumns('a', cur2, 'parquet'), cur2)).toEqual(['team_tag'])
    const focus = [
      'BilledCost',
      'ChargeCategory',
      'BillingPeriodStart',
      'AllocatedTags',
      'x_Discounts',
      'ConsumerId',
    ]
    expect(unreadColumns(classifyColumns('a', focus, 'csv'), focus)).toEqual(['AllocatedTags'])
    const legacy = [
      'lineItem/UnblendedCost',
      'lineItem/LineItemType',
      'resourceTags/user:team',
      'lineItem/BlendedCost',
      'myCost',
    ]
    expect(unreadColumns(classifyColumns('a', legacy, 'csv'), legacy)).toEqual(['myCost'])
  })
})
