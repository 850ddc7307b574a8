// An engine as a dataset has it (locked down, with a private work directory) for the usage-log
// tests, and the figures read back from usage_log, unpivoted to one row per token type.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openEngine, type Engine } from '../../../core/engine/duckdb.js'
import type { LogTokenType, UserTokens } from '../../fixtures/usage-log-calls.js'

export interface LogEngine {
  engine: Engine
  workDirectory: string
  close(): Promise<void>
}

export async function openLogEngine(): Promise<LogEngine> {
  const workDirectory = await mkdtemp(join(tmpdir(), 'cur-lens-usage-log-'))
  const engine = await openEngine({ readPaths: [], readDirectories: [], workDirectory })
  return {
    engine,
    workDirectory,
    close: async () => {
      await engine.close()
      await rm(workDirectory, { recursive: true, force: true })
    },
  }
}

const COLUMN_OF: Record<LogTokenType, string> = {
  input: 'input_tokens',
  output: 'output_tokens',
  'cache-read': 'cache_read_tokens',
  'cache-write': 'cache_write_tokens',
}

/** usage_log's tokens per end user × UTC day × model key × token type, zero sums left out. */
export async function tokensByUser(engine: Engine, source: string): Promise<UserTokens[]> {
  const parts = Object.entries(COLUMN_OF).map(
    ([type, column]) => `SELECT end_user, CAST(ts_utc AS DATE) AS day, model_key,
       '${type}' AS token_type, ${column} AS tokens FROM usage_log WHERE source = $source`,
  )
  const rows = await engine.query<{
    end_user: string
    day: string
    model_key: string
    token_type: LogTokenType
    tokens: string
  }>(
    `SELECT end_user, CAST(day AS VARCHAR) AS day, model_key, token_type, sum(tokens) AS tokens
     FROM (${parts.join(' UNION ALL ')})
     GROUP BY ALL HAVING sum(tokens) <> 0`,
    { source },
  )
  return rows.map((r) => ({
    endUser: r.end_user,
    day: r.day,
    modelKey: r.model_key,
    tokenType: r.token_type,
    tokens: Number(r.tokens),
  }))
}

export function sortTokens(rows: UserTokens[]): UserTokens[] {
  const key = (r: UserTokens) => [r.endUser, r.day, r.modelKey, r.tokenType].join('|')
  return [...rows].sort((a, b) => key(a).localeCompare(key(b)))
}
