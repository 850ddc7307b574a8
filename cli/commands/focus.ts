// `cur-lens focus`: the attributed line items as FOCUS 1.2 (Parquet or CSV, by the --out file's
// extension), with who and what in x_ columns, for other FinOps tools. Prints the file written,
// its rows and its BilledCost and EffectiveCost totals (the export's unblended and amortized).
import { resolve } from 'node:path'
import type { FocusExportRequest } from '../../core/api.js'
import { readRulesFile } from '../../core/workspace/rules-file.js'
import {
  UsageError,
  parseSources,
  SOURCE_OPTIONS,
  runCommand,
  type Arguments,
  type Sources,
} from '../arguments.js'
import { reportError, withOpenApi } from '../open-api.js'

const USAGE = `Usage: cur-lens focus <path...> --out <file.parquet|file.csv> [options]

  --out <file>          the FOCUS 1.2 file to write: Parquet (.parquet) or CSV (.csv)
  --rules <file>        mapping rules: each row's x_Recipient is the first matching rule's recipient
  --no-cache            keep nothing of this export in the cache (see \`cur-lens cache\`)

Columns: the FOCUS 1.2 columns the export fills (BilledCost = unblended cost, EffectiveCost =
amortized cost), and x_IamPrincipal, x_Person, x_Role, x_Model, x_TokenType (and x_Recipient).
`

const FOCUS = {
  name: 'focus',
  usage: USAGE,
  options: {
    ...SOURCE_OPTIONS,
    out: { type: 'string' },
    rules: { type: 'string' },
  },
} as const

interface FocusOptions {
  sources: Sources
  rulesFile?: string
  request: FocusExportRequest
}

export function run(argv: string[]): Promise<number> {
  return runCommand(FOCUS, argv, readOptions, async ({ sources, rulesFile, request }) => {
    try {
      if (rulesFile) request.rules = await readRulesFile(rulesFile)
    } catch (e) {
      return reportError(e)
    }
    return withOpenApi(sources, async (api) => {
      const r = await api.exportFocus(request)
      process.stdout.write(
        `Wrote ${r.file} (FOCUS 1.2, ${r.format}): ${r.rows} rows, BilledCost ${r.billedCost}, EffectiveCost ${r.effectiveCost}.\n`,
      )
      return 0
    })
  })
}

function readOptions(args: Arguments<typeof FOCUS.options>): FocusOptions {
  const { values } = args
  const sources = parseSources(args)
  if (!values.out || !/\.(parquet|csv)$/i.test(values.out)) {
    throw new UsageError('Name the FOCUS file with --out <file.parquet> or --out <file.csv>.')
  }
  return {
    sources,
    rulesFile: values.rules && resolve(values.rules),
    request: { outFile: resolve(values.out) },
  }
}
