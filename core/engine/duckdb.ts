// The only module that imports @duckdb/node-api. It opens a fresh in-memory DuckDB locked down to
// the files the user chose (SECURITY.md section 2): extensions off, external access limited to the
// allowed paths plus a private work directory, resource limits, then the configuration is locked.
// Its time zone is UTC whatever the machine's is, so no local zone shifts a usage hour. Queries bind
// every value as a parameter, report progress and can be interrupted. SQL text a user typed runs
// only as one statement that DuckDB's own parser calls a SELECT, streamed.
import type { DuckDBConnection, DuckDBResultReader } from '@duckdb/node-api'
import {
  DuckDBInstance,
  JsonDuckDBValueConverter,
  LIST,
  StatementType,
  VARCHAR,
  listValue,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api'
import { CurLensError, cancelledError } from '../errors/curlens-error.js'

export interface EngineOptions {
  /** Files the engine may read. */
  readPaths: string[]
  /** Folders the engine may read below (an export folder the user picked). */
  readDirectories: string[]
  /** Private, per-session folder for spill files and caches; the engine may read and write it. */
  workDirectory: string
  memoryLimit?: string
  threads?: number
}

export type SqlValue = string | number | boolean | null | string[]
export type SqlParams = Record<string, SqlValue>
export type Row = Record<string, unknown>

export interface QueryProgress {
  percentage: number
  rowsProcessed: number
}

export interface QueryOptions {
  signal?: AbortSignal
  onProgress?: (progress: QueryProgress) => void
}

/** A result column as DuckDB names and types it, e.g. `{ name: 'cost', type: 'DECIMAL(18,10)' }`. */
export interface ResultColumn {
  name: string
  type: string
}

/** Some rows of a streamed result; their values are converted to JSON only when asked for. */
export interface RowChunk {
  count: number
  rows(): unknown[][]
}

export interface SelectStream {
  columns: ResultColumn[]
  /** The next rows, or null once the result has no more. */
  next(): Promise<RowChunk | null>
}

export interface Engine {
  /** Runs one statement and returns its rows as JSON values (DECIMAL and BIGINT come back as strings). */
  query<T extends Row = Row>(sql: string, params?: SqlParams, options?: QueryOptions): Promise<T[]>
  /**
   * Runs SQL text a user typed on its own connection, if DuckDB finds exactly one statement in it,
   * of type SELECT, with no parameters to bind (INVALID_QUERY otherwise, and for errors of binding,
   * with DuckDB's message). `read` takes rows from the stream as it needs them; the statement stops
   * when `read` settles. Errors while running are QUERY_FAILED.
   */
  streamSelect<T>(
    sql: string,
    options: QueryOptions,
    read: (stream: SelectStream) => Promise<T>,
  ): Promise<T>
  /** Interrupts the queries still running, waits for them, then closes the database. */
  close(): Promise<void>
}

const PROGRESS_INTERVAL_MS = 100
const INTERRUPT_AGAIN_MS = 20

/** The parameters a statement names: DuckDB refuses values for names it does not have. */
export function usedParams(sql: string, params: SqlParams): SqlParams {
  return Object.fromEntries(
    Object.entries(params).filter(([name]) => new RegExp(`\\$${name}\\b`).test(sql)),
  )
}

export async function openEngine(options: EngineOptions): Promise<Engine> {
  const instance = await DuckDBInstance.create(':memory:', {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    allow_community_extensions: 'false',
    memory_limit: options.memoryLimit ?? '1500MB',
    threads: String(options.threads ?? 2),
    temp_directory: options.workDirectory,
    max_temp_directory_size: '8GB',
  })
  const setup = await instance.connect()
  try {
    await runBound(setup, 'SET allowed_paths = $paths', { paths: options.readPaths })
    await runBound(setup, 'SET allowed_directories = $dirs', {
      dirs: [...options.readDirectories, options.workDirectory],
    })
    await setup.run("SET GLOBAL TimeZone = 'UTC'")
    await setup.run("SET allowed_configs = ['enable_progress_bar', 'enable_progress_bar_print']")
    await setup.run('SET enable_external_access = false')
    await setup.run('SET lock_configuration = true')
  } finally {
    setup.closeSync()
  }
  return createEngine(instance)
}

/**
 * Closing interrupts the queries still running (a summary or cache build started in the
 * background) and waits for every query to stop, one still connecting included: closing the
 * instance under either crashes the process.
 */
function createEngine(instance: DuckDBInstance): Engine {
  let closing: Promise<void> | undefined
  /** An invalidated instance is neither used nor closed again. */
  let crashed = false
  const connections = new Set<DuckDBConnection>()
  const queries = new Set<Promise<unknown>>()

  /** Runs `body` on a connection of its own, closed afterwards; closing the engine interrupts it. */
  async function onConnection<T>(
    options: QueryOptions,
    body: (connection: DuckDBConnection) => Promise<T>,
  ): Promise<T> {
    if (closing || crashed) throw closedError()
    if (options.signal?.aborted) throw cancelledError()
    const job = (async () => {
      const connection = await instance.connect()
      if (closing || crashed) {
        connection.closeSync()
        throw closedError()
      }
      connections.add(connection)
      try {
        return await guarded(connection, options, body)
      } finally {
        connections.delete(connection)
        connection.closeSync()
      }
    })()
    queries.add(job)
    try {
      return await job
    } finally {
      queries.delete(job)
    }
  }

  async function guarded<T>(
    connection: DuckDBConnection,
    options: QueryOptions,
    body: (connection: DuckDBConnection) => Promise<T>,
  ): Promise<T> {
    const interrupt = () => connection.interrupt()
    options.signal?.addEventListener('abort', interrupt)
    let timer: NodeJS.Timeout | undefined
    try {
      // Cancelled while connecting, before `interrupt` was listening.
      if (options.signal?.aborted) throw cancelledError()
      if (options.onProgress) {
        await connection.run('SET enable_progress_bar = true')
        await connection.run('SET enable_progress_bar_print = false')
        const report = options.onProgress
        timer = setInterval(() => {
          const p = connection.progress
          if (p.percentage >= 0) {
            report({ percentage: p.percentage, rowsProcessed: Number(p.rows_processed) })
          }
        }, PROGRESS_INTERVAL_MS)
      }
      return await body(connection)
    } catch (e) {
      if (options.signal?.aborted) throw cancelledError()
      if (closing) throw closedError(e)
      if (isInvalidatedError(e)) {
        crashed = true
        throw new CurLensError(
          'ENGINE_CRASHED',
          'The engine hit an internal error and was restarted. Open the files again; if it happens again, one of them is probably corrupt.',
          { cause: e },
        )
      }
      throw e
    } finally {
      if (timer) clearInterval(timer)
      options.signal?.removeEventListener('abort', interrupt)
    }
  }

  return {
    query<T extends Row>(sql: string, params: SqlParams = {}, options: QueryOptions = {}) {
      return onConnection(options, async (connection) =>
        rowObjectsJson<T>(await runBound(connection, sql, params)),
      )
    },
    streamSelect(sql, options, read) {
      return onConnection(options, (connection) =>
        streamUserSelect(connection, sql, options.signal, read),
      )
    },
    close() {
      // A second caller waits for the same close rather than going on while queries still stop.
      closing ??= (async () => {
        // DuckDB drops an interrupt that arrives while a statement is still being prepared (or
        // between the statements of one query), and the statement then runs to its end: seconds
        // on a large export, which a CLI run waited for before it could exit. So interrupt again
        // until every query has stopped.
        const interruptAll = () => connections.forEach((connection) => connection.interrupt())
        interruptAll()
        const again = setInterval(interruptAll, INTERRUPT_AGAIN_MS)
        await Promise.allSettled(queries)
        clearInterval(again)
        if (!crashed) instance.closeSync()
      })()
      return closing
    },
  }
}

function closedError(cause?: unknown): CurLensError {
  return new CurLensError('INTERNAL', 'The engine was closed.', { cause })
}

/**
 * The rows as objects of JSON values, exactly as the reader's getRowObjectsJson gives them, but built
 * from its columns: getRowObjectsJson visits every row's values one call at a time. For the 650,000
 * lines of a chargeback by principal on 10M rows it took 7–8 s, against 5.5 s this way (most of the
 * rest is making the strings).
 */
export function rowObjectsJson<T extends Row>(reader: DuckDBResultReader): T[] {
  const names = reader.deduplicatedColumnNames()
  const columns = reader.getColumnsObjectJson()
  const values = names.map((name) => columns[name])
  const rows: T[] = []
  for (let i = 0; i < reader.currentRowCount; i++) {
    const row: Row = {}
    for (let c = 0; c < names.length; c++) row[names[c]] = values[c][i]
    rows.push(row as T)
  }
  return rows
}

/** Prepares the one SELECT a user typed (see Engine.streamSelect) and hands its stream to `read`. */
async function streamUserSelect<T>(
  connection: DuckDBConnection,
  sql: string,
  signal: AbortSignal | undefined,
  read: (stream: SelectStream) => Promise<T>,
): Promise<T> {
  const prepared = await userError('INVALID_QUERY', async () => {
    const statements = await connection.extractStatements(sql)
    if (statements.count !== 1) {
      throw new CurLensError(
        'INVALID_QUERY',
        `Run one statement at a time: DuckDB reads ${statements.count} here.`,
      )
    }
    return statements.prepare(0)
  })
  try {
    if (prepared.statementType !== StatementType.SELECT) {
      const kind = StatementType[prepared.statementType] ?? 'other'
      throw new CurLensError(
        'INVALID_QUERY',
        `Only a SELECT query can run here; DuckDB reads this as a statement of type ${kind}.`,
      )
    }
    if (prepared.parameterCount > 0) {
      throw new CurLensError('INVALID_QUERY', 'The query has parameters ($1, ?) with no values.')
    }
    const columns = Array.from({ length: prepared.columnCount }, (_, i) => ({
      name: prepared.columnName(i),
      type: prepared.columnType(i).toString(),
    }))
    const result = await userError('QUERY_FAILED', () => prepared.stream())
    return await read({
      columns,
      async next() {
        const chunk = await userError('QUERY_FAILED', () => result.fetchChunk())
        // An interrupted stream may end as if it were complete: only the signal tells.
        if (signal?.aborted) throw cancelledError()
        if (!chunk || chunk.rowCount === 0) return null
        return {
          count: chunk.rowCount,
          rows: () => chunk.convertRows(JsonDuckDBValueConverter) as unknown[][],
        }
      },
    })
  } finally {
    prepared.destroySync()
  }
}

/** DuckDB's own errors as the console shows them: its message, under `code`. */
async function userError<T>(code: 'INVALID_QUERY' | 'QUERY_FAILED', body: () => Promise<T>) {
  try {
    return await body()
  } catch (e) {
    if (e instanceof CurLensError) throw e
    throw new CurLensError(code, e instanceof Error ? e.message : String(e), { cause: e })
  }
}

function runBound(connection: DuckDBConnection, sql: string, params: SqlParams) {
  const values: Record<string, DuckDBValue> = {}
  const types: Record<string, DuckDBType> = {}
  for (const [name, value] of Object.entries(params)) {
    if (Array.isArray(value)) {
      values[name] = listValue(value)
      types[name] = LIST(VARCHAR)
    } else {
      values[name] = value
    }
  }
  return connection.runAndReadAll(sql, values, types)
}

/** DuckDB's message after an internal error; the instance must be replaced (duckdb#12314). */
export function isInvalidatedError(e: unknown): boolean {
  return e instanceof Error && /database has been invalidated/i.test(e.message)
}
