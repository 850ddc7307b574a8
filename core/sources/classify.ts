// Decides which export format a file is from its column names (a CSV header or a Parquet schema),
// on the columns that decide: FOCUS (`BilledCost`, `ChargeCategory`), legacy CUR CSV (`lineItem/…`),
// CUR 2.0 (snake_case with a map column, the principal or another CUR 2.0-only name) or legacy CUR in
// Athena's snake_case spelling (flattened tag, cost category or product columns), as Parquet or as
// CSV. A snake_case file that shows neither (a script's seven columns) is read as CUR 2.0.
import type { SourceFormat } from '../api.js'
import { CurLensError } from '../errors/curlens-error.js'
import { messages } from './messages.js'
import { CUR2_ONLY_COLUMNS, CUR2_STANDARD_COLUMNS } from './standard-columns.js'

export type Family = 'cur2' | 'cur1' | 'focus'

/** How the columns are spelled: `lineItem/UnblendedCost`, `line_item_unblended_cost`, `BilledCost`. */
export type Naming = 'slash' | 'snake' | 'pascal'

/** The export format and the reader it needs. */
export interface Shape {
  family: Family
  format: SourceFormat
  container: 'parquet' | 'csv'
  naming: Naming
}

/** Columns the view cannot do without (any one of each group); the billing period is billing-period.ts's. */
const REQUIRED: Record<Naming, string[][]> = {
  snake: [['line_item_unblended_cost'], ['line_item_line_item_type']],
  slash: [['lineItem/UnblendedCost'], ['lineItem/LineItemType']],
  pascal: [['BilledCost'], ['ChargeCategory', 'ChargeType'], ['BillingPeriodStart']],
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
const SNAKE_SIGNATURE = /^(line_item|bill|identity|pricing|product|reservation|savings_plan)_/
const LEGACY_SIGNATURE = /^(lineItem|bill|identity|pricing|product|reservation|savingsPlan)\//

/**
 * Athena's flattening of legacy CUR: one column per tag or cost category, and product attributes
 * that CUR 2.0 keeps inside its `product` map (product_product_name, product_servicename, …).
 */
function isLegacyAthenaColumn(name: string): boolean {
  if (/^(resource_tags|cost_category)_./.test(name)) return true
  return name.startsWith('product_') && !CUR2_STANDARD_COLUMNS.has(name)
}

/** Which format a file is; throws NOT_A_CUR_FILE or MISSING_COLUMN naming the file. */
export function classifyColumns(
  file: string,
  columns: string[],
  container: 'parquet' | 'csv',
): Shape {
  const names = new Set(columns)
  const count = (test: (name: string) => boolean) => columns.filter(test).length
  let shape: Shape
  if (count((c) => FOCUS_SIGNATURE.includes(c)) >= 2) {
    shape = { family: 'focus', format: 'focus', container, naming: 'pascal' }
  } else if (count((c) => LEGACY_SIGNATURE.test(c)) >= 2 && container === 'csv') {
    shape = { family: 'cur1', format: 'cur1-csv', container, naming: 'slash' }
  } else if (count((c) => SNAKE_SIGNATURE.test(c)) >= 2) {
    const cur2 =
      columns.some((c) => CUR2_ONLY_COLUMNS.has(c)) || !columns.some(isLegacyAthenaColumn)
    const format = cur2 ? `cur2-${container}` : container === 'csv' ? 'cur1-csv' : 'cur1-parquet'
    shape = {
      family: cur2 ? 'cur2' : 'cur1',
      format: format as SourceFormat,
      container,
      naming: 'snake',
    }
  } else {
    throw new CurLensError('NOT_A_CUR_FILE', messages.notACostExport(file), { file })
  }
  const missing = REQUIRED[shape.naming]
    .filter((any) => !any.some((c) => names.has(c)))
    .map((any) => any[0])
  if (missing.length > 0) {
    throw new CurLensError('MISSING_COLUMN', messages.missingColumns(file, shape, missing), {
      file,
    })
  }
  return shape
}

/** Key telling formats apart for the MIXED_FORMATS check (FOCUS CSV and FOCUS Parquet differ). */
export function shapeKey(shape: Shape): string {
  return `${shape.format}/${shape.container}/${shape.naming}`
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
