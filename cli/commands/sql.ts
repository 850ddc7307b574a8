// `cur-lens sql <path...> "<query>"`: one read-only SELECT over the documented views (cur,
// cur_attributed), printed as a table, as Excel-safe CSV or as JSON. The engine refuses anything
// else (error [INVALID_QUERY] on stderr, exit 1); at most --limit rows are printed, and stderr
// says when the result had more.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { SQL_LIMITS } from '../../core/api-values.js'
import { withOpenApi } from '../open-api.js'
import { toJson, toTable } from './sql-output.js'

const DEFAULT_LIMIT = 10_000

const USAGE = `Usage: cur-lens sql <path...> "<query>" [--format table|csv|json] [--limit N]

  <path...>          CUR files and/or export folders
  "<query>"          one SELECT over the views cur and cur_attributed (the last argument),
                     e.g. "SELECT service, sum(unblended_cost) FROM cur GROUP BY ALL ORDER BY 2 DESC"
  --format <format>  table (default), csv (UTF-8 with BOM, for Excel) or json (an array of objects,
                     money as numbers)
  --limit <N>        rows to print at most (default ${DEFAULT_LIMIT.toLocaleString('en-US')}, at most ${SQL_LIMITS.maxRows.toLocaleString('en-US')})
  --timeout <s>      stop the query after this many seconds (default ${SQL_LIMITS.timeoutSeconds})
`

const FORMATS = ['table', 'csv', 'json'] as const
type Format = (typeof FORMATS)[number]

interface SqlOptions {
  paths: string[]
  sql: string
  format: Format
  limit: number
  timeoutSeconds: number
}

class UsageError extends Error {}

export async function run(argv: string[]): Promise<number> {
  let options: SqlOptions | 'help'
  try {
    options = parseOptions(argv)
  } catch (e) {
    process.stderr.write(`cur-lens sql: ${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`)
    return 2
  }
  if (options === 'help') {
    process.stdout.write(USAGE)
    return 0
  }
  const { paths, sql, format, limit, timeoutSeconds } = options
  return withOpenApi(paths, async (api) => {
    let truncated: boolean
    if (format === 'csv') {
      const result = await api.sqlCsv({ sql, limit, timeoutSeconds })
      process.stdout.write(result.csv)
      truncated = result.truncated
    } else {
      const result = await api.runSql({ sql, pageSize: limit, timeoutSeconds })
      process.stdout.write(format === 'json' ? toJson(result) : toTable(result))
      truncated = result.truncated
    }
    if (truncated) {
      process.stderr.write(
        `warning: the result has more than ${limit.toLocaleString('en-US')} rows; only the first ${limit.toLocaleString('en-US')} are printed (--limit).\n`,
      )
    }
    return 0
  })
}

export function parseOptions(argv: string[]): SqlOptions | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'table' },
      limit: { type: 'string' },
      timeout: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return 'help'
  if (positionals.length < 2) {
    throw new UsageError('Name the CUR files or folders to read, then the query in quotes.')
  }
  const format = values.format as Format
  if (!FORMATS.includes(format)) throw new UsageError(`--format is one of ${FORMATS.join(', ')}.`)
  return {
    paths: positionals.slice(0, -1).map((p) => resolve(p)),
    sql: positionals[positionals.length - 1],
    format,
    limit: whole('--limit', values.limit, SQL_LIMITS.maxRows, DEFAULT_LIMIT),
    timeoutSeconds: whole(
      '--timeout',
      values.timeout,
      SQL_LIMITS.maxTimeoutSeconds,
      SQL_LIMITS.timeoutSeconds,
    ),
  }
}

function whole(flag: string, text: string | undefined, max: number, fallback: number): number {
  if (text === undefined) return fallback
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new UsageError(`${flag} takes a whole number from 1 to ${max.toLocaleString('en-US')}.`)
  }
  return value
}
