// `cur-lens report`: cost (or usage, or tokens) split by up to three dimensions, as an aligned table
// with a total line, as CSV for Excel, or as JSON for scripts: one object per group, one property
// per dimension as given in --by (null for the no-principal / untagged / unknown group) and the
// figure as a number, sorted by descending value.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { BreakdownQuery, BreakdownResult, Dimension, Filter, Metric } from '../../core/api.js'
import { formatJson, jsonDecimal, type JsonValue } from '../json-output.js'
import { withOpenApi } from '../open-api.js'

const USAGE = `Usage: cur-lens report <path...> --by <dim>[,<dim>...] [options]

  --by <dims>           up to three of: principal, person, role, account, tag:<key> (e.g.
                        tag:iamPrincipal/team, or tag:team when one source has it), model,
                        provider, token-type, service, region, usage-type, operation,
                        line-item-type, month, day
  --metric <metric>     unblended (default), net, amortized, ondemand, usage or tokens
  --filter <dim>=<val>  only these line items, e.g. "service=Amazon Bedrock"; <dim>!=<val> excludes;
                        repeatable; several values of one dimension are alternatives; the value
                        (none) is the no-principal / untagged / unknown group
  --top <N>             the N largest groups of the first dimension, the rest as (other)
  --format <format>     table (default), csv or json
`

const METRICS: readonly Metric[] = ['unblended', 'net', 'amortized', 'ondemand', 'usage', 'tokens']
const FORMATS = ['table', 'csv', 'json'] as const
type Format = (typeof FORMATS)[number]
const NULL_VALUES = new Set(['(none)', '(untagged)', '(no principal)', '(unknown)'])
const PRINCIPAL_DIMENSIONS = new Set(['principal', 'person', 'role'])

class UsageError extends Error {}

interface ReportOptions {
  paths: string[]
  query: BreakdownQuery
  format: Format
}

export async function run(argv: string[]): Promise<number> {
  let options: ReportOptions
  try {
    const parsed = parseOptions(argv)
    if (parsed === 'help') {
      process.stdout.write(USAGE)
      return 0
    }
    options = parsed
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    process.stderr.write(`cur-lens report: ${message}\n\n${USAGE}`)
    return 2
  }
  return withOpenApi(options.paths, async (api) => {
    const result = await api.breakdown(options.query)
    process.stdout.write(render(result, options.format))
    return 0
  })
}

export function parseOptions(argv: string[]): ReportOptions | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      by: { type: 'string' },
      metric: { type: 'string', default: 'unblended' },
      filter: { type: 'string', multiple: true },
      top: { type: 'string' },
      format: { type: 'string', default: 'table' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return 'help'
  if (positionals.length === 0) throw new UsageError('Name the CUR files or folders to read.')
  if (!values.by) throw new UsageError('Choose what to split by with --by <dimension>.')
  const metric = values.metric as Metric
  if (!METRICS.includes(metric)) throw new UsageError(`--metric is one of ${METRICS.join(', ')}.`)
  const format = values.format as Format
  if (!FORMATS.includes(format)) throw new UsageError(`--format is one of ${FORMATS.join(', ')}.`)
  const query: BreakdownQuery = {
    dimensions: values.by.split(',').map((d) => d.trim() as Dimension),
    metric,
    filters: parseFilters(values.filter ?? []),
  }
  if (values.top !== undefined) {
    const top = Number(values.top)
    if (!Number.isInteger(top) || top < 1) throw new UsageError('--top takes a whole number ≥ 1.')
    query.topN = top
  }
  return { paths: positionals.map((p) => resolve(p)), query, format }
}

/** `service=Amazon Bedrock`, `tag:team!=(none)`; repeated dimensions are alternatives. */
export function parseFilters(texts: string[]): Filter[] {
  const filters = new Map<string, Filter>()
  for (const text of texts) {
    const match = /^([^=!]+)(!?=)(.*)$/.exec(text)
    if (!match) throw new UsageError(`--filter takes <dimension>=<value>, not "${text}".`)
    const [, name, op, raw] = match
    const dimension = name.trim() as Dimension
    const key = `${dimension}${op}`
    const filter = filters.get(key) ?? {
      dimension,
      values: [],
      ...(op === '!=' ? { exclude: true } : {}),
    }
    filter.values.push(NULL_VALUES.has(raw) ? null : raw)
    filters.set(key, filter)
  }
  return [...filters.values()]
}

function valueName(metric: Metric): string {
  return metric === 'usage' || metric === 'tokens' ? metric : 'cost'
}

function nullLabel(dimension: Dimension): string {
  if (dimension.startsWith('tag:')) return '(untagged)'
  return PRINCIPAL_DIMENSIONS.has(dimension) ? '(no principal)' : '(unknown)'
}

export function render(result: BreakdownResult, format: Format): string {
  if (format === 'json') return `${formatJson(toJson(result))}\n`
  if (format === 'csv') return toCsv(result)
  return toTable(result)
}

function toJson(result: BreakdownResult): JsonValue {
  return result.rows.map((row) => {
    const item: Record<string, JsonValue> = {}
    result.dimensions.forEach((d, i) => (item[d] = row.keys[i]))
    if (row.period !== undefined) item.period = row.period
    item[valueName(result.metric)] = jsonDecimal(row.value)
    if (row.other) item.other = true
    return item
  })
}

function labels(result: BreakdownResult): string[][] {
  return result.rows.map((row) =>
    result.dimensions.map((d, i) => (row.other ? '(other)' : (row.keys[i] ?? nullLabel(d)))),
  )
}

const FIXED: Record<Metric, Intl.NumberFormat> = Object.fromEntries(
  METRICS.map((m) => [
    m,
    new Intl.NumberFormat('en-US', {
      minimumFractionDigits: m === 'tokens' ? 0 : 2,
      maximumFractionDigits: m === 'tokens' ? 0 : m === 'usage' ? 4 : 2,
    }),
  ]),
) as Record<Metric, Intl.NumberFormat>

/** Rounds the decimal text itself (Intl formats decimal strings exactly, half away from zero). */
function display(value: string, metric: Metric): string {
  return FIXED[metric].format(value as `${number}`)
}

function toTable(result: BreakdownResult): string {
  const header = [...result.dimensions, valueName(result.metric)]
  const body = labels(result).map((keys, i) => [
    ...keys,
    display(result.rows[i].value, result.metric),
  ])
  const total = [
    'Total',
    ...result.dimensions.slice(1).map(() => ''),
    display(result.total, result.metric),
  ]
  const widths = header.map((_, c) => Math.max(...[header, ...body, total].map((r) => r[c].length)))
  const last = header.length - 1
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === last ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd()
  const rule = widths.map((w) => '-'.repeat(w)).join('  ')
  return `${[line(header), ...body.map(line), rule, line(total)].join('\n')}\n`
}

const CSV_FORMULA = /^[=+\-@\t\r]/

function csvText(cell: string): string {
  const safe = CSV_FORMULA.test(cell) ? `'${cell}` : cell
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

function csvNumber(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value
}

function toCsv(result: BreakdownResult): string {
  const header = [...result.dimensions, valueName(result.metric)].map(csvText)
  const body = labels(result).map((keys, i) => [
    ...keys.map(csvText),
    csvNumber(result.rows[i].value),
  ])
  // The byte-order mark makes Excel read the file as UTF-8.
  return `\uFEFF${[header, ...body].map((r) => r.join(',')).join('\r\n')}\r\n`
}
