// One way to read every command's arguments. A command declares its options and usage; bad input of
// any kind (an unknown option, a missing value, a value out of range) becomes the same usage error:
// `cur-lens <command>: <message>`, a blank line and the usage on stderr, exit 2. --help or -h prints
// the usage on stdout, exit 0. The values that recur across commands (paths, --by, --filter,
// --format, --metric, --basis, --period, --from/--to, --no-cache) are read here, once, so every
// command reads them alike.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { CostMetric, Dimension, Filter, Metric, UsageLogsRequest } from '../core/api.js'
import { METRICS } from '../core/api-values.js'
import { isPeriod } from '../core/chargeback/line-query.js'
import { isIsoDay } from '../core/rows/date-range.js'

/** Bad command-line input: reported with the usage, exit 2. */
export class UsageError extends Error {}

type OptionSpec =
  | { type: 'string'; default?: string; multiple?: false }
  | { type: 'string'; multiple: true }
  | { type: 'boolean' }

type OptionValue<S extends OptionSpec> = S extends { type: 'boolean' }
  ? boolean
  : S extends { multiple: true }
    ? string[]
    : S extends { default: string }
      ? string
      : string | undefined

export interface Command<O extends Record<string, OptionSpec>> {
  /** As typed after `cur-lens`, e.g. `report`; names the command in usage errors. */
  name: string
  usage: string
  options: O
}

export interface Arguments<O extends Record<string, OptionSpec>> {
  values: { [K in keyof O]: OptionValue<O[K]> }
  positionals: string[]
  help: boolean
}

/** Options as declared (absent booleans false, absent repeatable options empty), and positionals. */
export function parseArguments<O extends Record<string, OptionSpec>>(
  command: Command<O>,
  argv: string[],
): Arguments<O> {
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
    })
  } catch (e) {
    const { code, message } = e as { code?: string; message: string }
    if (!code?.startsWith('ERR_PARSE_ARGS_')) throw e
    // Node's own wording, shortened: "Unknown option '--x'. To specify a positional argument…".
    throw new UsageError(message.replace(/^Unknown option '([^']*)'\..*$/s, 'Unknown option $1.'))
  }
  const values: Record<string, unknown> = {}
  for (const [name, spec] of Object.entries(command.options)) {
    const fallback = spec.type === 'boolean' ? false : spec.multiple ? [] : undefined
    values[name] = parsed.values[name] ?? fallback
  }
  return {
    values: values as Arguments<O>['values'],
    positionals: parsed.positionals,
    help: parsed.values.help === true,
  }
}

/**
 * Reads the arguments with `read` (which throws UsageError for what it refuses) and runs the command
 * with what it returns; --help and usage errors are answered here, alike for every command.
 */
export async function runCommand<O extends Record<string, OptionSpec>, T>(
  command: Command<O>,
  argv: string[],
  read: (args: Arguments<O>) => T,
  execute: (options: T) => Promise<number>,
): Promise<number> {
  let options: T
  try {
    const args = parseArguments(command, argv)
    if (args.help) {
      process.stdout.write(command.usage)
      return 0
    }
    options = read(args)
  } catch (e) {
    if (e instanceof UsageError) return usageError(command, e.message)
    throw e
  }
  return execute(options)
}

function usageError(command: { name: string; usage: string }, message: string): number {
  process.stderr.write(`cur-lens ${command.name}: ${message}\n\n${command.usage}`)
  return 2
}

/** The options of every command that reads an export (each usage describes them). */
export const SOURCE_OPTIONS = { 'no-cache': { type: 'boolean' } } as const

/** The export a command reads: its files and folders as absolute paths, and whether to cache. */
export interface Sources {
  paths: string[]
  cache: boolean
}

/** The CUR files and folders named (the positionals unless given), at least one. */
export function parseSources(
  args: Arguments<typeof SOURCE_OPTIONS>,
  positionals = args.positionals,
): Sources {
  if (positionals.length === 0) throw new UsageError('Name the CUR files or folders to read.')
  return { paths: positionals.map((p) => resolve(p)), cache: !args.values['no-cache'] }
}

/** The options of commands that split cost by usage logs (report, reconcile, …). */
export const LOG_OPTIONS = {
  logs: { type: 'string', multiple: true },
  'user-key': { type: 'string' },
  'gateway-arn': { type: 'string' },
} as const

/** The usage logs named with --logs (absolute paths) and --user-key; undefined without --logs. */
export function parseLogs(args: Arguments<typeof LOG_OPTIONS>): UsageLogsRequest | undefined {
  const { logs, 'user-key': userKey, 'gateway-arn': gatewayPrincipalArn } = args.values
  if (userKey !== undefined && userKey.trim() === '') {
    throw new UsageError('--user-key takes a request-metadata key, e.g. end_user.')
  }
  if (logs.length === 0) {
    if (userKey !== undefined || gatewayPrincipalArn !== undefined) {
      throw new UsageError('--user-key and --gateway-arn need --logs <log-path>.')
    }
    return undefined
  }
  return {
    paths: logs.map((p) => resolve(p)),
    ...(userKey ? { userKey } : {}),
    ...(gatewayPrincipalArn ? { gatewayPrincipalArn } : {}),
  }
}

/** `model, token-type` → ['model', 'token-type']; the engine checks the names. */
export function parseDimensions(text: string | undefined): Dimension[] {
  const dimensions = (text ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter((d) => d !== '')
  if (dimensions.length === 0)
    throw new UsageError('Choose what to split by with --by <dimension>.')
  return dimensions as Dimension[]
}

/** Names that stand for the empty group of a dimension (no principal, no tag, no model, …). */
const EMPTY_GROUP_NAMES = new Set([
  '(none)',
  '(untagged)',
  '(no principal)',
  '(unknown)',
  '(unallocated)',
])

/**
 * `service=Amazon Bedrock`, `tag:team!=(untagged)`: several values of one dimension (and operator)
 * are alternatives; `(none)`, `(untagged)`, `(no principal)`, `(unknown)` and `(unallocated)` are
 * the empty group.
 */
export function parseFilters(texts: string[]): Filter[] {
  const filters = new Map<string, Filter>()
  for (const text of texts) {
    const match = /^([^=!]+)(!?=)(.*)$/.exec(text)
    if (!match) throw new UsageError(`--filter takes <dimension>=<value>, not "${text}".`)
    const [, name, op, value] = match
    const dimension = name.trim() as Dimension
    const key = `${dimension}${op}`
    const filter = filters.get(key) ?? {
      dimension,
      values: [],
      ...(op === '!=' ? { exclude: true } : {}),
    }
    filter.values.push(EMPTY_GROUP_NAMES.has(value) ? null : value)
    filters.set(key, filter)
  }
  return [...filters.values()]
}

/** `value` when it is one of `choices`, else a usage error naming them. */
export function parseChoice<T extends string>(
  option: string,
  value: string,
  choices: readonly T[],
): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`${option} is one of ${choices.join(', ')}.`)
  }
  return value as T
}

export function parseMetric(value: string): Metric {
  return parseChoice('--metric', value, METRICS)
}

export function parseBasis<T extends CostMetric>(value: string, bases: readonly T[]): T {
  return parseChoice('--basis', value, bases)
}

export function parseFormat<T extends string>(value: string, formats: readonly T[]): T {
  return parseChoice('--format', value, formats)
}

/** `2026-07`, or undefined for every period (absent, or "all"). */
export function parsePeriod(value: string | undefined): string | undefined {
  if (value === undefined || value === 'all') return undefined
  if (!isPeriod(value)) throw new UsageError(`--period is YYYY-MM or all, not "${value}".`)
  return value
}

/** --from and --to: a range of usage start days (see DATE_RANGE_USAGE). */
export const DATE_RANGE_OPTIONS = { from: { type: 'string' }, to: { type: 'string' } } as const

/** The usage lines of --from and --to, for each command that takes them. */
export const DATE_RANGE_USAGE = `  --from <YYYY-MM-DD>   only usage that started on or after this day (UTC)
  --to <YYYY-MM-DD>     only usage that started on or before this day (UTC)
`

/** The date-range filter --from/--to ask for (both ends inclusive), or none when neither is given. */
export function parseDateRange(values: { from?: string; to?: string }): Filter[] {
  const { from, to } = values
  for (const [option, day] of [
    ['--from', from],
    ['--to', to],
  ] as const) {
    if (day !== undefined && !isIsoDay(day)) {
      throw new UsageError(`${option} takes a day written YYYY-MM-DD, not "${day}".`)
    }
  }
  if (from !== undefined && to !== undefined && from > to) {
    throw new UsageError(`--from ${from} is after --to ${to}.`)
  }
  if (from === undefined && to === undefined) return []
  return [{ dimension: 'day', values: [], range: { ...(from && { from }), ...(to && { to }) } }]
}
