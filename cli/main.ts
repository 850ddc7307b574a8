// `cur-lens` command line: dispatches to one module per command. Each command returns its exit code.
import packageJson from '../package.json' with { type: 'json' }

const COMMANDS: Record<string, () => Promise<{ run(argv: string[]): Promise<number> }>> = {
  summary: () => import('./commands/summary.js'),
  report: () => import('./commands/report.js'),
  tokens: () => import('./commands/tokens.js'),
  export: () => import('./commands/export.js'),
  rules: () => import('./commands/rules.js'),
  serve: () => import('./commands/serve.js'),
}

const USAGE = `Usage: cur-lens <command> [options]

Commands:
  summary <path...> [--json]            format, rows, billing periods and totals by line item type
  report <path...> --by <dim>[,<dim>]   cost split by principal, tag, model, … (see README)
  tokens <path...> [--by model]         Bedrock tokens and cost per million tokens
  export <path...> --out <dir> …        chargeback CSVs finance can open in Excel
  rules check <path...> --rules <file>  how much cost each mapping rule matches
  serve [path...]                       the app in your browser, on 127.0.0.1 only
  --version, -v                         the version of CUR Lens
`

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${packageJson.version}\n`)
    return 0
  }
  const load = name ? COMMANDS[name] : undefined
  if (!load) {
    process.stderr.write(USAGE)
    return name && name !== '--help' && name !== '-h' ? 2 : 0
  }
  return (await load()).run(rest)
}

process.exitCode = await main(process.argv.slice(2))
