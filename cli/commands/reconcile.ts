// `cur-lens reconcile`: usage logs against the bill. Per group (day and model by default), the
// Bedrock tokens and cost billed beside the tokens the logs recorded and their own cost estimate,
// with the drifts (negative: calls missing from the logs), a flag over 5 % and the likely causes;
// as an aligned table, CSV for Excel, or JSON for scripts (amounts and drifts as numbers).
import { RECONCILE_DIMENSIONS } from '../../core/api-values.js'
import type {
  ReconcileDimension,
  ReconcileRequest,
  ReconcileResult,
  ReconcileRow,
  UsageLogsRequest,
} from '../../core/api.js'
import { toExcelCsv, type CsvColumn } from '../../core/format/excel-csv.js'
import {
  LOG_OPTIONS,
  parseArguments,
  parseChoice,
  parseFilters,
  parseFormat,
  parseLogs,
  parseSources,
  runCommand,
  SOURCE_OPTIONS,
  UsageError,
  type Arguments,
  type Sources,
} from '../arguments.js'
import { decimalText } from '../decimal-text.js'
import { formatJson, jsonDecimal, type JsonValue } from '../json-output.js'
import { withOpenApi } from '../open-api.js'

const USAGE = `Usage: cur-lens reconcile <path...> --logs <log-path>... [options]

  --logs <path>         usage logs (Bedrock invocation logs, gateway logs); repeatable
  --user-key <key>      the request-metadata key naming the end user (default end_user)
  --gateway-arn <arn>   the role a gateway (LiteLLM) calls Bedrock with, for its logs that do
                        not name it; without it their calls match any principal's cost,
                        and only in an export of one account
  --by <dims>           any of day, model, principal, user (default day,model)
  --filter <dim>=<val>  as for \`cur-lens report\`, on what the logs know (day, week, month,
                        model, provider, account, principal, person, role, user, region,
                        token-type, log-tag:<key>), applied to both sides; repeatable
  --format <format>     table (default), csv or json
  --no-cache            keep nothing of this export in the cache (see \`cur-lens cache\`)

tokenDrift = logged tokens / billed tokens - 1, costDrift = estimated cost / billed cost - 1;
groups beyond 5 % are flagged with the causes the data supports: calls-missing, cache-as-input,
list-price, cross-region.
`

const RECONCILE = {
  name: 'reconcile',
  usage: USAGE,
  options: {
    ...SOURCE_OPTIONS,
    ...LOG_OPTIONS,
    by: { type: 'string', default: 'day,model' },
    filter: { type: 'string', multiple: true },
    format: { type: 'string', default: 'table' },
  },
} as const

const FORMATS = ['table', 'csv', 'json'] as const
type Format = (typeof FORMATS)[number]

interface ReconcileOptions {
  sources: Sources
  logs: UsageLogsRequest
  request: ReconcileRequest
  format: Format
}

export function run(argv: string[]): Promise<number> {
  return runCommand(RECONCILE, argv, readOptions, (options) =>
    withOpenApi(
      options.sources,
      async (api) => {
        const result = await api.reconcile(options.request)
        process.stdout.write(render(result, options.format))
        return 0
      },
      { logs: options.logs },
    ),
  )
}

export function parseOptions(argv: string[]): ReconcileOptions | 'help' {
  const args = parseArguments(RECONCILE, argv)
  return args.help ? 'help' : readOptions(args)
}

function readOptions(args: Arguments<typeof RECONCILE.options>): ReconcileOptions {
  const { values } = args
  const sources = parseSources(args)
  const logs = parseLogs(args)
  if (!logs) throw new UsageError('Name the usage logs to reconcile with --logs <log-path>.')
  const by = values.by
    .split(',')
    .map((d) => d.trim())
    .filter((d) => d !== '')
    .map((d) => parseChoice('--by', d, RECONCILE_DIMENSIONS))
  if (by.length === 0 || new Set(by).size !== by.length) {
    throw new UsageError('--by takes different dimensions among day, model, principal, user.')
  }
  return {
    sources,
    logs,
    request: { by, filters: parseFilters(values.filter) },
    format: parseFormat(values.format, FORMATS),
  }
}

export function render(result: ReconcileResult, format: Format): string {
  if (format === 'json') return `${formatJson(result.rows.map((r) => toJson(result.by, r)))}\n`
  if (format === 'csv') return toCsv(result)
  return toTable(result)
}

function toJson(by: ReconcileDimension[], row: ReconcileRow): JsonValue {
  const item: Record<string, JsonValue> = {}
  by.forEach((d, i) => (item[d] = row.keys[i]))
  return {
    ...item,
    billedCost: jsonDecimal(row.billedCost),
    billedTokens: jsonDecimal(row.billedTokens),
    loggedTokens: jsonDecimal(row.loggedTokens),
    estimatedCost: row.estimatedCost === null ? null : jsonDecimal(row.estimatedCost),
    tokenDrift: row.tokenDrift,
    costDrift: row.costDrift,
    flagged: row.flagged,
    causes: row.causes,
  }
}

const NULL_LABELS: Record<ReconcileDimension, string> = {
  day: '(unknown)',
  model: '(unknown)',
  principal: '(no principal)',
  user: '(unallocated)',
}

const money = decimalText(2)
const whole = decimalText(0)
const percent = (drift: number | null) =>
  drift === null ? '' : `${drift > 0 ? '+' : ''}${(drift * 100).toFixed(1)} %`

const HEADER = [
  'billed',
  'billed tokens',
  'logged tokens',
  'estimated',
  'token drift',
  'cost drift',
]

function cells(row: ReconcileRow): string[] {
  return [
    money(row.billedCost),
    whole(row.billedTokens),
    whole(row.loggedTokens),
    row.estimatedCost === null ? '' : money(row.estimatedCost),
    percent(row.tokenDrift),
    percent(row.costDrift),
    row.flagged ? `! ${row.causes.join(', ')}` : '',
  ]
}

function toTable(result: ReconcileResult): string {
  const header = [...result.by, ...HEADER, '']
  const body = result.rows.map((r) => [
    ...r.keys.map((k, i) => k ?? NULL_LABELS[result.by[i]]),
    ...cells(r),
  ])
  const total = ['Total', ...result.by.slice(1).map(() => ''), ...cells(result.total)]
  const rows = [header, ...body, total]
  const widths = header.map((_, c) => Math.max(...rows.map((r) => r[c].length)))
  const numeric = (c: number) => c >= result.by.length && c < header.length - 1
  const line = (row: string[]) =>
    row
      .map((cell, c) => (numeric(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd()
  const rule = widths.map((w) => '-'.repeat(w)).join('  ')
  return `${[line(header), ...body.map(line), rule, line(total)].join('\n')}\n`
}

function toCsv(result: ReconcileResult): string {
  const columns: CsvColumn[] = [
    ...result.by.map((name) => ({ name, type: 'text' as const })),
    ...[
      'billedCost',
      'billedTokens',
      'loggedTokens',
      'estimatedCost',
      'tokenDrift',
      'costDrift',
    ].map((name) => ({ name, type: 'number' as const })),
    { name: 'causes', type: 'text' },
  ]
  const body = result.rows.map((r) => [
    ...r.keys,
    r.billedCost,
    r.billedTokens,
    r.loggedTokens,
    r.estimatedCost,
    r.tokenDrift === null ? null : String(r.tokenDrift),
    r.costDrift === null ? null : String(r.costDrift),
    r.causes.join(' '),
  ])
  return toExcelCsv(columns, body)
}
