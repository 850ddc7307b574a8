// Builds the normalized `cur` view over Parquet files (the user's own, or CSV converted on open) in
// three layers: `cur_raw` (the staged columns, straight off the files, see staging.ts), `cur_staged`
// (plus service names for CUR 2.0 Parquet, see product-names.ts) and `cur` (one normalization per
// format, see normalize/). Nothing is copied: every query reads the files. Opening scans them once,
// for the totals (totals.ts), from which the profile (rows per file, billing periods, currencies)
// and the summary are read.
// CREATE VIEW cannot take parameters, so the file list is written into it with the quoting helper;
// every other query binds it. `cur_source_files` records what was read, for reconciliation.
import type { Engine } from '../engine/duckdb.js'
import type { Family } from './classify.js'
import { CUR1_NORMALIZATION } from './normalize/cur1.js'
import { CUR2_LOOKUP_NORMALIZATION, CUR2_NORMALIZATION } from './normalize/cur2.js'
import { FOCUS_NORMALIZATION } from './normalize/focus.js'
import { normalizedSelect, tagMacroSql, type Normalization } from './normalize/normalization.js'
import { createProductNames, PRODUCT_NAMES_TABLE, withProductNames } from './product-names.js'
import { sqlStringList } from './sql-text.js'
import { stagedSelectList, type InferredPeriod, type PhysicalColumn } from './staging.js'
import { createRollupSql, createTotalsSql, ROLLUP_VIEW, TOTALS_TABLE } from './totals.js'

const NORMALIZATION: Record<Family, Normalization> = {
  cur2: CUR2_NORMALIZATION,
  cur1: CUR1_NORMALIZATION,
  focus: FOCUS_NORMALIZATION,
}

export interface ViewSource {
  family: Family
  /** Parquet files the view reads. */
  files: string[]
  /** True when the files are our own conversions, which carry `source_file` and flat names. */
  converted: boolean
  /** The user's CUR 2.0 Parquet files that have the `product` map, and its type (a MAP, or text). */
  productMaps: Map<string, string>
  /** The user's Parquet files without a billing period column (a CSV's conversion writes it). */
  inferredPeriods: InferredPeriod[]
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
}

const PROFILE_SQL = `SELECT source_file, billing_period AS period, currency,
  CAST(sum(rows) AS VARCHAR) AS rows
FROM ${ROLLUP_VIEW}
GROUP BY ALL`

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
    source.inferredPeriods,
  )
  const rowNumber = lookup ? ',\n  file_row_number' : ''
  await engine.query(`CREATE VIEW cur_raw AS SELECT\n  ${select}${rowNumber}\nFROM ${reader}`)

  const normalization = lookup ? CUR2_LOOKUP_NORMALIZATION : NORMALIZATION[source.family]
  // An earlier open of the same files may have kept them (open-cache.ts).
  const kept = await engine.query<{ name: string }>(
    'SELECT table_name AS name FROM duckdb_tables() WHERE table_name IN ($totals, $names)',
    { totals: TOTALS_TABLE, names: PRODUCT_NAMES_TABLE },
  )
  const keptTable = (name: string) => kept.some((t) => t.name === name)
  if (!keptTable(TOTALS_TABLE)) {
    await engine.query(createTotalsSql(normalization, lookup), {}, { signal })
  }
  if (lookup && !keptTable(PRODUCT_NAMES_TABLE)) {
    await createProductNames(engine, source.productMaps, signal)
  }
  const staged = (relation: string) =>
    lookup ? withProductNames(relation) : `SELECT * FROM ${relation}`
  await engine.query(`CREATE VIEW cur_staged AS ${staged('cur_raw')}`)
  await engine.query(`CREATE VIEW cur AS ${normalizedSelect(normalization, 'cur_staged')}`)
  for (const sql of tagMacroSql(normalization)) await engine.query(sql)
  await engine.query(createRollupSql(normalization, staged(TOTALS_TABLE)))
  return summarizeProfile(physical, await engine.query<ProfileRow>(PROFILE_SQL))
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
