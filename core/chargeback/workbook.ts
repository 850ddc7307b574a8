// The chargeback as one Excel workbook: a Summary sheet (one row per recipient and kept bucket,
// then the reconciliation to the bill), one sheet per statement, the Allocations and a Metadata
// sheet (period, basis, recipients, shared-cost treatments, filters, rules, the sources and usage
// logs with their SHA-256). The tables are the CSVs' own, so each cell reads the same; amounts are numbers.
// Its dates come from the period, so the same inputs give the same bytes.
import type { ChargebackResult, Filter, SharedTreatment } from '../api.js'
import {
  MAX_SHEET_NAME,
  sheetName,
  toXlsx,
  type XlsxSheet,
  type XlsxTable,
} from '../format/xlsx.js'
import type { ChargebackMetadata } from './metadata.js'
import { allocationsTable, reconciliationTable, statementTable, summaryTable } from './tables.js'

const FIXED_SHEETS = ['Summary', 'Allocations', 'Metadata']

export function chargebackWorkbook(
  result: ChargebackResult,
  metadata: ChargebackMetadata,
  billingPeriods: string[],
): Promise<Uint8Array> {
  const names = statementSheetNames(result.statements.map((s) => s.recipient))
  const sheets: XlsxSheet[] = [
    { name: 'Summary', tables: [summaryTable(result), reconciliationTable(result)] },
    ...result.statements.map((s, i) => ({ name: names[i], tables: [statementTable(s, result)] })),
    { name: 'Allocations', tables: [allocationsTable(result)] },
    { name: 'Metadata', tables: metadataTables(metadata) },
  ]
  return toXlsx(sheets, {
    currency: metadata.currency,
    date: exportDate(result.period, billingPeriods),
  })
}

/** The first day of the period; for every period, of the last one (never the clock). */
export function exportDate(period: string, billingPeriods: string[]): Date {
  const month = period === 'all' ? billingPeriods.at(-1) : period
  const match = month ? /^(\d{4})-(\d{2})$/.exec(month) : null
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)) : new Date(0)
}

/** One sheet name per statement, distinct from each other and the fixed sheets, ignoring case. */
export function statementSheetNames(recipients: string[]): string[] {
  const used = new Set(FIXED_SHEETS.map((n) => n.toLowerCase()))
  return recipients.map((recipient) => {
    const base = sheetName(recipient)
    let name = base
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`
      name = `${base.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`
    }
    used.add(name.toLowerCase())
    return name
  })
}

const describeTreatment = (t: SharedTreatment) =>
  t.method === 'fixed'
    ? `fixed: ${Object.entries(t.percentages)
        .map(([recipient, percent]) => `${recipient} ${percent}%`)
        .join(', ')}`
    : t.method

const describeFilter = (f: Filter) =>
  `${f.dimension} ${f.exclude ? 'is none of' : 'is one of'} ${f.values
    .map((v) => (v === null ? '(none)' : v))
    .join(', ')}`

function metadataTables(m: ChargebackMetadata): XlsxTable[] {
  const text = (name: string) => ({ name, type: 'text' as const })
  const facts: XlsxTable = {
    columns: [text('field'), text('value')],
    rows: [
      ['tool', m.tool],
      ['period', m.period],
      ['basis', m.basis],
      ['currency', m.currency],
      ['reconciles', m.reconciles ? 'yes' : 'no'],
      ['recipients by', m.recipientsBy],
      ['statement lines name', m.lineDetail],
      ['shared roles', m.sharedRoles.join(', ') || null],
      ...m.filters.map((f): [string, string] => ['filter', describeFilter(f)]),
    ],
  }
  const shared: XlsxTable = {
    columns: [text('shared bucket'), text('treatment')],
    rows: Object.entries(m.shared).map(([bucket, t]) => [bucket, describeTreatment(t)]),
  }
  const sources: XlsxTable = {
    columns: [
      text('source file'),
      { name: 'bytes', type: 'integer' },
      { name: 'rows', type: 'integer' },
      text('sha256'),
    ],
    rows: m.sources.map((s) => [s.path, String(s.bytes), String(s.rows), s.sha256]),
  }
  const tables = [facts, shared, sources]
  if (m.usageLogs) {
    tables.push({
      columns: [
        text('usage log file'),
        { name: 'bytes', type: 'integer' },
        text('sha256'),
        text('user key'),
      ],
      rows: m.usageLogs.files.map((f) => [f.path, String(f.bytes), f.sha256, m.usageLogs!.userKey]),
    })
  }
  if (m.rules) {
    tables.push({
      columns: [text('rule'), text('recipient'), text('match'), text('tag key'), text('pattern')],
      rows: m.rules.rules.map((r) => [
        r.id,
        r.recipient,
        r.match.kind,
        r.match.kind === 'tag' ? r.match.key : null,
        r.match.pattern,
      ]),
    })
  }
  return tables
}
