// Decides which export format a file is from its column names (a CSV header or a Parquet schema):
// CUR 2.0 (snake_case with the `product`/`tags` map columns), legacy CUR CSV (`lineItem/…`), legacy
// Athena Parquet (snake_case, flattened, no map columns) or FOCUS (`BilledCost`, `ChargeCategory`).
// A file of a known family that lacks a column the view cannot do without is MISSING_COLUMN.
import type { SourceFormat } from '../api.js'
import { CurLensError } from '../errors/curlens-error.js'
import { messages } from './messages.js'

export type Family = 'cur2' | 'cur1' | 'focus'

/** The export format and the reader it needs. */
export interface Shape {
  family: Family
  format: SourceFormat
  container: 'parquet' | 'csv'
}

const REQUIRED: Record<'cur2' | 'cur1-csv' | 'cur1-parquet' | 'focus', string[][]> = {
  cur2: [
    ['line_item_unblended_cost'],
    ['line_item_line_item_type'],
    ['bill_billing_period_start_date'],
  ],
  'cur1-parquet': [
    ['line_item_unblended_cost'],
    ['line_item_line_item_type'],
    ['bill_billing_period_start_date'],
  ],
  'cur1-csv': [
    ['lineItem/UnblendedCost'],
    ['lineItem/LineItemType'],
    ['bill/BillingPeriodStartDate'],
  ],
  focus: [['BilledCost'], ['ChargeCategory', 'ChargeType'], ['BillingPeriodStart']],
}

const FOCUS_SIGNATURE = [
  'BilledCost',
  'EffectiveCost',
  'ListCost',
  'ChargeCategory',
  'ChargeType',
  'BillingPeriodStart',
  'ChargePeriodStart',
  'BillingAccountId',
  'SubAccountId',
  'ServiceName',
]
const CUR2_MAP_COLUMNS = ['product', 'tags', 'resource_tags', 'cost_category']
const SNAKE_SIGNATURE = /^(line_item|bill|identity|pricing|product|reservation|savings_plan)_/
const LEGACY_SIGNATURE = /^(lineItem|bill|identity|pricing|product|reservation|savingsPlan)\//

/** Which format a file is; throws NOT_A_CUR_FILE or MISSING_COLUMN naming the file. */
export function classifyColumns(
  file: string,
  columns: string[],
  container: 'parquet' | 'csv',
): Shape {
  const names = new Set(columns)
  const count = (test: (name: string) => boolean) => columns.filter(test).length
  let shape: Shape
  let required: string[][]
  if (count((c) => FOCUS_SIGNATURE.includes(c)) >= 2) {
    shape = { family: 'focus', format: 'focus', container }
    required = REQUIRED.focus
  } else if (count((c) => LEGACY_SIGNATURE.test(c)) >= 2 && container === 'csv') {
    shape = { family: 'cur1', format: 'cur1-csv', container }
    required = REQUIRED['cur1-csv']
  } else if (count((c) => SNAKE_SIGNATURE.test(c)) >= 2) {
    const cur2 = container === 'csv' || CUR2_MAP_COLUMNS.some((c) => names.has(c))
    shape = cur2
      ? { family: 'cur2', format: container === 'csv' ? 'cur2-csv' : 'cur2-parquet', container }
      : { family: 'cur1', format: 'cur1-parquet', container }
    required = cur2 ? REQUIRED.cur2 : REQUIRED['cur1-parquet']
  } else {
    throw new CurLensError('NOT_A_CUR_FILE', messages.notACostExport(file), { file })
  }
  const missing = required.filter((any) => !any.some((c) => names.has(c))).map((any) => any[0])
  if (missing.length > 0) {
    throw new CurLensError('MISSING_COLUMN', messages.missingColumns(file, shape.format, missing), {
      file,
    })
  }
  return shape
}

/** Key telling formats apart for the MIXED_FORMATS check (FOCUS CSV and FOCUS Parquet differ). */
export function shapeKey(shape: Shape): string {
  return `${shape.format}/${shape.container}`
}

const PART_NAME = /^(.+?)-\d+\.(snappy\.parquet|parquet|csv\.gz|csv\.zip|csv|gz|zip)$/i
const EXPORT_LAYOUT = /[\\/]([^\\/]+)[\\/]data[\\/]BILLING_PERIOD=[^\\/]+[\\/][^\\/]+$/

/**
 * The CUR 2.0 export a file belongs to, when its path says: `<export>/data/BILLING_PERIOD=…/` or a
 * part name `<export>-00001.snappy.parquet`. Undefined when neither applies (a renamed file).
 */
export function exportName(path: string): string | undefined {
  const layout = EXPORT_LAYOUT.exec(path)
  if (layout) return layout[1]
  const name = path.split(/[\\/]/).pop() ?? ''
  return PART_NAME.exec(name)?.[1]
}
