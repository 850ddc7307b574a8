// The raw DuckDB side of the benchmark: hand-written SQL straight over the files, with the same
// thread count as the CUR Lens engine, in the same run: the invocation logs read with read_json,
// and their split of the gateway's Bedrock cost by user written by hand.
import { DuckDBInstance } from '@duckdb/node-api'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { STAGED_COLUMNS, mapFromJson } from '../core/sources/column-types.js'
import { CUR_AMORTIZED } from '../core/sources/normalize/common.js'
import { loggedUsageTypesSql } from './invocation-logs.js'
import {
  SAME_CSV_CONVERSION_FIGURE,
  SAME_CSV_SUMMARY_FIGURE,
  SAME_SUMMARY_FIGURE,
  USER_MODEL_SPLIT_FIGURE,
  USER_SPLIT_FIGURE,
  csvOpenFigure,
  logsLoadFigure,
  median,
  parquetOpenFigure,
  report,
  timed,
  type Figure,
} from './measure.js'

const [parquetExport, csvExport, parquetLabel, csvLabel, logsDir, logsLabel] = process.argv.slice(2)
const instance = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '1500MB' })
const connection = await instance.connect()
const figures: Figure[] = []

const files = `read_parquet('${join(parquetExport, 'data', '*', '*.parquet')}', union_by_name = true)`

async function rows(sql: string) {
  return (await connection.runAndReadAll(sql)).getRowsJson() as [unknown, unknown][]
}

const toGroups = (result: [unknown, unknown][]) =>
  Object.fromEntries(result.map(([k, v]) => [String(k), Number(v)]))

/**
 * What the summary computes, written by hand straight over the files, in one query: row counts and
 * four exact DECIMAL totals (amortized as DOMAIN.md defines it) by line item type, by month, by
 * service and in all. It returns every value, as the summary does: DuckDB drops the aggregates a
 * query does not return, so a query that returned only some would time less work. The groups are
 * the unblended totals by line item type.
 */
async function handSummary(from: string, service: string) {
  const money = (expression: string) => `sum(CAST(${expression} AS DECIMAL(18, 10)))`
  const result = await connection.runAndReadAll(`SELECT grouping(line_item_line_item_type) = 0,
    line_item_line_item_type, strftime(bill_billing_period_start_date, '%Y-%m'),
    coalesce(${service}, line_item_product_code),
    count(*), ${money('line_item_unblended_cost')},
    ${money('coalesce(line_item_net_unblended_cost, line_item_unblended_cost)')},
    ${money(CUR_AMORTIZED)}, ${money('pricing_public_on_demand_cost')}
  FROM ${from}
  GROUP BY GROUPING SETS ((line_item_line_item_type),
    (strftime(bill_billing_period_start_date, '%Y-%m')),
    (coalesce(${service}, line_item_product_code)), ())`)
  return result
    .getRowsJson()
    .filter((row) => row[0] === true)
    .map((row): [unknown, unknown] => [row[1], row[5]])
}

const summary = await timed(() =>
  rows(`SELECT line_item_line_item_type, sum(line_item_unblended_cost) FROM ${files} GROUP BY 1`),
)
figures.push({
  name: parquetOpenFigure(parquetLabel),
  ms: summary.ms,
  groups: toGroups(summary.value),
})

const sameSummary = await timed(() => handSummary(files, "product['servicename']"))
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

// The fields CUR Lens reads of each invocation log record, into a table.
const LOG_COLUMNS = {
  timestamp: 'VARCHAR',
  accountId: 'VARCHAR',
  region: 'VARCHAR',
  requestId: 'VARCHAR',
  modelId: 'VARCHAR',
  identity: 'STRUCT(arn VARCHAR)',
  requestMetadata: 'MAP(VARCHAR, VARCHAR)',
  input:
    'STRUCT(inputTokenCount BIGINT, cacheReadInputTokenCount BIGINT, cacheWriteInputTokenCount BIGINT)',
  output: 'STRUCT(outputTokenCount BIGINT)',
  errorCode: 'VARCHAR',
}
const logColumns = Object.entries(LOG_COLUMNS)
  .map(([name, type]) => `${name}: '${type}'`)
  .join(', ')
const logsLoad = await timed(async () => {
  await connection.run(`CREATE TABLE invocation_logs AS SELECT
      timestamp, accountId AS account_id, region, requestId AS request_id, modelId AS model_id,
      identity.arn AS principal_arn, requestMetadata['end_user'] AS end_user,
      input.inputTokenCount AS input_tokens, input.cacheReadInputTokenCount AS cache_read_tokens,
      input.cacheWriteInputTokenCount AS cache_write_tokens, output.outputTokenCount AS output_tokens,
      errorCode AS error_code
    FROM read_json('${join(logsDir, '**', '*.json.gz')}',
      format = 'newline_delimited', columns = {${logColumns}})`)
  return rows(`SELECT count(*),
      sum(input_tokens + cache_read_tokens + cache_write_tokens + output_tokens)
    FROM invocation_logs`)
})
const [[logRecords, logTokens]] = logsLoad.value
figures.push({
  name: logsLoadFigure(logsLabel),
  ms: logsLoad.ms,
  groups: { records: Number(logRecords), tokens: Number(logTokens) },
})

/**
 * The split by hand: the logs' tokens by bucket (UTC day, principal, the usage type their model and
 * token type bill under) and end user; each CUR line item of a bucket with tokens shared among its
 * users in proportion; the rest whole, to its principal's session, or to no one (NULL) when the
 * principal is in the logs.
 */
const userSplit = (userColumns: string) => `WITH
usage_types(usage_type, model_id, token_type) AS (VALUES ${loggedUsageTypesSql()}),
log_tokens AS (
  SELECT CAST(left(l.timestamp, 10) AS DATE) AS usage_day, l.principal_arn, u.usage_type,
    l.end_user AS log_user,
    sum(CASE u.token_type WHEN 'input' THEN l.input_tokens WHEN 'output' THEN l.output_tokens
      ELSE l.cache_read_tokens END) AS tokens
  FROM invocation_logs AS l JOIN usage_types AS u ON u.model_id = l.model_id
  WHERE l.error_code IS NULL
  GROUP BY ALL
  HAVING sum(CASE u.token_type WHEN 'input' THEN l.input_tokens WHEN 'output' THEN l.output_tokens
      ELSE l.cache_read_tokens END) > 0
),
buckets AS (
  SELECT *, sum(tokens) OVER (PARTITION BY usage_day, principal_arn, usage_type) AS bucket_tokens
  FROM log_tokens
),
cur AS (
  SELECT CAST(line_item_usage_start_date AS DATE) AS usage_day,
    line_item_iam_principal AS principal_arn, line_item_usage_type AS usage_type,
    coalesce(product['product_name'], '') AS product_name,
    sum(line_item_unblended_cost) AS cost
  FROM ${files}
  GROUP BY ALL
),
shared AS (
  SELECT c.usage_type, c.product_name, b.log_user, c.cost * b.tokens / b.bucket_tokens AS cost
  FROM cur AS c JOIN buckets AS b USING (usage_day, principal_arn, usage_type)
  UNION ALL
  SELECT c.usage_type, c.product_name,
    CASE WHEN c.principal_arn IN (SELECT principal_arn FROM invocation_logs) THEN NULL
      ELSE nullif(regexp_extract(c.principal_arn, 'assumed-role/[^/]+/(.+)$', 1), '') END,
    c.cost
  FROM cur AS c ANTI JOIN buckets AS b USING (usage_day, principal_arn, usage_type)
)
SELECT ${userColumns}, sum(cost) FROM shared GROUP BY 1`
for (const [name, userColumns] of [
  [USER_SPLIT_FIGURE, 'log_user'],
  [USER_MODEL_SPLIT_FIGURE, "concat_ws(' ', log_user, usage_type, product_name)"],
]) {
  const { ms, value } = await median(3, () => rows(userSplit(userColumns)))
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
const csvFiles = `read_csv('${csvFile}', header = true, columns = {${columns}})`
const csv = await timed(() =>
  connection.runAndReadAll(`SELECT count(*), sum(line_item_unblended_cost) FROM ${csvFiles}`),
)
const [csvRows, csvUnblended] = csv.value.getRowsJson()[0]
figures.push({
  name: csvOpenFigure(csvLabel),
  ms: csv.ms,
  groups: { rows: Number(csvRows), unblended: Number(csvUnblended) },
})
const csvSummary = await timed(() => handSummary(csvFiles, "product->>'servicename'"))
figures.push({
  name: SAME_CSV_SUMMARY_FIGURE,
  ms: csvSummary.ms,
  groups: toGroups(csvSummary.value),
})

// The conversion CUR Lens does on open, by hand: the columns the view reads, the JSON maps as MAPs,
// into a Parquet file, then the same summary over it. CUR Lens's own share of the time is the rest:
// Node's check of the file, and the view built on open.
const present = new Set(manifest.columns.map((c) => c.name))
const kept = STAGED_COLUMNS.cur2
  .filter((c) => present.has(c.name))
  .map((c) => (c.type === 'map' ? `${mapFromJson(c.name)} AS ${c.name}` : c.name))
const converted = join(mkdtempSync(join(tmpdir(), 'cur-lens-bench-')), 'converted.parquet')
const byHand = await timed(async () => {
  await connection.run(
    `COPY (SELECT ${kept.join(', ')} FROM ${csvFiles}) TO '${converted}' (FORMAT parquet)`,
  )
  return handSummary(`read_parquet('${converted}')`, "product['servicename']")
})
rmSync(dirname(converted), { recursive: true })
figures.push({
  name: SAME_CSV_CONVERSION_FIGURE,
  ms: byHand.ms,
  groups: toGroups(byHand.value),
})
connection.closeSync()
instance.closeSync()
report(figures)
