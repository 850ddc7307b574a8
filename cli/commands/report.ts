// `cur-lens report`: cost (or usage, or tokens) split by up to three dimensions, as an aligned table
// with a total line, as CSV for Excel, as JSON for scripts (one object per group, one property per
// dimension as given in --by, null for the no-principal / untagged / unknown group, and the figure
// as a number, sorted by descending value), or as an Excel workbook written to --out. Grouped by
// principal or role, each group also gets its readable label and when it was last seen.
import { resolve } from 'node:path'
import { writeFileAtomic } from '../../core/files/atomic-write.js'
import { MAX_LABELS } from '../../core/rows/principal-labels.js'
import { emptyGroupLabel } from '../../core/format/empty-group.js'
import { toExcelCsv, type CsvColumn } from '../../core/format/excel-csv.js'
import type {
  BreakdownQuery,
  BreakdownResult,
  CurLensApi,
  Metric,
  PrincipalLabel,
  UsageLogsRequest,
} from '../../core/api.js'
import { MAX_TOP_N } from '../../core/reports/breakdown-sql.js'
import {
  DATE_RANGE_OPTIONS,
  DATE_RANGE_USAGE,
  UsageError,
  parseArguments,
  parseDateRange,
  parseDimensions,
  parseFilters,
  parseFormat,
  parseLogs,
  parseMetric,
  LOG_OPTIONS,
  parseSources,
  SOURCE_OPTIONS,
  runCommand,
  type Arguments,
  type Sources,
} from '../arguments.js'
import { csvNumber, FIGURES, textTable } from '../figure-table.js'
import { formatJson, jsonDecimal, type JsonValue } from '../json-output.js'
import { withOpenApi } from '../open-api.js'

const USAGE = `Usage: cur-lens report <path...> --by <dim>[,<dim>...] [options]

  --by <dims>           up to three of: principal, person, role, account, tag:<key> (e.g.
                        tag:iamPrincipal/team, or tag:team when one source has it), model,
                        provider, token-type, service, region, usage-type, operation,
                        line-item-type, month, week (the Monday it starts on), day, user,
                        log-tag:<key> (with --logs)
  --metric <metric>     unblended (default), net, amortized, ondemand, usage, tokens or count
                        (line items per group)
  --filter <dim>=<val>  only these line items, e.g. "service=Amazon Bedrock"; <dim>!=<val> excludes;
                        repeatable; several values of one dimension are alternatives; the value
                        (none), (untagged), (no principal) or (unknown) is the empty group
${DATE_RANGE_USAGE}  --top <N>             the N largest groups of the first dimension, the rest as (other)
  --min-amount <amount> groups below this (in absolute value, e.g. 0.01) summed into one row
                        "(N groups under <amount>)", so the rows still add up to the total
  --labels              by principal or role: add each group's readable label (e.g. "IAM user
                        alice", "gateway role llm-gateway-role") and when it was last seen; reads
                        the whole export once more
  --format <format>     table (default), csv, json or xlsx (an Excel workbook; needs --out)
  --out <file>          write to this file instead of the terminal
  --logs <path>         usage logs (Bedrock invocation logs, gateway logs) that split Bedrock
                        cost by end user: the user dimension, (unallocated) where no record
                        accounts for it; repeatable
  --user-key <key>      the request-metadata key naming the end user (default end_user)
  --gateway-arn <arn>   the role a gateway (LiteLLM) calls Bedrock with, for its logs that do
                        not name it; without it their calls match any principal's cost,
                        and only in an export of one account
  --no-cache            keep nothing of this export in the cache (see \`cur-lens cache\`)
`

const REPORT = {
  name: 'report',
  usage: USAGE,
  options: {
    ...SOURCE_OPTIONS,
    ...LOG_OPTIONS,
    ...DATE_RANGE_OPTIONS,
    by: { type: 'string' },
    metric: { type: 'string', default: 'unblended' },
    filter: { type: 'string', multiple: true },
    top: { type: 'string' },
    'min-amount': { type: 'string' },
    labels: { type: 'boolean' },
    format: { type: 'string', default: 'table' },
    out: { type: 'string' },
  },
} as const

const FORMATS = ['table', 'csv', 'json', 'xlsx'] as const
type Format = (typeof FORMATS)[number]

interface ReportOptions {
  sources: Sources
  logs?: UsageLogsRequest
  query: BreakdownQuery
  format: Format
  /** Adds principal labels and last-seen times (a second read of the whole export). */
  labels: boolean
  /** The file to write instead of stdout. */
  out?: string
}

export function run(argv: string[]): Promise<number> {
  return runCommand(REPORT, argv, readOptions, (options) =>
    withOpenApi(
      options.sources,
      async (api) => {
        if (options.format === 'xlsx') {
          const { base64 } = await api.breakdownXlsx(options.query)
          await writeFileAtomic(options.out!, Buffer.from(base64, 'base64'))
          process.stdout.write(`Wrote ${options.out}\n`)
          return 0
        }
        const result = await api.breakdown(options.query)
        const principals = options.labels
          ? await principalColumns(api, result, options.query)
          : undefined
        const { minAmount } = options.query
        const text = render(result, options.format, { minAmount, principals })
        if (options.out) {
          await writeFileAtomic(options.out, text)
          process.stdout.write(`Wrote ${options.out}\n`)
        } else process.stdout.write(text)
        return 0
      },
      { logs: options.logs },
    ),
  )
}

export function parseOptions(argv: string[]): ReportOptions | 'help' {
  const args = parseArguments(REPORT, argv)
  return args.help ? 'help' : readOptions(args)
}

function readOptions(args: Arguments<typeof REPORT.options>): ReportOptions {
  const { values } = args
  const sources = parseSources(args)
  const query: BreakdownQuery = {
    dimensions: parseDimensions(values.by),
    metric: parseMetric(values.metric),
    filters: [...parseFilters(values.filter), ...parseDateRange(values)],
  }
  const format = parseFormat(values.format, FORMATS)
  if (values.top !== undefined) {
    if (!/^\d+$/.test(values.top) || Number(values.top) < 1) {
      throw new UsageError('--top takes a whole number ≥ 1.')
    }
    // Above the cap, as above the number of groups, every group is kept.
    if (Number(values.top) <= MAX_TOP_N) query.topN = Number(values.top)
  }
  const minAmount = values['min-amount']
  if (minAmount !== undefined) {
    if (!/^\d+(\.\d+)?$/.test(minAmount)) {
      throw new UsageError(`--min-amount takes an amount from 0 such as 0.01, not "${minAmount}".`)
    }
    query.minAmount = minAmount
  }
  if (format === 'xlsx' && !values.out) {
    throw new UsageError('--format xlsx writes a workbook: name it with --out <file.xlsx>.')
  }
  return {
    sources,
    logs: parseLogs(args),
    query,
    format,
    labels: values.labels === true,
    out: values.out && resolve(values.out),
  }
}

function valueName(metric: Metric): string {
  return metric === 'usage' || metric === 'tokens' || metric === 'count' ? metric : 'cost'
}

/** The labels and last-seen times of the first principal or role dimension's groups. */
export interface PrincipalColumns {
  index: number
  found: ReadonlyMap<string, PrincipalLabel>
}

async function principalColumns(
  api: CurLensApi,
  result: BreakdownResult,
  query: BreakdownQuery,
): Promise<PrincipalColumns | undefined> {
  const index = result.dimensions.findIndex((d) => d === 'principal' || d === 'role')
  if (index < 0) return undefined
  const values = new Set<string>()
  for (const row of result.rows) {
    const value = row.keys[index]
    if (value !== null && !row.other && row.under === undefined) values.add(value)
  }
  const level = result.dimensions[index] as 'principal' | 'role'
  const all = [...values]
  const found: PrincipalLabel[] = []
  for (let start = 0; start < all.length; start += MAX_LABELS) {
    const chunk = all.slice(start, start + MAX_LABELS)
    found.push(...(await api.principalLabels({ level, values: chunk, filters: query.filters })))
  }
  return { index, found: new Map(found.map((l) => [l.value, l])) }
}

export interface RenderOptions {
  minAmount?: string
  principals?: PrincipalColumns
}

export function render(
  result: BreakdownResult,
  format: Exclude<Format, 'xlsx'>,
  options: RenderOptions = {},
): string {
  if (format === 'json') return `${formatJson(toJson(result, options.principals))}\n`
  if (format === 'csv') return toCsv(result, options)
  return toTable(result, options)
}

/** The label and last-seen time of a row's principal or role, when it has them. */
function principalOf(row: BreakdownResult['rows'][number], principals?: PrincipalColumns) {
  const value = principals ? row.keys[principals.index] : null
  return value === null || row.other ? undefined : principals?.found.get(value)
}

function toJson(result: BreakdownResult, principals?: PrincipalColumns): JsonValue {
  return result.rows.map((row) => {
    const item: Record<string, JsonValue> = {}
    result.dimensions.forEach((d, i) => (item[d] = row.keys[i]))
    if (principals) {
      const known = principalOf(row, principals)
      item.label = known?.label ?? null
      item.lastSeen = known?.lastSeen ?? null
    }
    if (row.period !== undefined) item.period = row.period
    item[valueName(result.metric)] = jsonDecimal(row.value)
    if (row.other) item.other = true
    if (row.under !== undefined) item.under = row.under
    return item
  })
}

/** The text columns: the dimensions, then a principal's label and last-seen time when asked. */
function textHeader(result: BreakdownResult, principals?: PrincipalColumns): string[] {
  return [...result.dimensions, ...(principals ? ['label', 'last seen'] : [])]
}

function labels(result: BreakdownResult, { minAmount, principals }: RenderOptions): string[][] {
  return result.rows.map((row) => {
    const keys = result.dimensions.map((d, i) => {
      if (row.under !== undefined) return i === 0 ? underLabel(row.under, minAmount) : ''
      return row.other ? '(other)' : (row.keys[i] ?? emptyGroupLabel(d))
    })
    if (!principals) return keys
    const known = principalOf(row, principals)
    return [...keys, known?.label ?? '', known?.lastSeen ?? '']
  })
}

/** The row that sums the groups below --min-amount, e.g. "(12 groups under 0.01)". */
function underLabel(groups: number, minAmount = ''): string {
  return `(${groups} ${groups === 1 ? 'group' : 'groups'} under ${minAmount})`
}

function display(value: string, metric: Metric): string {
  return FIGURES[metric](value)
}

function toTable(result: BreakdownResult, options: RenderOptions): string {
  const text = textHeader(result, options.principals)
  const header = [...text, valueName(result.metric)]
  const body = labels(result, options).map((keys, i) => [
    ...keys,
    display(result.rows[i].value, result.metric),
  ])
  const total = ['Total', ...text.slice(1).map(() => ''), display(result.total, result.metric)]
  const last = header.length - 1
  return textTable(header, body, { total, rightAligned: (c) => c === last })
}

/** The same Excel-safe CSV as the chargeback files: text escaped, amounts numbers. */
function toCsv(result: BreakdownResult, options: RenderOptions): string {
  const columns: CsvColumn[] = [
    ...textHeader(result, options.principals).map((name) => ({ name, type: 'text' as const })),
    { name: valueName(result.metric), type: 'number' },
  ]
  const body = labels(result, options).map((keys, i) => [...keys, csvNumber(result.rows[i].value)])
  return toExcelCsv(columns, body)
}
