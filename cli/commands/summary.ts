// `cur-lens summary <path...> [--json]`: the format, rows, billing periods and totals by line item
// type (unblended and amortized) of a cost export, and whether the view reconciles to the files' own
// total. --json prints exactly one JSON document on stdout; amounts become JSON numbers only here.
import { parseArgs } from 'node:util'
import type { SummaryResult } from '../../core/api.js'
import { createMoneyFormatter } from '../../core/format/money.js'
import { formatLabel } from '../../core/sources/messages.js'
import { withOpenApi } from '../open-api.js'

const USAGE = `Usage: cur-lens summary <path...> [--json]

  <path...>   CUR files and/or export folders (CUR 2.0 Parquet or CSV, legacy CUR, FOCUS)
  --json      one JSON document: format, rows, billingPeriods, totals (numbers)
`

export async function run(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
    })
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help) {
    process.stdout.write(USAGE)
    return 0
  }
  if (positionals.length === 0) {
    process.stderr.write(`Name the CUR files or folders to read.\n\n${USAGE}`)
    return 2
  }
  return withOpenApi(positionals, async (api, opened) => {
    const summary = await api.summary()
    process.stdout.write(
      values.json
        ? `${JSON.stringify(summaryJson(summary))}\n`
        : renderSummary(summary, opened.hasPrincipal),
    )
    const { reconciliation } = summary
    if (reconciliation.matches) return 0
    process.stderr.write(
      `error: the view's unblended total ${reconciliation.viewUnblended} differs from the files' own total ${reconciliation.sourceUnblended}.\n`,
    )
    return 1
  })
}

/** A decimal string as a JSON number, at output only (10 decimals at most). */
function amount(decimal: string): number {
  return Number(Number(decimal).toFixed(10))
}

export function summaryJson(summary: SummaryResult) {
  return {
    format: summary.format,
    rows: summary.rows,
    billingPeriods: summary.billingPeriods,
    totals: {
      unblended: amount(summary.totals.unblended),
      amortized: amount(summary.totals.amortized),
      byLineItemType: Object.fromEntries(
        summary.byLineItemType.map((t) => [
          t.lineItemType,
          { unblended: amount(t.unblended), amortized: amount(t.amortized) },
        ]),
      ),
    },
  }
}

/** What the summary says when no line item can name its principal. */
function noPrincipal(format: SummaryResult['format']): string {
  return format.startsWith('cur2')
    ? 'These files have no principal column: create the CUR 2.0 export with "Include caller identity (IAM principal) allocation data".'
    : 'This format has no principal column: costs cannot be split by who made the calls.'
}

export function renderSummary(summary: SummaryResult, hasPrincipal = true): string {
  const money = createMoneyFormatter({
    currency: summary.currency.includes(',') ? '' : summary.currency,
  })
  const count = (n: number) => n.toLocaleString()
  const rows = [
    ['Line item type', 'Rows', 'Unblended', 'Amortized'],
    ...summary.byLineItemType.map((t) => [
      t.lineItemType || '(none)',
      count(t.rows),
      money.format(t.unblended),
      money.format(t.amortized),
    ]),
    [
      'Total',
      count(summary.rows),
      money.format(summary.totals.unblended),
      money.format(summary.totals.amortized),
    ],
  ]
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  const table = rows
    .map((r) =>
      r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '),
    )
    .join('\n')
  const { reconciliation } = summary
  return [
    `Format           ${formatLabel(summary.format)}`,
    `Rows             ${count(summary.rows)}`,
    `Billing periods  ${summary.billingPeriods.join(', ') || '(none)'}`,
    `Currency         ${summary.currency || '(none)'}`,
    ...(hasPrincipal ? [] : [`Principals       ${noPrincipal(summary.format)}`]),
    '',
    table,
    '',
    `Reconciliation   ${reconciliation.matches ? 'matches' : 'DOES NOT MATCH'} the files' own unblended total (${reconciliation.sourceUnblended})`,
    '',
  ].join('\n')
}
