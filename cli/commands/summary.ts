// `cur-lens summary <path...> [--json]`: the format, rows, billing periods and totals by line item
// type (unblended and amortized) of a cost export, whether the view reconciles to the files' own
// total, and how much Bedrock cost sits on models the model catalog does not know. --json prints
// exactly one JSON document on stdout, amounts as exact JSON numbers.
import type { ModelCoverage, SummaryResult } from '../../core/api.js'
import { decimalSign } from '../../core/format/decimal.js'
import { createMoneyFormatter } from '../../core/format/money.js'
import { formatLabel } from '../../core/sources/messages.js'
import { SOURCE_OPTIONS, parseSources, runCommand, type Arguments } from '../arguments.js'
import { formatJson, jsonDecimal, type JsonValue } from '../json-output.js'
import { withOpenApi } from '../open-api.js'

const USAGE = `Usage: cur-lens summary <path...> [--json]

  <path...>   CUR files and/or export folders (CUR 2.0 Parquet or CSV, legacy CUR, FOCUS)
  --json      one JSON document: format, rows, billingPeriods, totals, models (numbers)
  --no-cache  keep nothing of this export in the cache (see \`cur-lens cache\`)
`

const SUMMARY = {
  name: 'summary',
  usage: USAGE,
  options: { ...SOURCE_OPTIONS, json: { type: 'boolean' } },
} as const

function readOptions(args: Arguments<typeof SUMMARY.options>) {
  return { sources: parseSources(args), json: args.values.json }
}

export function run(argv: string[]): Promise<number> {
  return runCommand(SUMMARY, argv, readOptions, ({ sources, json }) =>
    withOpenApi(sources, async (api, opened) => {
      const summary = await api.summary()
      const models = await api.modelCoverage()
      process.stdout.write(
        json
          ? `${formatJson(summaryJson(summary, models), 0)}\n`
          : renderSummary(summary, models, opened.hasPrincipal),
      )
      const { reconciliation } = summary
      if (reconciliation.matches) return 0
      process.stderr.write(
        `error: the view's unblended total ${reconciliation.viewUnblended} differs from the files' own total ${reconciliation.sourceUnblended}.\n`,
      )
      return 1
    }),
  )
}

export function summaryJson(summary: SummaryResult, models: ModelCoverage): JsonValue {
  return {
    format: summary.format,
    rows: summary.rows,
    billingPeriods: summary.billingPeriods,
    totals: {
      unblended: jsonDecimal(summary.totals.unblended),
      amortized: jsonDecimal(summary.totals.amortized),
      byLineItemType: Object.fromEntries(
        summary.byLineItemType.map((t) => [
          t.lineItemType,
          { unblended: jsonDecimal(t.unblended), amortized: jsonDecimal(t.amortized) },
        ]),
      ),
    },
    models: {
      bedrockCost: jsonDecimal(models.bedrockCost),
      unknownCost: jsonDecimal(models.unknownCost),
      unknownModels: models.unknownModels,
    },
  }
}

/** What the summary says when no line item can name its principal. */
function noPrincipal(format: SummaryResult['format']): string {
  return format.startsWith('cur2')
    ? 'These files have no principal column: create the CUR 2.0 export with "Include caller identity (IAM principal) allocation data".'
    : 'This format has no principal column: costs cannot be split by who made the calls.'
}

export function renderSummary(
  summary: SummaryResult,
  models: ModelCoverage,
  hasPrincipal = true,
): string {
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
    `Bedrock models   ${modelsLine(models, money.format)}`,
    '',
  ].join('\n')
}

/** Whether every Bedrock model is one CUR Lens knows, or how much cost is on those it does not. */
function modelsLine(models: ModelCoverage, format: (amount: string) => string): string {
  if (models.unknownModels.length === 0)
    return decimalSign(models.bedrockCost) === 0 ? 'no Bedrock cost' : 'every model known'
  return (
    `${format(models.unknownCost)} of ${format(models.bedrockCost)} Bedrock cost is on models ` +
    `CUR Lens does not know, shown as billed: ${models.unknownModels.join(', ')}`
  )
}
