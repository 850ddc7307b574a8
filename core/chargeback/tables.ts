// The chargeback as tables: the summary, the allocations and one statement per recipient, each a
// header and rows of text and amounts. The CSVs and the workbook both write these, so a cell reads
// the same in either.
import type { ChargebackResult, LineDetail, Statement } from '../api.js'
import type { XlsxCell, XlsxColumn, XlsxTable } from '../format/xlsx.js'

const text = (name: string): XlsxColumn => ({ name, type: 'text' })
const money = (name: string): XlsxColumn => ({ name, type: 'money' })

const SUMMARY_COLUMNS = [
  text('recipient'),
  text('kind'),
  text('period'),
  text('basis'),
  money('direct'),
  money('shared'),
  money('total'),
]
const ALLOCATION_COLUMNS = [
  text('bucket'),
  text('treatment'),
  money('bucket_amount'),
  text('recipient'),
  money('amount'),
  text('description'),
]
/** The statement's principal column is named after the level its lines name. */
const statementColumns = (lineDetail: LineDetail) => [
  text('recipient'),
  text('period'),
  text('basis'),
  text('section'),
  text('service'),
  text('model'),
  text(lineDetail === 'none' ? 'principal' : lineDetail),
  text('label'),
  text('rule'),
  text('description'),
  money('amount'),
]

export function summaryTable(result: ChargebackResult): XlsxTable {
  const rows: XlsxCell[][] = result.statements.map((s) => [
    s.recipient,
    s.kind,
    s.period,
    s.basis,
    s.direct,
    s.shared,
    s.total,
  ])
  return { columns: SUMMARY_COLUMNS, rows }
}

/** Recipients plus kept buckets equal the bill, as the metadata states it. */
export function reconciliationTable(result: ChargebackResult): XlsxTable {
  return {
    columns: [text('reconciliation'), money('amount')],
    rows: [
      ['recipients total', result.recipientsTotal],
      ['unallocated (kept shared cost)', result.unallocated],
      ['bill total', result.billTotal],
    ],
  }
}

export function allocationsTable(result: ChargebackResult): XlsxTable {
  const rows: XlsxCell[][] = result.allocations.flatMap((a) =>
    a.shares.map((share) => [
      a.bucket,
      a.treatment.method,
      a.amount,
      share.recipient,
      share.amount,
      a.description,
    ]),
  )
  return { columns: ALLOCATION_COLUMNS, rows }
}

/** Lines (adding up to direct, or to the kept amount), direct, each shared share, total. */
export function statementTable(s: Statement, result: ChargebackResult): XlsxTable {
  const head = [s.recipient, s.period, s.basis]
  const rows: XlsxCell[][] = s.lines.map((l) => [
    ...head,
    'line',
    l.service,
    l.model,
    l.principal,
    l.label ?? null,
    l.rule ?? null,
    null,
    l.amount,
  ])
  rows.push([...head, 'direct', null, null, null, null, null, 'Direct cost', s.direct])
  for (const share of s.sharedByBucket) {
    const allocation = result.allocations.find((a) => a.bucket === share.bucket)
    rows.push([
      ...head,
      'shared',
      null,
      null,
      null,
      null,
      null,
      allocation?.description ?? share.bucket,
      share.amount,
    ])
  }
  rows.push([...head, 'total', null, null, null, null, null, 'Total', s.total])
  return { columns: statementColumns(result.lineDetail), rows }
}
