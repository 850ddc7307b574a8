// The attributed line items as FOCUS 1.2 (Parquet or CSV), so other FinOps tools can use what
// CUR Lens worked out: one row per line item, the FOCUS columns `cur` can fill, and the attribution
// in x_ columns (x_IamPrincipal, x_Person, x_Role, x_Model, x_TokenType, and x_Recipient, the
// recipient of the first matching mapping rule, when rules are given; it lives here because it
// applies them). Money is the reader's mapping reversed (core/sources/normalize/focus.ts), so a
// round trip gives the same totals: BilledCost = unblended, EffectiveCost = amortized, ListCost =
// public on-demand. AWS's x_ServiceCode, x_UsageType and x_Operation keep what attribution reads.
//
// Types as FOCUS defines them: Decimal columns DECIMAL, Date/Time TIMESTAMP WITH TIME ZONE in UTC
// (CSV: ISO 8601 with Z), Tags a key-value map (CSV: a JSON object); resource tags lose CUR Lens's
// `resourceTags/` prefix, the other sources keep theirs. Columns written null, and why:
// - ChargePeriodEnd: `cur` keeps only the start of the usage period.
// - BillingAccountName, SubAccountName: `cur` keeps account ids, not names.
// - InvoiceIssuerName, ProviderName, PublisherName: "AWS" for CUR exports; null when the source was
//   FOCUS, whose own values `cur` does not keep.
// ContractedCost is the public on-demand cost, as ListCost: `cur` keeps no negotiated rate.
// ServiceCategory is "AI and Machine Learning" for Amazon Bedrock and "Other" for the rest.
// CSV text cells starting with = + - @ tab CR LF get a leading `'`, as in the chargeback CSVs
// (core/format/excel-csv.ts), since people open CSVs in Excel; figures stay numbers, Tags (a JSON
// object) starts with `{`, and the Parquet form is written as it is.
import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { extname, join, resolve } from 'node:path'
import type { FocusExportRequest, FocusExportResult } from '../api.js'
import type { SqlParams } from '../engine/duckdb.js'
import { CurLensError } from '../errors/curlens-error.js'
import { writeFileAtomic } from '../files/atomic-write.js'
import { FORMULA_START } from '../format/excel-csv.js'
import type { AttributedRows } from '../rows/attributed-rows.js'
import { FLAT_DIMENSION_COLUMNS } from '../rows/dimensions.js'
import { sqlString } from '../sources/sql-text.js'
import { assertRules } from './rules.js'
import { compileRuleIndex } from './rules-sql.js'

const FORMATS: Record<string, 'parquet' | 'csv'> = { '.parquet': 'parquet', '.csv': 'csv' }

/** CUR line item types → FOCUS ChargeCategory (Usage, Purchase, Tax, Credit, Adjustment). */
const CHARGE_CATEGORY = `CASE
    WHEN line_item_type IN ('Usage', 'DiscountedUsage', 'SavingsPlanCoveredUsage',
                            'SavingsPlanNegation') THEN 'Usage'
    WHEN line_item_type IN ('Fee', 'RIFee', 'SavingsPlanRecurringFee', 'SavingsPlanUpfrontFee',
                            'Purchase') THEN 'Purchase'
    WHEN line_item_type = 'Tax' THEN 'Tax'
    WHEN line_item_type IN ('Credit', 'Refund') OR line_item_type LIKE '%Discount' THEN 'Credit'
    ELSE 'Adjustment'
  END`

/** The tag map with resource tags under their own key ("user:Project"), as FOCUS writes them. */
const TAGS = `map_from_entries(list_transform(map_entries(tags), lambda e: {
    'key': CASE WHEN starts_with(e.key, 'resourceTags/') THEN e.key[14:] ELSE e.key END,
    'value': e.value}))`

const timestamp = (column: string, csv: boolean) =>
  csv ? `strftime(${column}, '%Y-%m-%dT%H:%M:%SZ')` : `CAST(${column} AS TIMESTAMPTZ)`

/** The SELECT of the FOCUS rows over `cur_attributed`; `recipient` is x_Recipient's expression. */
function focusSelect(csv: boolean, recipient: string | null): string {
  const periodStart = "strptime(billing_period || '-01', '%Y-%m-%d')"
  const columns = [
    ['BilledCost', 'unblended_cost'],
    ['BillingAccountId', 'payer_account_id'],
    ['BillingAccountName', 'CAST(NULL AS VARCHAR)'],
    ['BillingCurrency', 'currency'],
    ['BillingPeriodEnd', timestamp(`${periodStart} + INTERVAL 1 MONTH`, csv)],
    ['BillingPeriodStart', timestamp(periodStart, csv)],
    ['ChargeCategory', CHARGE_CATEGORY],
    ['ChargeClass', "CASE WHEN line_item_type = 'Refund' THEN 'Correction' END"],
    ['ChargeDescription', 'description'],
    ['ChargePeriodEnd', csv ? 'CAST(NULL AS VARCHAR)' : 'CAST(NULL AS TIMESTAMPTZ)'],
    ['ChargePeriodStart', timestamp('usage_start', csv)],
    ['ContractedCost', 'ondemand_cost'],
    ['EffectiveCost', 'amortized_cost'],
    ['InvoiceIssuerName', '$provider'],
    ['ListCost', 'ondemand_cost'],
    ['PricingQuantity', 'CAST(usage_amount AS DECIMAL(38, 10))'],
    ['PricingUnit', 'pricing_unit'],
    ['ProviderName', '$provider'],
    ['PublisherName', '$provider'],
    ['RegionId', 'region'],
    ['ResourceId', 'resource_id'],
    [
      'ServiceCategory',
      "CASE WHEN service = 'Amazon Bedrock' THEN 'AI and Machine Learning' ELSE 'Other' END",
    ],
    ['ServiceName', 'service'],
    ['SubAccountId', 'usage_account_id'],
    ['SubAccountName', 'CAST(NULL AS VARCHAR)'],
    ['Tags', csv ? `CAST(to_json(${TAGS}) AS VARCHAR)` : TAGS],
    ['x_ServiceCode', 'product_code'],
    ['x_UsageType', 'usage_type'],
    ['x_Operation', 'operation'],
    ['x_LineItemType', 'line_item_type'],
    ['x_IamPrincipal', 'principal_arn'],
    ['x_Person', 'principal_person'],
    ['x_Role', 'principal_role'],
    ['x_Model', 'model'],
    ['x_TokenType', 'token_type'],
    ...(recipient ? [['x_Recipient', recipient]] : []),
  ]
  const select = `SELECT\n  ${columns.map(([name, sql]) => `${sql} AS ${name}`).join(',\n  ')}\nFROM cur_attributed`
  if (!csv) return select
  const escaped = columns
    .map(([name]) => name)
    .filter((name) => !FIGURE_COLUMNS.has(name))
    .map(
      (c) =>
        `CASE WHEN regexp_matches(${c}, $formula_start) THEN '''' || ${c} ELSE ${c} END AS ${c}`,
    )
  return `SELECT * REPLACE (\n  ${escaped.join(',\n  ')}\n) FROM (${select})`
}

/** The Decimal columns: a credit's -1.25 stays a number, never a text cell to escape. */
const FIGURE_COLUMNS = new Set([
  'BilledCost',
  'ContractedCost',
  'EffectiveCost',
  'ListCost',
  'PricingQuantity',
])

/** x_Recipient: the recipient of the first rule that matches the row; NULL when none does. */
function recipientSql(request: FocusExportRequest, params: SqlParams): string | null {
  if (!request.rules) return null
  assertRules(request.rules)
  // A line item's share of a user or log tag comes from usage logs, split by tokens: no one
  // recipient per line can stand for it.
  const split = request.rules.rules.find(
    (r) => r.match.kind === 'user' || r.match.kind === 'log-tag',
  )
  if (split)
    throw new CurLensError(
      'INVALID_RULES',
      `Rule "${split.id}" matches by ${split.match.kind}, which usage logs split within a line item; x_Recipient names one recipient per line item. Export FOCUS with rules on principals, roles, people, accounts or tags.`,
    )
  const tagKeys: string[] = []
  const compiled = compileRuleIndex(request.rules, {
    column: (name) => (name === FLAT_DIMENSION_COLUMNS.account ? 'usage_account_id' : name),
    tag(key) {
      if (!tagKeys.includes(key)) tagKeys.push(key)
      return `tags[$tag_${tagKeys.indexOf(key)}]`
    },
    logTag: () => 'NULL', // refused above
  })
  Object.assign(params, compiled.params)
  tagKeys.forEach((key, i) => (params[`tag_${i}`] = key))
  const names = request.rules.rules.map((rule, i) => {
    params[`recipient_${i + 1}`] = rule.recipient
    return `WHEN ${i + 1} THEN $recipient_${i + 1}`
  })
  return `CASE ${compiled.sql} ${names.join(' ')} END`
}

export async function exportFocus(
  rows: AttributedRows,
  request: FocusExportRequest,
  signal?: AbortSignal,
): Promise<FocusExportResult> {
  const outFile = typeof request?.outFile === 'string' ? resolve(request.outFile) : ''
  const format = FORMATS[extname(outFile).toLowerCase()]
  if (!format) {
    throw new CurLensError(
      'INVALID_QUERY',
      `Name the FOCUS file with .parquet or .csv, not "${request?.outFile}".`,
    )
  }
  const params: SqlParams = {
    provider: rows.dataset.info.format === 'focus' ? null : 'AWS',
  }
  if (format === 'csv') params.formula_start = FORMULA_START.source
  const select = focusSelect(format === 'csv', recipientSql(request, params))
  // cur_attributed joins the lookups row by row: they must hold every key.
  await rows.complete(signal)
  const temp = join(rows.dataset.workDirectory, `focus-${randomBytes(6).toString('hex')}.${format}`)
  const options = format === 'csv' ? '(FORMAT csv, HEADER)' : '(FORMAT parquet)'
  try {
    const [copied] = await rows.engine.query<{ Count: string }>(
      `COPY (${select}) TO ${sqlString(temp)} ${options}`,
      params,
      { signal },
    )
    const [totals] = await rows.engine.query<{ rows: string; billed: string; effective: string }>(
      `SELECT count(*) AS rows, coalesce(sum(unblended_cost), 0) AS billed,
              coalesce(sum(amortized_cost), 0) AS effective
       FROM cur`,
      {},
      { signal },
    )
    if (copied.Count !== totals.rows) {
      throw new CurLensError(
        'INTERNAL',
        `The FOCUS file would hold ${copied.Count} rows for ${totals.rows} line items; nothing was written.`,
      )
    }
    await writeFileAtomic(outFile, createReadStream(temp))
    return {
      file: outFile,
      format,
      rows: Number(totals.rows),
      billedCost: totals.billed,
      effectiveCost: totals.effective,
    }
  } finally {
    await rm(temp, { force: true })
  }
}
