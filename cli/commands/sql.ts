// `cur-lens sql <path...> "<query>"`: one read-only SELECT over the documented views (cur,
// cur_attributed), printed as a table, as Excel-safe CSV or as JSON. The engine refuses anything
// else (error [INVALID_QUERY] on stderr, exit 1); at most --limit rows are printed, and stderr
// says when the result had more.
import { SQL_LIMITS } from '../../core/api-values.js'
import {
  SOURCE_OPTIONS,
  UsageError,
  parseFormat,
  parseSources,
  runCommand,
  type Arguments,
  type Sources,
} from '../arguments.js'
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
  --no-cache         keep nothing of this export in the cache (see \`cur-lens cache\`)
`

const SQL = {
  name: 'sql',
  usage: USAGE,
  options: {
    ...SOURCE_OPTIONS,
    format: { type: 'string', default: 'table' },
    limit: { type: 'string' },
    timeout: { type: 'string' },
  },
} as const

const FORMATS = ['table', 'csv', 'json'] as const

interface SqlOptions {
  sources: Sources
  sql: string
  format: (typeof FORMATS)[number]
  limit: number
  timeoutSeconds: number
}

export function run(argv: string[]): Promise<number> {
  return runCommand(SQL, argv, readOptions, ({ sources, sql, format, limit, timeoutSeconds }) =>
    withOpenApi(sources, async (api) => {
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
    }),
  )
}

/** The paths, then the query as the last positional. */
function readOptions(args: Arguments<typeof SQL.options>): SqlOptions {
  const { values, positionals } = args
  if (positionals.length < 2) {
    throw new UsageError('Name the CUR files or folders to read, then the query in quotes.')
  }
  return {
    sources: parseSources(args, positionals.slice(0, -1)),
    sql: positionals[positionals.length - 1],
    format: parseFormat(values.format, FORMATS),
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
