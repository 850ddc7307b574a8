// Builds the normalized `cur` view over Parquet files (the user's own, or CSV converted on open) in
// three layers: `cur_raw` (the staged columns, straight off the files, see staging.ts), `cur_staged`
// (plus service names for CUR 2.0 Parquet, see product-names.ts) and `cur` (one normalization SQL per
// format, see normalize/). Nothing is materialized: every query reads the files.
// CREATE VIEW cannot take parameters, so the file list is written into it with the quoting helper;
// every other query binds it. `cur_source_files` records what was read, for reconciliation.
import type { Engine } from '../engine/duckdb.js'
import type { Family } from './classify.js'
import { CUR1_NORMALIZE_SQL } from './normalize/cur1.js'
import { CUR2_NORMALIZE_SQL } from './normalize/cur2.js'
import { FOCUS_NORMALIZE_SQL } from './normalize/focus.js'
import {
  createProductNames,
  STAGED_WITH_PRODUCT_NAMES,
  type ProductKeyRow,
} from './product-names.js'
import { sqlStringList } from './sql-text.js'
import { stagedSelectList, type PhysicalColumn } from './staging.js'

const NORMALIZE_SQL: Record<Family, string> = {
  cur2: CUR2_NORMALIZE_SQL,
  cur1: CUR1_NORMALIZE_SQL,
  focus: FOCUS_NORMALIZE_SQL,
}

const PROFILE_COLUMNS: Record<Family, { period: string; currency: string }> = {
  cur2: { period: 'bill_billing_period_start_date', currency: 'line_item_currency_code' },
  cur1: { period: 'bill_billing_period_start_date', currency: 'line_item_currency_code' },
  focus: { period: 'BillingPeriodStart', currency: 'BillingCurrency' },
}

export interface ViewSource {
  family: Family
  /** Parquet files the view reads. */
  files: string[]
  /** True when the files are our own conversions, which carry `source_file` and flat names. */
  converted: boolean
  /** The user's CUR 2.0 Parquet files that have the `product` map. */
  filesWithProductMap: Set<string>
}

export interface ViewProfile {
  physical: PhysicalColumn[]
  rowsByFile: Map<string, number>
  billingPeriods: string[]
  currencies: string[]
}

type ProfileRow = {
  source_file: string
  period: string | null
  currency: string | null
  rows: string
  code?: string
  servicecode?: string
  line_item_type?: string
  first_row?: string
}

export async function createCurView(
  engine: Engine,
  source: ViewSource,
  signal?: AbortSignal,
): Promise<ViewProfile> {
  const options = source.converted
    ? 'union_by_name = true'
    : 'union_by_name = true, filename = true, file_row_number = true'
  const reader = `read_parquet(${sqlStringList(source.files)}, ${options})`
  const physical = (
    await engine.query<{ column_name: string; column_type: string }>(
      `SELECT column_name, column_type
       FROM (DESCRIBE SELECT * FROM read_parquet($files, union_by_name = true))`,
      { files: source.files },
      { signal },
    )
  ).map((c) => ({ name: c.column_name, type: c.column_type }))
  const names = new Set(physical.map((c) => c.name))
  const lookup =
    source.family === 'cur2' &&
    !source.converted &&
    names.has('product') &&
    !names.has('product_servicename')
  const select = stagedSelectList(
    source.family,
    physical,
    source.converted ? 'source_file' : 'filename',
  )
  const rowNumber = lookup ? ',\n  file_row_number' : ''
  await engine.query(`CREATE VIEW cur_raw AS SELECT\n  ${select}${rowNumber}\nFROM ${reader}`)

  const profile = await engine.query<ProfileRow>(profileSql(source.family, lookup), {}, { signal })
  if (lookup) {
    const keys: ProductKeyRow[] = profile.map((p) => ({
      file: p.source_file,
      code: p.code ?? '',
      servicecode: p.servicecode ?? '',
      lineItemType: p.line_item_type ?? '',
      row: Number(p.first_row),
    }))
    await createProductNames(engine, keys, source.filesWithProductMap, signal)
  }
  await engine.query(
    `CREATE VIEW cur_staged AS ${lookup ? STAGED_WITH_PRODUCT_NAMES : 'SELECT * FROM cur_raw'}`,
  )
  await engine.query(`CREATE VIEW cur AS ${NORMALIZE_SQL[source.family]}`)
  return summarizeProfile(physical, profile)
}

/**
 * One cheap scan: rows per file, billing periods, currencies and (CUR 2.0 Parquet) product keys.
 * Grouped on the raw period timestamp, formatted only per group.
 */
function profileSql(family: Family, productKeys: boolean): string {
  const { period, currency } = PROFILE_COLUMNS[family]
  const keys = productKeys
    ? `coalesce(line_item_product_code, '') AS code,
       coalesce(product_servicecode, '') AS servicecode,
       coalesce(line_item_line_item_type, '') AS line_item_type,`
    : ''
  const firstRow = productKeys ? ', CAST(min(file_row_number) AS VARCHAR) AS first_row' : ''
  return `SELECT * REPLACE (strftime(period, '%Y-%m') AS period)
FROM (
  SELECT source_file, ${period} AS period, ${currency} AS currency,
         ${keys} CAST(count(*) AS VARCHAR) AS rows${firstRow}
  FROM cur_raw
  GROUP BY ALL)`
}

function summarizeProfile(physical: PhysicalColumn[], profile: ProfileRow[]): ViewProfile {
  const rowsByFile = new Map<string, number>()
  const periods = new Set<string>()
  const currencies = new Set<string>()
  for (const row of profile) {
    rowsByFile.set(row.source_file, (rowsByFile.get(row.source_file) ?? 0) + Number(row.rows))
    if (row.period) periods.add(row.period)
    if (row.currency) currencies.add(row.currency)
  }
  return {
    physical,
    rowsByFile,
    billingPeriods: [...periods].sort(),
    currencies: [...currencies].sort(),
  }
}
