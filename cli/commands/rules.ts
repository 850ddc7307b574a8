// `cur-lens rules check`: how much of the bill each mapping rule matches (first match wins), what
// no rule matches, and the total. The rounded cost column adds up to the rounded total, and the
// rounded shares to 100.0 %.
import { BASES } from '../../core/api-values.js'
import { resolve } from 'node:path'
import type { Basis, MappingRules, RulesCoverage } from '../../core/api.js'
import {
  apportion,
  formatCents,
  parseUnits,
  roundToCents,
  UNITS_PER_CENT,
} from '../../core/format/exact-money.js'
import { describeMatch } from '../../core/chargeback/rules.js'
import { readRulesFile } from '../../core/workspace/rules-file.js'
import {
  UsageError,
  parseBasis,
  parsePeriod,
  parseSources,
  SOURCE_OPTIONS,
  runCommand,
  type Arguments,
  type Sources,
} from '../arguments.js'
import { formatJson, jsonDecimal, type JsonValue } from '../json-output.js'
import { reportError, withOpenApi } from '../open-api.js'

const USAGE = `Usage: cur-lens rules check <path...> --rules <rules.json> [options]

  --rules <file>       mapping rules to check (see README "Rules file format")
  --basis <basis>      unblended (default), net (net unblended) or amortized
  --period <YYYY-MM>   one billing period; all periods when absent (or "all")
  --json               print the coverage as JSON
  --no-cache           keep nothing of this export in the cache (see \`cur-lens cache\`)
`

const RULES = {
  name: 'rules',
  usage: USAGE,
  options: {
    ...SOURCE_OPTIONS,
    rules: { type: 'string' },
    basis: { type: 'string', default: 'unblended' },
    period: { type: 'string' },
    json: { type: 'boolean' },
  },
} as const

interface CheckOptions {
  sources: Sources
  rulesFile: string
  basis: Basis
  period?: string
  json: boolean
}

export function run(argv: string[]): Promise<number> {
  return runCommand(RULES, argv, readOptions, async (options) => {
    let rules: MappingRules
    try {
      rules = await readRulesFile(options.rulesFile)
    } catch (e) {
      return reportError(e)
    }
    return withOpenApi(options.sources, async (api) => {
      const { basis, period } = options
      const coverage = await api.checkRules(rules, basis, period)
      process.stdout.write(
        options.json
          ? `${formatJson(coverageJson(coverage))}\n`
          : coverageTable(rules, coverage, basis, period),
      )
      return 0
    })
  })
}

/** `check <path...>`: the subcommand is the first positional. */
function readOptions(args: Arguments<typeof RULES.options>): CheckOptions {
  const { values } = args
  const [subcommand, ...paths] = args.positionals
  if (subcommand !== 'check') {
    throw new UsageError(
      subcommand ? `Unknown subcommand "${subcommand}".` : 'Name a subcommand: check.',
    )
  }
  const sources = parseSources(args, paths)
  if (!values.rules) throw new UsageError('Name the rules file with --rules <rules.json>.')
  return {
    sources,
    rulesFile: resolve(values.rules),
    basis: parseBasis(values.basis, BASES),
    period: parsePeriod(values.period),
    json: values.json,
  }
}

/** The coverage as the API gives it, amounts as exact JSON numbers. */
function coverageJson(coverage: RulesCoverage): JsonValue {
  return {
    rules: coverage.rules.map((r) => ({ ...r, matchedCost: jsonDecimal(r.matchedCost) })),
    unmatched: jsonDecimal(coverage.unmatched),
    unmatchedRows: coverage.unmatchedRows,
    total: jsonDecimal(coverage.total),
  }
}

export function coverageTable(
  rules: MappingRules,
  coverage: RulesCoverage,
  basis: Basis,
  period = 'all',
): string {
  const total = parseUnits(coverage.total)
  const totalCents = roundToCents(total)
  const amounts = [
    ...coverage.rules.map((r, i) => ({ key: String(i), numerator: parseUnits(r.matchedCost) })),
    { key: 'unmatched', numerator: parseUnits(coverage.unmatched) },
  ]
  const cents = apportion(amounts, UNITS_PER_CENT, totalCents)
  // Shares in tenths of a percent, rounded by largest remainder so that they add up to 100.0 %.
  const sign = total < 0n ? -1n : 1n
  const tenths =
    total === 0n
      ? undefined
      : apportion(
          amounts.map((a) => ({ key: a.key, numerator: a.numerator * 1000n * sign })),
          total * sign,
          1000n,
        )
  const share = (key: string) => (tenths ? `${(Number(tenths.get(key)) / 10).toFixed(1)}%` : '')
  const rows = [
    ['#', 'rule', 'recipient', 'match', 'line items', 'cost', 'share'],
    ...coverage.rules.map((r, i) => [
      String(i + 1),
      r.ruleId,
      r.recipient,
      describeMatch(rules.rules[i].match),
      String(r.rows),
      formatCents(cents.get(String(i))!),
      share(String(i)),
    ]),
    [
      '',
      '(unmatched)',
      '',
      '',
      String(coverage.unmatchedRows),
      formatCents(cents.get('unmatched')!),
      share('unmatched'),
    ],
    [
      '',
      'total',
      '',
      '',
      String(coverage.rules.reduce((n, r) => n + r.rows, coverage.unmatchedRows)),
      formatCents(totalCents),
      '',
    ],
  ]
  const right = new Set([0, 4, 5, 6])
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)))
  const lines = rows.map((r) =>
    r
      .map((cell, c) => (right.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd(),
  )
  return `Rule coverage, period ${period}, ${basis} cost (first matching rule wins)\n\n${lines.join('\n')}\n`
}
