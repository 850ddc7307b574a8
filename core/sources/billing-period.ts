// Where each file's billing period comes from. A CUR file normally carries it
// (bill_billing_period_start_date); a file a script wrote may not. Then the period is the month its
// `BILLING_PERIOD=YYYY-MM` (CUR 2.0) or `YYYYMMDD-YYYYMMDD` (legacy CUR) folder names, else the month
// each row's usage starts in, and the file's notices say which. Decided per file, so a folder mixing
// files with and without the column gives every row its own file's period.
import { CurLensError } from '../errors/curlens-error.js'
import type { Shape } from './classify.js'
import { messages } from './messages.js'
import { sqlString } from './sql-text.js'

/** A billing period folder: `BILLING_PERIOD=2026-07` or `20260701-20260801`. */
export const PERIOD_FOLDER = /^(BILLING_PERIOD=\d{4}-\d{2}|\d{8}-\d{8})$/

export type PeriodSource =
  { kind: 'column' } | { kind: 'folder'; folder: string; month: string } | { kind: 'usage' }

const COLUMNS = {
  snake: { period: 'bill_billing_period_start_date', usage: 'line_item_usage_start_date' },
  slash: { period: 'bill/BillingPeriodStartDate', usage: 'lineItem/UsageStartDate' },
}

/** The month (YYYY-MM) of the innermost billing period folder holding `path`, if any. */
export function periodFolderOf(path: string): { folder: string; month: string } | undefined {
  const folders = path.split(/[\\/]/).slice(0, -1)
  for (let i = folders.length - 1; i >= 0; i--) {
    const folder = folders[i]
    if (!PERIOD_FOLDER.test(folder)) continue
    const digits = folder.replace(/\D/g, '')
    return { folder, month: `${digits.slice(0, 4)}-${digits.slice(4, 6)}` }
  }
  return undefined
}

/**
 * Where `file`'s billing period comes from. FOCUS requires its own column (classify.ts); a CUR file
 * with neither the period column, a period folder nor the usage start date is MISSING_COLUMN.
 */
export function periodSource(file: string, columns: string[], shape: Shape): PeriodSource {
  if (shape.naming === 'pascal') return { kind: 'column' }
  const names = COLUMNS[shape.naming]
  if (columns.includes(names.period)) return { kind: 'column' }
  const folder = periodFolderOf(file)
  if (folder) return { kind: 'folder', ...folder }
  if (columns.includes(names.usage)) return { kind: 'usage' }
  throw new CurLensError(
    'MISSING_COLUMN',
    messages.missingColumns(file, shape, [names.period, names.usage]),
    { file },
  )
}

/**
 * The billing period start of a file without the column, as SQL: its folder's month, or the month
 * of `usageStart` (the SQL of the row's usage start).
 */
export function inferredPeriodSql(source: PeriodSource, usageStart: string): string {
  if (source.kind === 'folder') return `CAST(${sqlString(`${source.month}-01`)} AS TIMESTAMP)`
  return `date_trunc('month', ${usageStart})`
}

/** The notice of a file whose period was inferred, or undefined when it has the column. */
export function periodNotice(file: string, source: PeriodSource): CurLensError | undefined {
  if (source.kind === 'column') return undefined
  const message =
    source.kind === 'folder'
      ? messages.periodFromFolder(file, source.folder, source.month)
      : messages.periodFromUsage(file)
  return new CurLensError('BILLING_PERIOD_INFERRED', message, { file })
}
