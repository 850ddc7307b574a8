// The questions the bench asks the CLI as a whole process, each with the raw SQL that answers it
// straight over the files, and how to read both answers into groups and sums for the check.
import { CUR_AMORTIZED } from '../core/sources/normalize/common.js'

export interface CliQuestion {
  name: string
  /** The CLI's arguments, for the export at `path`. */
  cli(path: string): string[]
  /** The same question in SQL over `files` (a read_parquet call). */
  sql(files: string): string
  cliGroups(stdout: string): Record<string, number>
  rawGroups(rows: unknown[][]): Record<string, number>
}

type ReportRow = Record<string, string | number | null>

/** `report --format json` output: one object per group, the dimension's value and the cost. */
const reportGroups = (dimension: string) => (stdout: string) =>
  Object.fromEntries(
    (JSON.parse(stdout) as ReportRow[]).map((row) => [String(row[dimension]), Number(row.cost)]),
  )

const rawPairs = (rows: unknown[][]) =>
  Object.fromEntries(rows.map(([key, value]) => [String(key), Number(value)]))

const money = (expression: string) => `sum(CAST(${expression} AS DECIMAL(18, 10)))`

/** What `summary --json` prints: rows, billing periods, unblended and amortized by line item type. */
export const SUMMARY_QUESTION: CliQuestion = {
  name: 'summary --json',
  cli: (path) => ['summary', path, '--json'],
  sql: (files) => `SELECT strftime(bill_billing_period_start_date, '%Y-%m'),
      line_item_line_item_type, count(*), ${money('line_item_unblended_cost')},
      ${money(CUR_AMORTIZED)}
    FROM ${files} GROUP BY ALL`,
  cliGroups(stdout) {
    const summary = JSON.parse(stdout) as {
      rows: number
      billingPeriods: string[]
      totals: { byLineItemType: Record<string, { unblended: number; amortized: number }> }
    }
    const groups: Record<string, number> = { rows: summary.rows }
    for (const period of summary.billingPeriods) groups[`period ${period}`] = 1
    for (const [type, totals] of Object.entries(summary.totals.byLineItemType)) {
      groups[`${type} unblended`] = totals.unblended
      groups[`${type} amortized`] = totals.amortized
    }
    return groups
  },
  rawGroups(rows) {
    const groups: Record<string, number> = { rows: 0 }
    const add = (key: string, value: unknown) => (groups[key] = (groups[key] ?? 0) + Number(value))
    for (const [period, type, count, unblended, amortized] of rows) {
      groups[`period ${period}`] = 1
      add('rows', count)
      add(`${type} unblended`, unblended)
      add(`${type} amortized`, amortized)
    }
    return groups
  },
}

const report = (by: string[], sql: (files: string) => string): CliQuestion => ({
  name: `report ${by.map((a) => (a.includes(' ') ? `"${a}"` : a)).join(' ')}`,
  cli: (path) => ['report', path, ...by, '--format', 'json'],
  sql,
  cliGroups: reportGroups(by[1]),
  rawGroups: rawPairs,
})

/** The summary, then the three reports issue 17 times. */
export const CLI_QUESTIONS: CliQuestion[] = [
  SUMMARY_QUESTION,
  report(
    ['--by', 'tag:iamPrincipal/team'],
    (files) => `SELECT tags['iamPrincipal/team'], sum(line_item_unblended_cost)
      FROM ${files} GROUP BY 1`,
  ),
  report(
    ['--by', 'principal'],
    (files) => `SELECT line_item_iam_principal, sum(line_item_unblended_cost)
      FROM ${files} GROUP BY 1`,
  ),
  // CUR Lens names models from usage types; raw SQL can only group by usage type, so only the
  // total compares (the check says so).
  report(
    ['--by', 'model', '--filter', 'service=Amazon Bedrock'],
    (files) => `SELECT line_item_usage_type, sum(line_item_unblended_cost) FROM ${files}
      WHERE starts_with(line_item_product_code, 'AmazonBedrock')
        OR contains(product['product_name'], '(Amazon Bedrock Edition)')
      GROUP BY 1`,
  ),
]
