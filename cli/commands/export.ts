// `cur-lens export`: chargeback CSVs for Excel, by mapping rules or by a report dimension. Prints
// the files written, how each shared bucket was treated, and the reconciliation to the bill.
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { Dimension, Filter } from '../../core/api.js'
import type {
  ExportRequest,
  LineDetail,
  SharedBucket,
  SharedTreatment,
} from '../../core/chargeback/types.js'
import { LINE_DETAILS, SHARED_BUCKETS } from '../../core/api-values.js'
import { readRulesFile } from '../../core/workspace/rules-file.js'
import { reportError, withOpenApi } from '../open-api.js'

const USAGE = `Usage: cur-lens export <path...> (--rules <rules.json> | --by <dim>) --out <dir> [options]

  --rules <file>        mapping rules (first matching rule wins); see README "Rules file format"
  --by <dim>            recipients are the values of a dimension: tag:<key>, role, person, account, …
  --out <dir>           folder for chargeback-summary.csv, chargeback-allocations.csv, metadata
  --basis <basis>       unblended (default) or amortized
  --period <YYYY-MM>    one billing period; all periods when absent (or "all")
  --shared <how>        keep (default), proportional or even for every shared bucket, or per
                        bucket: unmatched=keep,tax=proportional,fees=even,credits=keep,shared-roles=even
  --fixed <bucket>:<recipient>=<percent>,…
                        spread one bucket by fixed percentages adding up to 100, e.g.
                        tax:backend=60,data=40; repeatable, one bucket each; overrides --shared
  --shared-role <role>  a role whose cost is shared (a gateway role); repeatable
  --filter <dim>=<val>  only these line items, e.g. "service=Amazon Bedrock"; <dim>!=<val> excludes;
                        repeatable; several values of one dimension are alternatives
  --per-recipient       also one statement CSV per recipient
  --lines <level>       who each statement line names: principal (the full ARN, default), person,
                        role, account or none (lines by service and model only)
`

const METHODS = ['keep', 'proportional', 'even'] as const

class UsageError extends Error {}

export async function run(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        rules: { type: 'string' },
        by: { type: 'string' },
        out: { type: 'string' },
        basis: { type: 'string', default: 'unblended' },
        period: { type: 'string' },
        shared: { type: 'string' },
        fixed: { type: 'string', multiple: true },
        'shared-role': { type: 'string', multiple: true },
        filter: { type: 'string', multiple: true },
        'per-recipient': { type: 'boolean', default: false },
        lines: { type: 'string', default: 'principal' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (e) {
    return usage((e as Error).message)
  }
  const { values, positionals } = parsed
  if (values.help) {
    process.stdout.write(USAGE)
    return 0
  }
  let request: ExportRequest
  try {
    if (positionals.length === 0) throw new UsageError('Name the CUR files or folders to read.')
    if (!values.out) throw new UsageError('Name the output folder with --out <dir>.')
    if (Boolean(values.rules) === Boolean(values.by)) {
      throw new UsageError('Give either --rules <rules.json> or --by <dimension>.')
    }
    if (values.basis !== 'unblended' && values.basis !== 'amortized') {
      throw new UsageError('--basis is unblended or amortized.')
    }
    if (!(LINE_DETAILS as readonly string[]).includes(values.lines)) {
      throw new UsageError(`--lines is one of ${LINE_DETAILS.join(', ')}.`)
    }
    request = {
      by: values.by as Dimension | undefined,
      basis: values.basis,
      period: values.period,
      shared: withFixed(parseShared(values.shared), parseFixed(values.fixed ?? [])),
      sharedRoles: values['shared-role'],
      filters: parseFilters(values.filter ?? []),
      outDir: resolve(values.out),
      perRecipient: values['per-recipient'],
      lineDetail: values.lines as LineDetail,
    }
  } catch (e) {
    if (e instanceof UsageError) return usage(e.message)
    throw e
  }
  try {
    if (values.rules) request.rules = await readRulesFile(resolve(values.rules))
  } catch (e) {
    return reportError(e)
  }
  const paths = positionals.map((p) => resolve(p))
  return withOpenApi(paths, async (api) => {
    const { files, removed, chargeback: r } = await api.exportChargeback(request)
    process.stdout.write(`Wrote ${files.length} files:\n${files.map((f) => `  ${f}\n`).join('')}`)
    if (removed.length) {
      process.stdout.write(
        `Removed ${removed.length} statements of an earlier export for recipients no longer here:\n${removed.map((f) => `  ${f}\n`).join('')}`,
      )
    }
    if (r.allocations.length) {
      process.stdout.write(
        `Shared cost:\n${r.allocations.map((a) => `  ${a.description}\n`).join('')}`,
      )
    }
    const verdict = r.reconciles ? 'reconciles' : 'DOES NOT RECONCILE'
    process.stdout.write(
      `Reconciliation, period ${r.period}, ${r.basis}: recipients ${r.recipientsTotal} + unallocated ${r.unallocated} = bill total ${r.billTotal}: ${verdict}.\n`,
    )
    return r.reconciles ? 0 : 1
  })
}

/** `proportional` for every bucket, or `tax=proportional,credits=keep` bucket by bucket. */
export function parseShared(text: string | undefined): ExportRequest['shared'] {
  if (text === undefined) return undefined
  const method = (m: string): SharedTreatment => {
    if (!(METHODS as readonly string[]).includes(m)) {
      throw new UsageError(`Unknown --shared treatment "${m}": use ${METHODS.join(', ')}.`)
    }
    return { method: m as (typeof METHODS)[number] }
  }
  if (!text.includes('=')) return Object.fromEntries(SHARED_BUCKETS.map((b) => [b, method(text)]))
  const shared: NonNullable<ExportRequest['shared']> = {}
  for (const part of text.split(',')) {
    const [bucket, how = ''] = part.split('=').map((s) => s.trim())
    if (!(SHARED_BUCKETS as readonly string[]).includes(bucket)) {
      throw new UsageError(`Unknown shared bucket "${bucket}": use ${SHARED_BUCKETS.join(', ')}.`)
    }
    shared[bucket as SharedBucket] = method(how)
  }
  return shared
}

/** `tax:backend=60,data=40`: tax split 60 % to backend and 40 % to data (the engine checks the sum). */
export function parseFixed(texts: string[]): NonNullable<ExportRequest['shared']> {
  const shared: NonNullable<ExportRequest['shared']> = {}
  for (const text of texts) {
    const m = /^([^:]+):(.+)$/.exec(text)
    if (!m) throw new UsageError(`--fixed takes <bucket>:<recipient>=<percent>,…, not "${text}".`)
    const bucket = m[1].trim()
    if (!(SHARED_BUCKETS as readonly string[]).includes(bucket)) {
      throw new UsageError(`Unknown shared bucket "${bucket}": use ${SHARED_BUCKETS.join(', ')}.`)
    }
    const percentages: Record<string, number> = {}
    for (const part of m[2].split(',')) {
      const eq = part.lastIndexOf('=')
      const percent = Number(part.slice(eq + 1).trim())
      if (eq <= 0 || part.slice(eq + 1).trim() === '' || !Number.isFinite(percent)) {
        throw new UsageError(`--fixed ${bucket}: "${part}" is not <recipient>=<percent>.`)
      }
      percentages[part.slice(0, eq).trim()] = percent
    }
    shared[bucket as SharedBucket] = { method: 'fixed', percentages }
  }
  return shared
}

function withFixed(
  shared: ExportRequest['shared'],
  fixed: NonNullable<ExportRequest['shared']>,
): ExportRequest['shared'] {
  return Object.keys(fixed).length ? { ...shared, ...fixed } : shared
}

/** `service=Amazon Bedrock`, `tag:team!=(none)`: the value `(none)` is the untagged group. */
export function parseFilters(texts: string[]): Filter[] {
  const filters = new Map<string, Filter>()
  for (const text of texts) {
    const m = /^([^=!]+)(!?=)(.*)$/.exec(text)
    if (!m) throw new UsageError(`--filter takes <dimension>=<value>, not "${text}".`)
    const [, dimension, op, raw] = m
    const exclude = op === '!='
    const key = `${dimension.trim()}${op}`
    const filter = filters.get(key) ?? {
      dimension: dimension.trim() as Dimension,
      values: [],
      ...(exclude ? { exclude } : {}),
    }
    filter.values.push(raw === '(none)' ? null : raw)
    filters.set(key, filter)
  }
  return [...filters.values()]
}

function usage(message: string): number {
  process.stderr.write(`cur-lens export: ${message}\n\n${USAGE}`)
  return 2
}
