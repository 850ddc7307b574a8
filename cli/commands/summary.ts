// `cur-lens summary <path...> [--json]`: the format, rows, billing periods and totals by line item
// type (unblended, net unblended and amortized) of a cost export, whether the view reconciles to
// the files' own total, and how much Bedrock cost sits on models the model catalog does not know.
// With --from/--to the rows and totals are those of the usage days asked for (the reconciliation
// and the models still cover the whole export). --json prints exactly one JSON document on
// stdout, amounts as exact JSON numbers.
import type { CurLensApi, DateRange, Filter, ModelCoverage, SummaryResult } from '../../core/api.js'
import { decimalSign } from '../../core/format/decimal.js'
import { createMoneyFormatter } from '../../core/format/money.js'
import { formatLabel } from '../../core/sources/messages.js'
import {
  DATE_RANGE_OPTIONS,
  DATE_RANGE_USAGE,
  SOURCE_OPTIONS,
  parseDateRange,
  parseSources,
  runCommand,
  type Arguments,
} from '../arguments.js'
import { formatJson, jsonDecimal, type JsonValue } from '../json-output.js'
import { withOpenApi } from '../open-api.js'

const USAGE = `Usage: cur-lens summary <path...> [--from <day>] [--to <day>] [--json]

  <path...>             CUR files and/or export folders (CUR 2.0 Parquet or CSV, legacy CUR, FOCUS)
${DATE_RANGE_USAGE}  --json                one JSON document: format, rows, billingPeriods, totals, models
                        (numbers)
  --no-cache            keep nothing of this export in the cache (see \`cur-lens cache\`)
`

const SUMMARY = {
  name: 'summary',
  usage: USAGE,
  options: { ...SOURCE_OPTIONS, ...DATE_RANGE_OPTIONS, json: { type: 'boolean' } },
} as const

function readOptions(args: Arguments<typeof SUMMARY.options>) {
  return { sources: parseSources(args), json: args.values.json, range: parseDateRange(args.values) }
}

export function run(argv: string[]): Promise<number> {
  return runCommand(SUMMARY, argv, readOptions, ({ sources, json, range }) =>
    withOpenApi(sources, async (api, opened) => {
      const whole = await api.summary()
      const summary = range.length > 0 ? await rangeSummary(api, whole, range) : whole
      const models = await api.modelCoverage()
      const days = range[0]?.range
      process.stdout.write(
        json
          ? `${formatJson(summaryJson(summary, models, days), 0)}\n`
          : renderSummary(summary, models, opened.hasPrincipal, days),
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

/**
 * The summary's rows and totals by line item type over the usage days of `range` (a date-range
 * filter), read as breakdowns; months and services are left out, the reconciliation kept.
 */
async function rangeSummary(
  api: CurLensApi,
  whole: SummaryResult,
  range: Filter[],
): Promise<SummaryResult> {
  const read = (metric: 'count' | 'unblended' | 'net' | 'amortized' | 'ondemand') =>
    api.breakdown({ dimensions: ['line-item-type'], metric, filters: range })
  const [count, unblended, net, amortized, ondemand] = await Promise.all(
    (['count', 'unblended', 'net', 'amortized', 'ondemand'] as const).map(read),
  )
  const valueOf = (result: typeof count, type: string | null) =>
    result.rows.find((r) => r.keys[0] === type)?.value ?? '0'
  return {
    ...whole,
    rows: Number(count.total),
    totals: {
      unblended: unblended.total,
      net: net.total,
      amortized: amortized.total,
      ondemand: ondemand.total,
    },
    byLineItemType: count.rows.map((r) => ({
      lineItemType: r.keys[0] ?? '',
      rows: Number(r.value),
      unblended: valueOf(unblended, r.keys[0]),
      net: valueOf(net, r.keys[0]),
      amortized: valueOf(amortized, r.keys[0]),
      ondemand: valueOf(ondemand, r.keys[0]),
    })),
    byMonth: [],
    byService: [],
  }
}

export function summaryJson(
  summary: SummaryResult,
  models: ModelCoverage,
  days?: DateRange,
): JsonValue {
  return {
    format: summary.format,
    rows: summary.rows,
    billingPeriods: summary.billingPeriods,
    ...(days && { usageDays: { from: days.from ?? null, to: days.to ?? null } }),
    totals: {
      unblended: jsonDecimal(summary.totals.unblended),
      net: jsonDecimal(summary.totals.net),
      amortized: jsonDecimal(summary.totals.amortized),
      byLineItemType: Object.fromEntries(
        summary.byLineItemType.map((t) => [
          t.lineItemType,
          {
            unblended: jsonDecimal(t.unblended),
            net: jsonDecimal(t.net),
            amortized: jsonDecimal(t.amortized),
          },
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
  days?: DateRange,
): string {
  const money = createMoneyFormatter({
    currency: summary.currency.includes(',') ? '' : summary.currency,
  })
  const count = (n: number) => n.toLocaleString()
  const rows = [
    ['Line item type', 'Rows', 'Unblended', 'Net unblended', 'Amortized'],
    ...summary.byLineItemType.map((t) => [
      t.lineItemType || '(none)',
      count(t.rows),
      money.format(t.unblended),
      money.format(t.net),
      money.format(t.amortized),
    ]),
    [
      'Total',
      count(summary.rows),
      money.format(summary.totals.unblended),
      money.format(summary.totals.net),
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
    ...(days
      ? [`Usage days       ${days.from ?? 'first'} to ${days.to ?? 'last'} (UTC), both included`]
      : []),
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
