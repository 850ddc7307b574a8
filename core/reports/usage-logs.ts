// Usage logs for the open export: loads them (the loader of core/usage-logs, passed in), splits the
// export's Bedrock cost by their records (core/rows/usage-split.ts) and says what was loaded and
// how much of the Bedrock cost it splits. Loading again replaces the logs and the split, as one
// step: loads of one export run one after another, and a load or split that fails (or is
// cancelled) puts the previous logs and their split back.
import { randomUUID } from 'node:crypto'
import type {
  FileProblem,
  ProgressEvent,
  UsageLogSourceInfo,
  UsageLogsRequest,
  UsageLogsResult,
} from '../api.js'
import type { Engine } from '../engine/duckdb.js'
import { CurLensError, type ErrorCode } from '../errors/curlens-error.js'
import type { AttributedRows } from '../rows/attributed-rows.js'
import { SPLIT_PRINCIPALS_TABLE, SPLIT_TABLE, USAGE_LOG_TABLE } from '../rows/usage-split.js'
import { logCoverage } from './log-coverage.js'

export const DEFAULT_USER_KEY = 'end_user'

/** What a load gives: the files read, and the problems met (the rest loaded). */
export interface LoadedLogs {
  sources: UsageLogSourceInfo[]
  problems: { code: string; message: string; file?: string }[]
}

/** Loads `paths` into the engine's `usage_log`, reading the end user under `userKey`. */
export type LoadLogs = (
  engine: Engine,
  paths: string[],
  options: {
    workDirectory: string
    userKey: string
    accountIds: string[]
    gatewayPrincipalArn?: string
    onProgress?: (progress: Omit<ProgressEvent, 'jobId'>) => void
    signal?: AbortSignal
  },
) => Promise<LoadedLogs>

/** What was loaded, kept by the session for `usageLogs()`. */
export interface LogsState {
  paths: string[]
  userKey: string
  loaded: LoadedLogs
}

export function validateUsageLogsRequest(request: UsageLogsRequest): void {
  const { paths, userKey, gatewayPrincipalArn } = request ?? {}
  if (!Array.isArray(paths) || paths.length === 0 || !paths.every((p) => typeof p === 'string')) {
    throw new CurLensError('INVALID_QUERY', 'Name one or more usage log files or folders.')
  }
  if (userKey !== undefined && (typeof userKey !== 'string' || userKey.trim() === '')) {
    throw new CurLensError('INVALID_QUERY', 'The user key must be a non-empty text, e.g. end_user.')
  }
  if (
    gatewayPrincipalArn !== undefined &&
    !/^arn:aws[a-z-]*:(sts|iam)::\d{12}:/.test(gatewayPrincipalArn)
  ) {
    throw new CurLensError(
      'INVALID_QUERY',
      'The gateway role must be an IAM or STS ARN, e.g. arn:aws:sts::123456789012:assumed-role/Gateway/session.',
    )
  }
}

export async function openUsageLogs(
  rows: AttributedRows,
  request: UsageLogsRequest,
  load: LoadLogs,
  signal?: AbortSignal,
  onProgress?: (progress: Omit<ProgressEvent, 'jobId'>) => void,
): Promise<LogsState> {
  validateUsageLogsRequest(request)
  const userKey = request.userKey?.trim() || DEFAULT_USER_KEY
  return oneAtATime(rows.engine, async () => {
    // A grouped read, so that the cache answers once built, rather than a scan of the files.
    const accounts = await rows.read<{ account: string | null }>(
      { columns: [{ name: 'account', read: { column: 'account' } }], metrics: ['line_items'] },
      (groups) => `SELECT CAST(account AS VARCHAR) AS account FROM (${groups})`,
      {},
      { signal },
    )
    const { engine } = rows
    const previous = `usage_log_previous_${randomUUID().replaceAll('-', '')}`
    const [had] = await engine.query<{ n: string }>(
      `SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = '${USAGE_LOG_TABLE}'`,
    )
    const existed = Number(had.n) > 0
    if (existed) await engine.query(`CREATE TABLE ${previous} AS FROM ${USAGE_LOG_TABLE}`)
    try {
      const loaded = await load(engine, request.paths, {
        workDirectory: rows.dataset.workDirectory,
        userKey,
        accountIds: accounts.flatMap((a) => (a.account ? [a.account] : [])),
        gatewayPrincipalArn: request.gatewayPrincipalArn,
        onProgress,
        signal,
      })
      // Sharing the Bedrock cost among the users takes minutes for millions of records.
      onProgress?.({ phase: 'splitting', percentage: -1 })
      await rows.splitByUsageLog(signal)
      return { paths: request.paths, userKey, loaded }
    } catch (e) {
      // Back to the previous logs and their split, or to none and an empty split.
      if (existed) {
        await engine.query(`CREATE OR REPLACE TABLE ${USAGE_LOG_TABLE} AS FROM ${previous}`)
        await rows.splitByUsageLog()
      } else {
        await engine.query(`DROP TABLE IF EXISTS ${USAGE_LOG_TABLE}`)
        await rows.clearSplit()
      }
      throw e
    } finally {
      await engine.query(`DROP TABLE IF EXISTS ${previous}`)
    }
  })
}

/** The load under way on each engine: the next waits for it. */
const loading = new WeakMap<Engine, Promise<unknown>>()

function oneAtATime<T>(engine: Engine, step: () => Promise<T>): Promise<T> {
  const run = (loading.get(engine) ?? Promise.resolve()).catch(() => undefined).then(step)
  loading.set(engine, run)
  return run
}

/** The error for a load that found no usage logs at all: it names the paths and why. */
export function noLogsLoaded(state: LogsState): CurLensError {
  const { problems } = state.loaded
  const reasons = problems.map((p) => p.message).join(' ') || 'They hold no log files.'
  return new CurLensError(
    (problems[0]?.code as ErrorCode | undefined) ?? 'FILE_NOT_FOUND',
    `No usage logs were loaded from ${state.paths.join(', ')}. ${reasons} ` +
      'Name Bedrock model invocation log files (or their folder) or a gateway usage export.',
  )
}

export async function usageLogsResult(
  rows: AttributedRows,
  state: LogsState,
  signal?: AbortSignal,
): Promise<UsageLogsResult> {
  const problems: FileProblem[] = state.loaded.problems.map((p) => ({
    file: p.file ?? '',
    code: p.code,
    message: p.message,
  }))
  const keys = await rows.engine.query<{ key: string }>(
    `SELECT DISTINCT unnest(map_keys(log_tags)) AS key FROM ${SPLIT_TABLE} ORDER BY key`,
    {},
    { signal },
  )
  const principals = await rows.engine.query<{ arn: string }>(
    `SELECT principal_arn AS arn FROM ${SPLIT_PRINCIPALS_TABLE} ORDER BY arn`,
    {},
    { signal },
  )
  return {
    paths: state.paths,
    userKey: state.userKey,
    sources: state.loaded.sources,
    problems,
    ...(await logCoverage(rows, signal)),
    logTagKeys: keys.map((k) => k.key),
    principals: principals.map((p) => p.arn),
  }
}
