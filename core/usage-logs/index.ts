// Public face of core/usage-logs: load usage log files (Bedrock model invocation logs from S3 or
// CloudWatch Logs, LiteLLM spend logs and logging payloads, Langfuse observations, the plain usage
// CSV) into one normalized table `usage_log`, one row per successful call (usage-log-columns.ts).
// The engine is locked to the files opened with it, so Node reads the logs, line by line: that
// bounds each line, names the line of every problem, and keeps what comes before a damaged gzip
// tail. Records pass to DuckDB as JSON lines in the private work directory. Failed calls, records
// of accounts the cost export does not hold and repeated request ids are counted, never loaded;
// bad input is listed as problems while the rest loads. Loading again replaces usage_log.
import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { ProgressEvent } from '../api.js'
import type { Engine } from '../engine/duckdb.js'
import { CurLensError } from '../errors/curlens-error.js'
import { DEFAULT_LIMITS, type SourceLimits } from '../sources/limits.js'
import { DEFAULT_METADATA_KEYS, type MetadataKeys } from './invocation-log.js'
import { findLogFiles } from './log-files.js'
import { logMessages } from './messages.js'
import { modelKeys } from './model-key.js'
import { isParquet, parquetAsJsonLines } from './parquet-lines.js'
import { readLogFile, type UsageLogFormat } from './read-log-file.js'
import { createUsageLog, type StagedRow } from './usage-log-table.js'
import { arnAccount, type UsageRecord, type UsageSource } from './usage-record.js'

export { USAGE_LOG_COLUMNS, type UsageLogColumn } from './usage-log-columns.js'
export type { UsageLogFormat } from './read-log-file.js'
export type { UsageSource } from './usage-record.js'
export type { MetadataKeys } from './invocation-log.js'

export interface UsageLogSource {
  path: string
  format: UsageLogFormat
  /** Rows this file gave usage_log. */
  records: number
  /** Records read but not loaded, by why. */
  skipped: {
    /** Calls that failed (an error code, a failure status). */
    failed: number
    /** Request ids already loaded from an earlier line or file. */
    duplicates: number
    /** Records of an account not in `accountIds`. */
    otherAccount: number
    /** Lines that could not be read (listed among the problems). */
    unreadable: number
    /** Entries that are not model calls: Langfuse spans and events. */
    notCalls: number
  }
}

export interface UsageLogLoad {
  /** The files that held usage logs; files that did not are among the problems. */
  sources: UsageLogSource[]
  problems: CurLensError[]
}

export interface UsageLogOptions {
  /** The dataset's private work directory (the engine may read it). */
  workDirectory: string
  /** The accounts of the cost export: records of any other account are left out, with a problem. */
  accountIds?: readonly string[]
  /** The requestMetadata keys that name the end user and team (default end_user, team). */
  metadataKeys?: Partial<MetadataKeys>
  /** Application inference profile ARN → the model id it routes to. */
  inferenceProfiles?: Readonly<Record<string, string>>
  /** The AWS role a gateway calls Bedrock with: principal_arn of LiteLLM and Langfuse records. */
  gatewayPrincipalArn?: string
  /** Overrides of the decompression caps, the longest line and JSON document (tests use small ones). */
  limits?: Partial<SourceLimits & { maxLineBytes: number; maxDocumentBytes: number }>
  onProgress?: (progress: Omit<ProgressEvent, 'jobId'>) => void
  signal?: AbortSignal
}

/** Longest line read; Bedrock writes bodies above 100 KB out of line, so real lines are far shorter. */
const MAX_LINE_BYTES = 16 * 1024 * 1024
/** Largest JSON document (a spend-log export as one array), parsed whole. */
const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024

export async function loadUsageLogs(
  engine: Engine,
  paths: string[],
  options: UsageLogOptions,
): Promise<UsageLogLoad> {
  const { signal } = options
  const found = await findLogFiles(paths)
  const problems = [...found.problems]
  const sources: (UsageLogSource & { index: number })[] = []
  const stagedPath = join(options.workDirectory, `usage-log-${randomUUID()}.ndjson`)
  const out = stagingFile(stagedPath)
  const keyOf = modelKeys(options.inferenceProfiles)
  const limits = { ...DEFAULT_LIMITS, ...options.limits }
  const accounts = options.accountIds && new Set(options.accountIds)
  // A record that names no account can only be the export's when the export has one account.
  const onlyAccount = options.accountIds?.length === 1 ? options.accountIds[0] : null
  const noAccount = new Map<string, number>()
  const converted: string[] = []
  const otherAccounts = new Map<string, { records: number; files: string[] }>()
  let staged = 0
  try {
    for (const [index, path] of found.files.entries()) {
      if (signal?.aborted) throw new CurLensError('CANCELLED', logMessages.cancelled())
      options.onProgress?.({
        phase: 'reading',
        percentage: (100 * index) / found.files.length,
        file: path,
      })
      const counts = { loaded: 0, failed: 0, otherAccount: new Map<string, number>() }
      const from = await parquetRows(engine, path, options.workDirectory, limits, signal)
      if (from instanceof CurLensError) {
        problems.push(from)
        continue
      }
      if (from) converted.push(from.readPath)
      const read = await readLogFile(
        path,
        {
          limits,
          maxLineBytes: options.limits?.maxLineBytes ?? MAX_LINE_BYTES,
          maxDocumentBytes: options.limits?.maxDocumentBytes ?? MAX_DOCUMENT_BYTES,
          gateway: { principalArn: options.gatewayPrincipalArn ?? null },
          metadataKeys: { ...DEFAULT_METADATA_KEYS, ...options.metadataKeys },
          signal,
          emit: async (record, source, line) => {
            if (!record.ok) {
              counts.failed++
              return
            }
            const account = record.accountId ?? arnAccount(record.principalArn) ?? onlyAccount
            if (accounts && account && !accounts.has(account)) {
              const seen = counts.otherAccount.get(account) ?? 0
              counts.otherAccount.set(account, seen + 1)
              return
            }
            if (!account) noAccount.set(path, (noAccount.get(path) ?? 0) + 1)
            counts.loaded++
            staged++
            await out.write(stagedRow(record, account, source, index, line, keyOf))
          },
        },
        from,
      )
      problems.push(...read.problems)
      for (const [account, records] of counts.otherAccount) {
        const seen = otherAccounts.get(account) ?? { records: 0, files: [] }
        otherAccounts.set(account, {
          records: seen.records + records,
          files: [...seen.files, path],
        })
      }
      if (!read.format) continue
      sources.push({
        index,
        path,
        format: read.format,
        records: counts.loaded,
        skipped: {
          failed: counts.failed,
          duplicates: 0,
          otherAccount: [...counts.otherAccount.values()].reduce((a, b) => a + b, 0),
          unreadable: read.unreadable,
          notCalls: read.notCalls,
        },
      })
    }
    for (const [account, { records, files }] of otherAccounts) {
      const message = logMessages.otherAccount(files, account, records, [...accounts!])
      problems.push(new CurLensError('OTHER_ACCOUNT', message, { file: files[0] }))
    }
    for (const [file, records] of noAccount) {
      const message = logMessages.noAccount(file, records, options.accountIds ?? [])
      problems.push(new CurLensError('NO_ACCOUNT', message, { file }))
    }
    await out.close()
    options.onProgress?.({ phase: 'indexing', percentage: -1 })
    const duplicates = await createUsageLog(engine, staged > 0 ? stagedPath : undefined)
    for (const source of sources) {
      source.skipped.duplicates = duplicates.get(source.index) ?? 0
      source.records -= source.skipped.duplicates
    }
    return { sources: sources.map(({ index: _, ...source }) => source), problems }
  } finally {
    out.destroy()
    for (const file of [stagedPath, ...converted]) await rm(file, { force: true })
  }
}

/** A Parquet file's rows as JSON lines to read instead of it; undefined for other files. */
async function parquetRows(
  engine: Engine,
  path: string,
  workDirectory: string,
  limits: SourceLimits,
  signal?: AbortSignal,
): Promise<{ readPath: string; place: 'row' } | CurLensError | undefined> {
  if (!(await isParquet(path).catch(() => false))) return undefined
  try {
    const readPath = await parquetAsJsonLines(
      engine,
      path,
      workDirectory,
      limits.maxDecompressedBytes,
      signal,
    )
    return { readPath, place: 'row' }
  } catch (e) {
    if (e instanceof CurLensError && e.code !== 'CANCELLED' && e.code !== 'ENGINE_CRASHED') return e
    throw e
  }
}

function stagedRow(
  record: UsageRecord,
  account: string | null,
  source: UsageSource,
  fileIndex: number,
  line: number,
  keyOf: ReturnType<typeof modelKeys>,
): StagedRow {
  const model = keyOf(record.modelId)
  return {
    source,
    file_index: fileIndex,
    line,
    request_id: record.requestId,
    ts_utc: new Date(record.tsMs).toISOString().replace('T', ' ').replace('Z', ''),
    principal_arn: record.principalArn,
    end_user: record.endUser,
    team: record.team,
    tags: record.tags,
    model_raw: record.modelRaw,
    model_key: model.key,
    cross_region: model.crossRegion,
    region: record.region,
    account_id: account,
    input_tokens: record.inputTokens,
    cache_read_tokens: record.cacheReadTokens,
    cache_write_tokens: record.cacheWriteTokens,
    output_tokens: record.outputTokens,
    est_cost_usd: record.estCostUsd,
  }
}

/** A lone UTF-16 surrogate (a hostile or cut value): DuckDB's JSON reader rejects the whole file. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** JSON.stringify's replacer: text made well-formed, map keys included (tags). */
function wellFormed(_key: string, value: unknown): unknown {
  if (typeof value === 'string') return value.replace(LONE_SURROGATE, '\uFFFD')
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k.replace(LONE_SURROGATE, '\uFFFD'), v]),
    )
  }
  return value
}

/** The staged file: lines written with back-pressure; a write error ends the load when closed. */
function stagingFile(path: string) {
  const out = createWriteStream(path)
  let failure: Error | undefined
  out.on('error', (e) => (failure = e))
  return {
    async write(row: StagedRow) {
      if (failure) throw failure
      if (!out.write(`${JSON.stringify(row, wellFormed)}\n`)) await once(out, 'drain')
    },
    async close() {
      if (failure) throw failure
      await new Promise<void>((resolve) => out.end(resolve))
      if (failure) throw failure
    },
    destroy: () => out.destroy(),
  }
}
