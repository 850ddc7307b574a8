// `cur-lens` command line: dispatches to one module per command. Each command returns its exit code.
import packageJson from '../package.json' with { type: 'json' }

const COMMANDS: Record<string, () => Promise<{ run(argv: string[]): Promise<number> }>> = {
  summary: () => import('./commands/summary.js'),
  report: () => import('./commands/report.js'),
  diff: () => import('./commands/diff.js'),
  tokens: () => import('./commands/tokens.js'),
  reconcile: () => import('./commands/reconcile.js'),
  tags: () => import('./commands/tags.js'),
  export: () => import('./commands/export.js'),
  focus: () => import('./commands/focus.js'),
  rules: () => import('./commands/rules.js'),
  sql: () => import('./commands/sql.js'),
  cache: () => import('./commands/cache.js'),
  serve: () => import('./commands/serve.js'),
}

const USAGE = `Usage: cur-lens <command> [options]

Commands:
  summary <path...> [--json]            format, rows, billing periods and totals by line item type
  report <path...> --by <dim>[,<dim>]   cost split by principal, tag, model, … (see README)
  diff <old...> --against <new...>      what changed between two deliveries (or months), by dimension
  tokens <path...> [--by model]         Bedrock tokens and cost per million tokens
  reconcile <path...> --logs <path>     usage logs' tokens and estimates against the bill
  tags <path...>                        tag keys, and how much of the cost carries each
  export <path...> --out <dir> …        chargeback CSVs (and a workbook) finance can open in Excel
  focus <path...> --out <file>          the attributed line items as FOCUS 1.2 (Parquet or CSV)
  rules check <path...> --rules <file>  how much cost each mapping rule matches
  sql <path...> "<query>"               a read-only SELECT over the views cur and cur_attributed
  cache list|clear|build|on|off         what the cache keeps and where, and removing it
  serve [path...]                       the app in your browser, on 127.0.0.1 only
  --version, -v                         the version of CUR Lens

cur-lens <command> --help describes a command's options.
`

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${packageJson.version}\n`)
    return 0
  }
  const load = name ? COMMANDS[name] : undefined
  if (load) return (await load()).run(rest)
  if (name === '--help' || name === '-h') {
    process.stdout.write(USAGE)
    return 0
  }
  const problem = name === undefined ? 'Name a command.' : `Unknown command "${name}".`
  process.stderr.write(`cur-lens: ${problem}\n\n${USAGE}`)
  return 2
}

process.exitCode = await main(process.argv.slice(2))
