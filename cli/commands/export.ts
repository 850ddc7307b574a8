// `cur-lens export`: chargeback CSVs (and a workbook) for Excel, by mapping rules or by a report dimension. Prints
// the files written, how each shared bucket was treated, and the reconciliation to the bill.
import { resolve } from 'node:path'
import type { ExportRequest, LineDetail, SharedBucket, SharedTreatment } from '../../core/api.js'
import { BASES, LINE_DETAILS, SHARED_BUCKETS, SHARED_METHODS } from '../../core/api-values.js'
import { readRulesFile } from '../../core/workspace/rules-file.js'
import {
  DATE_RANGE_OPTIONS,
  DATE_RANGE_USAGE,
  UsageError,
  parseBasis,
  parseDateRange,
  parseChoice,
  parseDimensions,
  parseFilters,
  parsePeriod,
  parseSources,
  SOURCE_OPTIONS,
  runCommand,
  type Arguments,
  type Sources,
} from '../arguments.js'
import { reportError, withOpenApi } from '../open-api.js'

const USAGE = `Usage: cur-lens export <path...> (--rules <rules.json> | --by <dim>) --out <dir> [options]

  --rules <file>        mapping rules (first matching rule wins); see README "Rules file format"
  --by <dim>            recipients are the values of a dimension: tag:<key>, role, person, account, …
  --out <dir>           folder for chargeback-summary.csv, chargeback-allocations.csv, metadata
  --basis <basis>       unblended (default), net (net unblended) or amortized
  --period <YYYY-MM>    one billing period; all periods when absent (or "all")
${DATE_RANGE_USAGE}  --shared <how>        keep (default), proportional or even for every shared bucket, or per
                        bucket: unmatched=keep,tax=proportional,fees=even,credits=keep,shared-roles=even
  --fixed <bucket>:<recipient>=<percent>,…
                        spread one bucket by fixed percentages adding up to 100, e.g.
                        tax:backend=60,data=40; repeatable, one bucket each; overrides --shared
  --shared-role <role>  a role whose cost is shared (a gateway role); repeatable
  --filter <dim>=<val>  only these line items, e.g. "service=Amazon Bedrock"; <dim>!=<val> excludes;
                        repeatable; several values of one dimension are alternatives; the value
                        (none), (untagged), (no principal) or (unknown) is the empty group
  --per-recipient       also one statement CSV per recipient
  --xlsx                also chargeback.xlsx: the summary, a sheet per recipient, the allocations
                        and the metadata in one Excel workbook
  --lines <level>       who each statement line names: principal (the full ARN, default), person,
                        role, account or none (lines by service and model only)
  --no-cache            keep nothing of this export in the cache (see \`cur-lens cache\`)
`

const EXPORT = {
  name: 'export',
  usage: USAGE,
  options: {
    ...SOURCE_OPTIONS,
    ...DATE_RANGE_OPTIONS,
    rules: { type: 'string' },
    by: { type: 'string' },
    out: { type: 'string' },
    basis: { type: 'string', default: 'unblended' },
    period: { type: 'string' },
    shared: { type: 'string' },
    fixed: { type: 'string', multiple: true },
    'shared-role': { type: 'string', multiple: true },
    filter: { type: 'string', multiple: true },
    'per-recipient': { type: 'boolean' },
    xlsx: { type: 'boolean' },
    lines: { type: 'string', default: 'principal' },
  },
} as const

/** --shared names a method; fixed percentages come with --fixed. */
const METHODS = SHARED_METHODS.filter((m) => m !== 'fixed')

interface ExportOptions {
  sources: Sources
  rulesFile?: string
  request: ExportRequest
}

export function run(argv: string[]): Promise<number> {
  return runCommand(EXPORT, argv, readOptions, async ({ sources, rulesFile, request }) => {
    try {
      if (rulesFile) request.rules = await readRulesFile(rulesFile)
    } catch (e) {
      return reportError(e)
    }
    return withOpenApi(sources, async (api) => {
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
  })
}

function readOptions(args: Arguments<typeof EXPORT.options>): ExportOptions {
  const { values } = args
  const sources = parseSources(args)
  if (!values.out) throw new UsageError('Name the output folder with --out <dir>.')
  if (Boolean(values.rules) === Boolean(values.by)) {
    throw new UsageError('Give either --rules <rules.json> or --by <dimension>.')
  }
  let by
  if (values.by) {
    const dimensions = parseDimensions(values.by)
    if (dimensions.length > 1) throw new UsageError('--by takes one dimension here.')
    by = dimensions[0]
  }
  return {
    sources,
    rulesFile: values.rules && resolve(values.rules),
    request: {
      by,
      basis: parseBasis(values.basis, BASES),
      period: parsePeriod(values.period),
      shared: withFixed(parseShared(values.shared), parseFixed(values.fixed)),
      sharedRoles: values['shared-role'],
      filters: [...parseFilters(values.filter), ...parseDateRange(values)],
      outDir: resolve(values.out),
      perRecipient: values['per-recipient'],
      xlsx: values.xlsx,
      lineDetail: parseChoice<LineDetail>('--lines', values.lines, LINE_DETAILS),
    },
  }
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
