// Builds the `cur_staged` projection: the columns one format's normalization SQL reads, under that
// format's own names and with fixed types, whatever the files hold. A column missing from every file
// becomes a typed NULL; a column stored with another type is cast (TIMESTAMPTZ is read in UTC, an
// account id stored as a number is padded back to 12 digits, text timestamps are read in any ISO
// form, see timestamp-text.ts). A file without a billing period column gets its inferred one
// (billing-period.ts). Identifiers come from the file's own schema and go through the one quoting
// helper.
import { inferredPeriodSql, type PeriodSource } from './billing-period.js'
import type { Family } from './classify.js'
import {
  legacyTagKey,
  mapFromJson,
  SQL_TYPE,
  STAGED_COLUMNS,
  type ValueType,
} from './column-types.js'
import { sqlIdentifier, sqlString } from './sql-text.js'
import { timestampFromText } from './timestamp-text.js'

export interface PhysicalColumn {
  name: string
  type: string
}

const INTEGER = /^(U?BIGINT|U?INTEGER|U?SMALLINT|U?TINYINT|HUGEINT|UHUGEINT)$/
const TEXT = /^(VARCHAR|JSON)$/

/** A file, as `sourceFile` names it, whose rows' billing period is inferred. */
export interface InferredPeriod {
  file: string
  period: PeriodSource
}

/**
 * SELECT list for `cur_staged`; `sourceFile` is the expression naming each row's file, and
 * `inferred` lists the files without a billing period column.
 */
export function stagedSelectList(
  family: Family,
  physical: PhysicalColumn[],
  sourceFile: string,
  inferred: InferredPeriod[] = [],
): string {
  const find = lookup(physical)
  const staged = (name: string, type: ValueType) => {
    const found = find(name)
    return found
      ? convert(sqlIdentifier(found.name), found.type, type)
      : `CAST(NULL AS ${SQL_TYPE[type]})`
  }
  const items = STAGED_COLUMNS[family].map((column) => {
    let value = staged(column.name, column.type)
    if (column.name === 'bill_billing_period_start_date' && inferred.length > 0) {
      const usage = staged('line_item_usage_start_date', 'timestamp')
      const cases = inferred.map(
        (f) => `WHEN ${sqlString(f.file)} THEN ${inferredPeriodSql(f.period, usage)}`,
      )
      value = `CASE ${sourceFile} ${cases.join(' ')} ELSE ${value} END`
    }
    return `${value} AS ${sqlIdentifier(column.name)}`
  })
  if (family === 'cur1') items.push(`${legacyTags(physical, find)} AS tags`)
  items.push(`${sourceFile} AS source_file`)
  return items.join(',\n  ')
}

/** Exact name first, then the same name in another letter case. */
function lookup(physical: PhysicalColumn[]) {
  const exact = new Map(physical.map((c) => [c.name, c]))
  const folded = new Map<string, PhysicalColumn>()
  for (const c of physical)
    if (!folded.has(c.name.toLowerCase())) folded.set(c.name.toLowerCase(), c)
  return (name: string) => exact.get(name) ?? folded.get(name.toLowerCase())
}

/** `column` (stored as `physicalType`) as a staged value of `type`. */
export function convert(column: string, physicalType: string, type: ValueType): string {
  const text = TEXT.test(physicalType)
  const blankIsNull = `nullif(${column}, '')`
  switch (type) {
    case 'text':
      return text ? column : `CAST(${column} AS VARCHAR)`
    case 'account':
      if (INTEGER.test(physicalType)) return `lpad(CAST(${column} AS VARCHAR), 12, '0')`
      return text ? column : `CAST(${column} AS VARCHAR)`
    case 'timestamp':
      if (physicalType === 'TIMESTAMP') return column
      if (physicalType === 'TIMESTAMP WITH TIME ZONE') return `timezone('UTC', ${column})`
      return text ? timestampFromText(column) : `CAST(${column} AS TIMESTAMP)`
    case 'double':
      if (physicalType === 'DOUBLE') return column
      return `CAST(${text ? blankIsNull : column} AS DOUBLE)`
    case 'money':
      // Doubles stay doubles here: the normalization does its arithmetic (amortized cost) in the
      // file's own precision and casts each result to DECIMAL(18,10) once, which is several times
      // cheaper than decimal arithmetic on every row and equal to it at 10 decimals.
      if (physicalType === SQL_TYPE.money || physicalType === 'DOUBLE') return column
      if (physicalType === 'FLOAT') return `CAST(${column} AS DOUBLE)`
      return `CAST(${text ? blankIsNull : column} AS DECIMAL(18,10))`
    case 'map':
      if (physicalType === SQL_TYPE.map) return column
      if (physicalType.startsWith('MAP(')) return `CAST(${column} AS MAP(VARCHAR, VARCHAR))`
      if (text) return mapFromJson(blankIsNull)
      return 'CAST(NULL AS MAP(VARCHAR, VARCHAR))'
  }
}

/**
 * Legacy tags as one map. A CSV converted on open already carries it (`tags`); an Athena Parquet
 * export has one column per key (see legacyTagKey).
 */
function legacyTags(
  physical: PhysicalColumn[],
  find: (name: string) => PhysicalColumn | undefined,
): string {
  const converted = find('tags')
  if (converted?.type.startsWith('MAP('))
    return convert(sqlIdentifier(converted.name), converted.type, 'map')
  const entries = physical.flatMap((c) => {
    const key = legacyTagKey(c.name)
    if (!key) return []
    return [
      `{'key': ${sqlString(key)}, 'value': ${convert(sqlIdentifier(c.name), c.type, 'text')}}`,
    ]
  })
  if (entries.length === 0) return 'CAST(MAP {} AS MAP(VARCHAR, VARCHAR))'
  return `map_from_entries(list_filter([${entries.join(', ')}], lambda e: coalesce(e.value, '') <> ''))`
}
