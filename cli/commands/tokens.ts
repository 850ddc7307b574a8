// `cur-lens tokens`: Bedrock tokens, their cost and the cost per million tokens, by model (or by
// other dimensions, e.g. model and token type). Only rows that bill tokens take part; groups whose
// rows had no pricing unit are listed under the table with the unit assumed for them.
import { COST_METRICS } from '../../core/api-values.js'
import type { Dimension, TokenUnitCost, TokenUnitCostQuery } from '../../core/api.js'
import {
  DATE_RANGE_OPTIONS,
  DATE_RANGE_USAGE,
  parseBasis,
  parseDateRange,
  parseDimensions,
  parseFilters,
  parseFormat,
  parseSources,
  SOURCE_OPTIONS,
  runCommand,
  type Arguments,
  type Sources,
} from '../arguments.js'
import { decimalText } from '../decimal-text.js'
import { formatJson, jsonDecimal } from '../json-output.js'
import { withOpenApi } from '../open-api.js'

const USAGE = `Usage: cur-lens tokens <path...> [--by model[,token-type]] [--basis <metric>] [--filter <dim>=<val>]... [--from <day>] [--to <day>] [--format table|json]

  --by <dims>           dimensions as in \`cur-lens report\` (default: model)
  --basis <metric>      unblended (default), net, amortized or ondemand
  --filter <dim>=<val>  as in \`cur-lens report\`
${DATE_RANGE_USAGE}  --format <format>     table (default) or json
  --no-cache            keep nothing of this export in the cache (see \`cur-lens cache\`)
`

const TOKENS = {
  name: 'tokens',
  usage: USAGE,
  options: {
    ...SOURCE_OPTIONS,
    ...DATE_RANGE_OPTIONS,
    by: { type: 'string', default: 'model' },
    basis: { type: 'string', default: 'unblended' },
    filter: { type: 'string', multiple: true },
    format: { type: 'string', default: 'table' },
  },
} as const

const FORMATS = ['table', 'json'] as const

interface TokensOptions {
  sources: Sources
  query: TokenUnitCostQuery & { dimensions: Dimension[] }
  format: (typeof FORMATS)[number]
}

export function run(argv: string[]): Promise<number> {
  return runCommand(TOKENS, argv, readOptions, ({ sources, query, format }) =>
    withOpenApi(sources, async (api) => {
      const rows = await api.tokenUnitCosts(query)
      const { dimensions } = query
      process.stdout.write(
        format === 'json' ? toJson(rows, dimensions) : tokensTable(rows, dimensions),
      )
      return 0
    }),
  )
}

function readOptions(args: Arguments<typeof TOKENS.options>): TokensOptions {
  const { values } = args
  return {
    sources: parseSources(args),
    query: {
      dimensions: parseDimensions(values.by),
      basis: parseBasis(values.basis, COST_METRICS),
      filters: [...parseFilters(values.filter), ...parseDateRange(values)],
    },
    format: parseFormat(values.format, FORMATS),
  }
}

function toJson(rows: TokenUnitCost[], dimensions: Dimension[]): string {
  const items = rows.map((row) => ({
    ...Object.fromEntries(dimensions.map((d, i) => [d, row.keys[i]])),
    tokens: jsonDecimal(row.tokens),
    cost: jsonDecimal(row.cost),
    costPerMillionTokens:
      row.costPerMillionTokens === null ? null : jsonDecimal(row.costPerMillionTokens),
    assumedUnits: row.assumedUnits,
  }))
  return `${formatJson(items)}\n`
}

const [TOKENS_TEXT, COST_TEXT, RATE_TEXT] = [decimalText(0), decimalText(2), decimalText(4)]

export function tokensTable(rows: TokenUnitCost[], dimensions: Dimension[]): string {
  const header = [...dimensions, 'tokens', 'cost', 'per 1M tokens']
  const body = rows.map((row) => [
    ...row.keys.map((k) => k ?? '(unknown)'),
    TOKENS_TEXT(row.tokens),
    COST_TEXT(row.cost),
    row.costPerMillionTokens === null ? '' : RATE_TEXT(row.costPerMillionTokens),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < dimensions.length ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
  return [line(header), ...body.map(line), ...assumedUnitsNote(rows)].join('\n') + '\n'
}

/** Which groups counted tokens of rows without a pricing unit, and in which unit. */
function assumedUnitsNote(rows: TokenUnitCost[]): string[] {
  const assumed = rows.filter((row) => row.assumedUnits.length > 0)
  if (assumed.length === 0) return []
  return [
    '',
    'Note: some rows have no pricing unit; their tokens are counted in the unit their usage type',
    'implies (1K tokens for first-party models, Units = millions for marketplace models):',
    ...assumed.map(
      (row) =>
        `  ${row.keys.map((k) => k ?? '(unknown)').join(' / ')}: ${row.assumedUnits.join(', ')}`,
    ),
  ]
}
