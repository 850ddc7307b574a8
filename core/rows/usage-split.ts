// The usage logs' split relation: from `usage_log` (the normalized log records, USAGE-LOGS.md §6),
// the tokens of each usage-log bucket (UTC day, account, principal, region, model, global
// cross-region or not, token type) by end user and log tags, and the principals that appear in
// the logs. The split itself is worked out from them once per load (split-read.ts). Both tables
// exist empty from the start, so `user` reads the principal's person until logs are loaded. The
// end user is the record's own (the loader reads it under the request-metadata key the user
// picks), else the person of its principal ARN.
import type { Engine } from '../engine/duckdb.js'

export const SPLIT_TABLE = 'usage_split'
export const SPLIT_PRINCIPALS_TABLE = 'usage_split_principals'
/** The normalized log records, written by core/usage-logs. */
export const USAGE_LOG_TABLE = 'usage_log'

/** The log's token columns by the CUR token type they split. */
export const LOG_TOKEN_COLUMNS = {
  input: 'input_tokens',
  output: 'output_tokens',
  'cache-read': 'cache_read_tokens',
  'cache-write': 'cache_write_tokens',
} as const

export async function createSplitTables(engine: Engine): Promise<void> {
  await engine.query(`CREATE TABLE IF NOT EXISTS ${SPLIT_TABLE} (
    usage_day DATE, account VARCHAR, principal_arn VARCHAR, region VARCHAR, model_key VARCHAR, global_route BOOLEAN,
    token_type VARCHAR, log_user VARCHAR, log_tags MAP(VARCHAR, VARCHAR), tokens HUGEINT, split_id BIGINT)`)
  await engine.query(`CREATE TABLE IF NOT EXISTS ${SPLIT_PRINCIPALS_TABLE} (principal_arn VARCHAR)`)
}

/**
 * The successful calls of `usage_log` (which holds each call once: the loader keeps its first
 * occurrence), with their end user (else their principal's person) and their principal's person:
 * over principal_dim, which must hold the log's principals. No window here: one over whole records
 * with their tags holds them all in memory, which millions of records overflow.
 */
export const LOGGED_CALLS = `SELECT
    l.*,
    COALESCE(NULLIF(l.end_user, ''), p.person) AS log_user,
    p.person AS principal_person,
    p.role AS principal_role,
    -- A gateway's team is a column of its own; it reads as the log tag \`team\`.
    CASE WHEN l.team IS NULL OR l.tags['team'] IS NOT NULL THEN l.tags
      ELSE map_concat(COALESCE(l.tags, MAP {}), MAP {'team': l.team}) END AS log_tags
  FROM ${USAGE_LOG_TABLE} AS l
  LEFT JOIN principal_dim AS p ON p.principal_arn = l.principal_arn
  WHERE l.ok IS NOT false`

/** Rebuilds the split from `usage_log`; principal_dim must hold the log's principals. */
export async function buildSplit(engine: Engine): Promise<void> {
  const types = Object.entries(LOG_TOKEN_COLUMNS)
    .map(([type, column]) => `('${type}', c.${column})`)
    .join(', ')
  await engine.query(
    `CREATE OR REPLACE TABLE ${SPLIT_TABLE} AS
    WITH calls AS (${LOGGED_CALLS}),
    buckets AS (
    SELECT
      CAST(c.ts_utc AS DATE) AS usage_day,
      -- NULL when the log names no account and the export has several: it matches no cost.
      NULLIF(c.account_id, '') AS account,
      NULLIF(c.principal_arn, '') AS principal_arn,
      NULLIF(c.region, '') AS region,
      c.model_key,
      -- Global cross-region calls bill under their own usage types; NULL: the log does not say.
      CASE WHEN c.cross_region IS NULL THEN NULL ELSE c.cross_region = 'global' END AS global_route,
      t.token_type,
      c.log_user,
      c.log_tags,
      CAST(sum(t.tokens) AS HUGEINT) AS tokens
    FROM calls AS c, (VALUES ${types}) AS t(token_type, tokens)
    WHERE t.tokens > 0 AND c.model_key IS NOT NULL
    GROUP BY ALL)
    -- The order in which a group's buckets take the units left over (split-read.ts).
    SELECT *, row_number() OVER (
      ORDER BY log_user NULLS FIRST, CAST(log_tags AS VARCHAR), principal_arn, region, global_route,
        usage_day, account, model_key, token_type) AS split_id
    FROM buckets`,
  )
  await engine.query(
    `CREATE OR REPLACE TABLE ${SPLIT_PRINCIPALS_TABLE} AS
    SELECT DISTINCT principal_arn FROM ${USAGE_LOG_TABLE}
    WHERE NULLIF(principal_arn, '') IS NOT NULL`,
  )
}
