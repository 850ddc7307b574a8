// The raw DuckDB side of the benchmark: hand-written SQL straight over the files, with the same
// thread count as the CUR Lens engine, in the same run.
import { DuckDBInstance } from '@duckdb/node-api'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { CUR_AMORTIZED } from '../core/sources/normalize/common.js'
import { SAME_SUMMARY_FIGURE, median, report, timed, type Figure } from './measure.js'

const [parquetExport, csvExport] = process.argv.slice(2)
const instance = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '1500MB' })
const connection = await instance.connect()
const figures: Figure[] = []

const files = `read_parquet('${join(parquetExport, 'data', '*', '*.parquet')}', union_by_name = true)`

async function rows(sql: string) {
  return (await connection.runAndReadAll(sql)).getRowsJson() as [unknown, unknown][]
}

const toGroups = (result: [unknown, unknown][]) =>
  Object.fromEntries(result.map(([k, v]) => [String(k), Number(v)]))

const summary = await timed(() =>
  rows(`SELECT line_item_line_item_type, sum(line_item_unblended_cost) FROM ${files} GROUP BY 1`),
)
figures.push({
  name: 'open + summary (10M Parquet, cold)',
  ms: summary.ms,
  groups: toGroups(summary.value),
})

// What the summary computes, written by hand straight over the files: four exact DECIMAL totals
// (amortized as DOMAIN.md defines it) by line item type, by month and by service, in one query.
const money = (expression: string) => `sum(CAST(${expression} AS DECIMAL(18, 10)))`
const sameSummary = await timed(() =>
  rows(`SELECT line_item_line_item_type, unblended FROM (
  SELECT grouping(line_item_line_item_type) AS by_other, line_item_line_item_type,
    ${money('line_item_unblended_cost')} AS unblended,
    ${money('coalesce(line_item_net_unblended_cost, line_item_unblended_cost)')} AS net,
    ${money(CUR_AMORTIZED)} AS amortized,
    ${money('pricing_public_on_demand_cost')} AS ondemand
  FROM ${files}
  GROUP BY GROUPING SETS ((line_item_line_item_type),
    (strftime(bill_billing_period_start_date, '%Y-%m')),
    (coalesce(product['servicename'], line_item_product_code)), ())
) WHERE by_other = 0`),
)
figures.push({
  name: SAME_SUMMARY_FIGURE,
  ms: sameSummary.ms,
  groups: toGroups(sameSummary.value),
})

const RAW_GROUPINGS: Record<string, string> = {
  'group by role': `SELECT nullif(regexp_extract(line_item_iam_principal, 'assumed-role/([^/]+)/', 1), ''),
      sum(line_item_unblended_cost) FROM ${files} WHERE line_item_product_code IS NOT NULL GROUP BY 1`,
  'group by tag iamPrincipal/team': `SELECT tags['iamPrincipal/team'], sum(line_item_unblended_cost)
      FROM ${files} GROUP BY 1`,
  'group by model': `SELECT line_item_usage_type || ' ' || coalesce(product['product_name'], ''),
      sum(line_item_unblended_cost) FROM ${files} GROUP BY 1`,
  'group by team and model': `SELECT tags['iamPrincipal/team'] || ' ' || line_item_usage_type || ' ' ||
      coalesce(product['product_name'], ''), sum(line_item_unblended_cost) FROM ${files} GROUP BY 1`,
}
for (const [name, sql] of Object.entries(RAW_GROUPINGS)) {
  const { ms, value } = await median(3, () => rows(sql))
  figures.push({ name, ms, groups: toGroups(value) })
}

const csvDir = join(csvExport, 'data', 'BILLING_PERIOD=2026-05')
const csvFile = join(csvDir, readdirSync(csvDir)[0])
const manifestDir = join(csvExport, 'metadata', 'BILLING_PERIOD=2026-05')
const manifest = JSON.parse(
  readFileSync(join(manifestDir, readdirSync(manifestDir)[0]), 'utf8'),
) as {
  columns: { name: string; type: string }[]
}
const TYPES: Record<string, string> = {
  string: 'VARCHAR',
  double: 'DOUBLE',
  timestamp: 'TIMESTAMP',
}
const columns = manifest.columns
  .map((c) => `'${c.name}': '${TYPES[c.type] ?? 'VARCHAR'}'`)
  .join(', ')
const csv = await timed(() =>
  rows(
    `SELECT count(*), sum(line_item_unblended_cost) FROM read_csv('${csvFile}', header = true, columns = {${columns}})`,
  ),
)
figures.push({
  name: 'open 1M CSV.gz (check + convert) + summary',
  ms: csv.ms,
  groups: { rows: Number(csv.value[0][0]), unblended: Number(csv.value[0][1]) },
})
connection.closeSync()
instance.closeSync()
report(figures)
