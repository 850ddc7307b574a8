// `cur-lens tokens`: Bedrock tokens, their cost and the cost per million tokens, by model (or by
// other dimensions, e.g. model and token type). Only rows that bill tokens take part; groups whose
// rows had no pricing unit are listed under the table with the unit assumed for them.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { CostMetric, Dimension, TokenUnitCost, TokenUnitCostQuery } from '../../core/api.js'
import { withOpenApi } from '../open-api.js'
import { parseFilters } from './report.js'

const USAGE = `Usage: cur-lens tokens <path...> [--by model[,token-type]] [--basis <metric>] [--filter <dim>=<val>]... [--format table|json]

  --by <dims>           dimensions as in \`cur-lens report\` (default: model)
  --basis <metric>      unblended (default), net, amortized or ondemand
  --filter <dim>=<val>  as in \`cur-lens report\`
  --format <format>     table (default) or json
`

const BASES: readonly CostMetric[] = ['unblended', 'net', 'amortized', 'ondemand']

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      by: { type: 'string', default: 'model' },
      basis: { type: 'string', default: 'unblended' },
      filter: { type: 'string', multiple: true },
      format: { type: 'string', default: 'table' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const basis = values.basis as CostMetric
  if (values.help || positionals.length === 0 || !BASES.includes(basis)) {
    process.stderr.write(USAGE)
    return values.help ? 0 : 2
  }
  const query: TokenUnitCostQuery = {
    dimensions: values.by.split(',').map((d) => d.trim() as Dimension),
    basis,
    filters: parseFilters(values.filter ?? []),
  }
  return withOpenApi(
    positionals.map((p) => resolve(p)),
    async (api) => {
      const rows = await api.tokenUnitCosts(query)
      const dimensions = query.dimensions ?? []
      process.stdout.write(
        values.format === 'json' ? toJson(rows, dimensions) : toTable(rows, dimensions),
      )
      return 0
    },
  )
}

function toJson(rows: TokenUnitCost[], dimensions: Dimension[]): string {
  const items = rows.map((row) => ({
    ...Object.fromEntries(dimensions.map((d, i) => [d, row.keys[i]])),
    tokens: Number(row.tokens),
    cost: Number(row.cost),
    costPerMillionTokens:
      row.costPerMillionTokens === null ? null : Number(row.costPerMillionTokens),
    assumedUnits: row.assumedUnits,
  }))
  return `${JSON.stringify(items, null, 2)}\n`
}

function toTable(rows: TokenUnitCost[], dimensions: Dimension[]): string {
  const header = [...dimensions, 'tokens', 'cost', 'per 1M tokens']
  const body = rows.map((row) => [
    ...row.keys.map((k) => k ?? '(unknown)'),
    Number(row.tokens).toLocaleString('en-US'),
    Number(row.cost).toFixed(2),
    row.costPerMillionTokens === null ? '' : Number(row.costPerMillionTokens).toFixed(4),
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
