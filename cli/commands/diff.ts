// `cur-lens diff`: what changed between two deliveries of an export (the version of the 3rd against
// the one of the 15th), or between two months of one. By dimensions: old, new and change per group,
// largest absolute change first, as a table (with the totals per month), CSV or JSON (one object per
// group). With --lines: the line items added, removed and changed, and how they were matched.
import type {
  CompareLinesResult,
  CompareQuery,
  CompareResult,
  CompareSide,
  LineChange,
} from '../../core/api.js'
import { COST_METRICS, SQL_LIMITS } from '../../core/api-values.js'
import { emptyGroupLabel } from '../../core/format/empty-group.js'
import { toExcelCsv, type CsvColumn } from '../../core/format/excel-csv.js'
import {
  UsageError,
  parseArguments,
  parseChoice,
  parseDimensions,
  parseFilters,
  parseFormat,
  parseMetric,
  parseSources,
  parsePeriod,
  runCommand,
  SOURCE_OPTIONS,
  type Arguments,
  type Sources,
} from '../arguments.js'
import { csvNumber, FIGURES, textTable } from '../figure-table.js'
import { formatJson, jsonDecimal, type JsonValue } from '../json-output.js'
import { withOpenApi } from '../open-api.js'

const USAGE = `Usage: cur-lens diff <old path...> --against <new path...> --by <dim>[,<dim>...] [options]
       cur-lens diff <path...> --old-month <YYYY-MM> --new-month <YYYY-MM> --by <dim>[,...]

  --against <paths>     the later delivery of the export (its files or folders)
  --by <dims>           up to three of: principal, person, role, account, tag:<key>, model,
                        provider, token-type, service, region, usage-type, operation,
                        line-item-type, month, week, day (not user or log-tag:<key>: usage
                        logs split only one export)
  --old-month <month>   only this billing period of the old side (YYYY-MM)
  --new-month <month>   only this billing period of the new side; without --against, both
                        months come from the one export named
  --lines               the line items added, removed and changed instead, matched by line item
                        id and usage time where the format has them, else by stable columns
  --limit <N>           with --lines: at most N lines, largest change first (default 1000)
  --metric <metric>     unblended (default), net, amortized, ondemand, usage, tokens or count
                        (line items; --lines: a cost)
  --filter <dim>=<val>  only these line items, as in \`cur-lens report\`; repeatable
  --format <format>     table (default), csv or json: one object per group with the dimensions,
                        old, new and change (new − old)
  --no-cache            keep nothing of these exports in the cache (see \`cur-lens cache\`)
`

const DIFF = {
  name: 'diff',
  usage: USAGE,
  options: {
    ...SOURCE_OPTIONS,
    against: { type: 'string', multiple: true },
    by: { type: 'string' },
    'old-month': { type: 'string' },
    'new-month': { type: 'string' },
    lines: { type: 'boolean' },
    limit: { type: 'string' },
    metric: { type: 'string', default: 'unblended' },
    filter: { type: 'string', multiple: true },
    format: { type: 'string', default: 'table' },
  },
} as const

const FORMATS = ['table', 'csv', 'json'] as const
type Format = (typeof FORMATS)[number]

interface DiffOptions {
  sources: Sources
  /** The new side's paths; none when both sides are months of `sources`. */
  against: string[]
  query: CompareQuery
  lines?: { limit: number }
  format: Format
}

export function run(argv: string[]): Promise<number> {
  return runCommand(DIFF, againstAsRepeated(argv), readOptions, (options) =>
    withOpenApi(options.sources, async (api) => {
      if (options.against.length > 0) {
        const opened = await api.openComparison({
          paths: options.against,
          cache: options.sources.cache,
        })
        for (const p of opened.problems) process.stderr.write(`warning: ${p.message}\n`)
      }
      const { query } = options
      if (options.lines) {
        const result = await api.compareLines({
          metric: query.metric as (typeof COST_METRICS)[number],
          filters: query.filters,
          old: query.old,
          new: query.new,
          limit: options.lines.limit,
        })
        process.stderr.write(`${matchedNote(result)}\n`)
        process.stdout.write(renderLines(result, options.format))
      } else {
        process.stdout.write(render(await api.compare(query), options.format))
      }
      return 0
    }),
  )
}

export function parseOptions(argv: string[]): DiffOptions | 'help' {
  const args = parseArguments(DIFF, againstAsRepeated(argv))
  return args.help ? 'help' : readOptions(args)
}

/** `--against a b c` → `--against a --against b --against c`: the paths up to the next option. */
function againstAsRepeated(argv: string[]): string[] {
  const result: string[] = []
  for (let i = 0; i < argv.length; i++) {
    result.push(argv[i])
    if (argv[i] !== '--against') continue
    for (let j = i + 1; j < argv.length && !argv[j].startsWith('-'); j++) {
      if (j > i + 1) result.push('--against')
      result.push(argv[j])
      i = j
    }
  }
  return result
}

function readOptions(args: Arguments<typeof DIFF.options>): DiffOptions {
  const { values } = args
  const sources = parseSources(args)
  const against = values.against.length > 0 ? parseSources(args, values.against).paths : []
  const month = (option: string, value: string | undefined) => {
    if (value === undefined) return undefined
    const period = parsePeriod(value)
    if (!period) throw new UsageError(`${option} is a billing period as YYYY-MM.`)
    return period
  }
  const oldMonth = month('--old-month', values['old-month'])
  const newMonth = month('--new-month', values['new-month'])
  if (against.length === 0 && (!oldMonth || !newMonth)) {
    throw new UsageError(
      'Name the later delivery with --against <path...>, or two months of this export with --old-month and --new-month.',
    )
  }
  const side = (which: CompareSide['export'], m: string | undefined): CompareSide =>
    m ? { export: which, month: m } : { export: which }
  const metric = parseMetric(values.metric)
  const lines = values.lines
  if (lines) parseChoice('--metric', metric, COST_METRICS)
  else if (values.limit !== undefined) throw new UsageError('--limit goes with --lines.')
  const limit = values.limit === undefined ? 1_000 : Number(values.limit)
  if (!Number.isInteger(limit) || limit < 1 || limit > SQL_LIMITS.maxRows) {
    throw new UsageError(`--limit takes a whole number from 1 to ${SQL_LIMITS.maxRows}.`)
  }
  return {
    sources,
    against,
    query: {
      by: lines ? [] : parseDimensions(values.by),
      metric,
      filters: parseFilters(values.filter),
      old: side('current', oldMonth),
      new: side(against.length > 0 ? 'comparison' : 'current', newMonth),
    },
    ...(lines ? { lines: { limit } } : {}),
    format: parseFormat(values.format, FORMATS),
  }
}

export function render(result: CompareResult, format: Format): string {
  if (format === 'json') {
    const items: JsonValue = result.rows.map((row) => {
      const item: Record<string, JsonValue> = {}
      result.by.forEach((d, i) => (item[d] = row.keys[i]))
      item.old = jsonDecimal(row.old)
      item.new = jsonDecimal(row.new)
      item.change = jsonDecimal(row.change)
      return item
    })
    return `${formatJson(items)}\n`
  }
  const keys = result.rows.map((row) => result.by.map((d, i) => row.keys[i] ?? emptyGroupLabel(d)))
  if (format === 'csv') {
    const columns: CsvColumn[] = [
      ...result.by.map((name) => ({ name, type: 'text' as const })),
      ...['old', 'new', 'change'].map((name) => ({ name, type: 'number' as const })),
    ]
    const body = result.rows.map((row, i) => [
      ...keys[i],
      csvNumber(row.old),
      csvNumber(row.new),
      csvNumber(row.change),
    ])
    return toExcelCsv(columns, body)
  }
  const figure = FIGURES[result.metric]
  const figures = (f: { old: string; new: string; change: string }) => [
    figure(f.old),
    figure(f.new),
    signed(figure(f.change)),
  ]
  const groups = textTable(
    [...result.by, 'old', 'new', 'change'],
    result.rows.map((row, i) => [...keys[i], ...figures(row)]),
    { total: ['Total', ...result.by.slice(1).map(() => ''), ...figures(result.total)] },
  )
  const months = textTable(
    ['month', 'old', 'new', 'change'],
    result.byMonth.map((m) => [m.month, ...figures(m)]),
  )
  return `${groups}\n${months}`
}

function renderLines(result: CompareLinesResult, format: Format): string {
  const fields = [
    'kind',
    'lineItemId',
    'usageStart',
    'period',
    'account',
    'lineItemType',
    'service',
    'usageType',
    'operation',
    'resourceId',
    'description',
  ] as const
  if (format === 'json') {
    const items: JsonValue = result.lines.map((line) => {
      const item: Record<string, JsonValue> = {}
      for (const field of fields) item[field] = line[field]
      item.old = jsonDecimal(line.old)
      item.new = jsonDecimal(line.new)
      item.change = jsonDecimal(line.change)
      return item
    })
    return `${formatJson(items)}\n`
  }
  if (format === 'csv') {
    const columns: CsvColumn[] = [
      ...fields.map((name) => ({ name, type: 'text' as const })),
      ...['old', 'new', 'change'].map((name) => ({ name, type: 'number' as const })),
    ]
    const body = result.lines.map((line) => [
      ...fields.map((f) => line[f]),
      csvNumber(line.old),
      csvNumber(line.new),
      csvNumber(line.change),
    ])
    return toExcelCsv(columns, body)
  }
  const money = FIGURES.unblended
  const summary = textTable(
    ['kind', 'lines', 'old', 'new', 'change'],
    (['added', 'removed', 'changed'] as const).map((kind) => {
      const k = result.kinds[kind]
      return [kind, String(k.lines), money(k.old), money(k.new), signed(money(k.change))]
    }),
  )
  const shown = (line: LineChange) => [
    line.kind,
    line.usageStart ?? '',
    line.service ?? '',
    line.usageType ?? '',
    line.account ?? '',
    money(line.old),
    money(line.new),
    signed(money(line.change)),
    line.lineItemId ?? '',
  ]
  const lines = textTable(
    [
      'kind',
      'usage start',
      'service',
      'usage type',
      'account',
      'old',
      'new',
      'change',
      'line item id',
    ],
    result.lines.map(shown),
  )
  const more = result.truncated ? `(more lines changed: raise --limit)\n` : ''
  return `${summary}\n${lines}${more}`
}

function matchedNote(result: CompareLinesResult): string {
  return result.matchedBy === 'line-item-id'
    ? 'Line items matched by line item id and usage start.'
    : `Line items matched by stable columns (${result.matchColumns.join(', ')}): not every line has a line item id.`
}

/** "+1.25" for an increase, so a change reads as one. */
function signed(text: string): string {
  return /^[1-9]|^0\.0*[1-9]/.test(text) ? `+${text}` : text
}
