// The SQL console is read-only, and the engine enforces it: a real engine on a generated CUR 2.0
// CSV export (so the private work folder and the persistent cache hold converted Parquet and the
// attribution cache). Every
// refusal is paired with the allowed query closest to it, and the engine answers after each.
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApi } from '../../../core/create-api.js'
import { openEngine } from '../../../core/engine/duckdb.js'
import { generateBilling, writeCur2CsvGz, type Billing } from '../../fixtures/cur-generator.js'

let dir: string
let billing: Billing
let exportRoot: string
let api: ReturnType<typeof createApi>

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-sql-lockdown-'))
  billing = generateBilling({ seed: 19, usageRowsPerMonth: 40 })
  exportRoot = await writeCur2CsvGz(billing, join(dir, 'export'))
  api = createApi({ emit: () => {} })
  await api.openSources({ paths: [exportRoot] })
})

afterAll(async () => {
  await api?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

async function rows(sql: string) {
  return (await api.runSql({ sql })).rows
}

async function lineCount(view = 'cur'): Promise<number> {
  const [[count]] = await rows(`SELECT count(*) FROM ${view}`)
  return Number(count)
}

function refused(sql: string, message: RegExp) {
  return expect(api.runSql({ sql }), sql).rejects.toMatchObject({
    code: 'INVALID_QUERY',
    message: expect.stringMatching(message),
  })
}

const VIEWS_ONLY = /reads only cur, cur_attributed, usage_log and the query's own WITH tables/
const TABLE_FUNCTION = /cannot be used here/
const NOT_SELECT = /Only a SELECT query can run here/

describe('the SQL console', () => {
  it('reads the export through cur, but no file by its path: not /etc/passwd, nor the files the user opened', async () => {
    expect(await lineCount()).toBe(billing.rows.length)
    const opened = await readdir(exportRoot, { recursive: true })
    const part = join(exportRoot, opened.find((f) => f.endsWith('.csv.gz')) ?? '')
    await refused("SELECT * FROM read_csv('/etc/passwd')", /read_csv\(\) \(at line 1, column 15\)/)
    await refused("SELECT * FROM '/etc/passwd'", /"\/etc\/passwd" \(at line 1, column 15\) is not/)
    await refused("SELECT * FROM read_text('/etc/hostname')", TABLE_FUNCTION)
    await refused("SELECT * FROM read_blob('/etc/hostname')", TABLE_FUNCTION)
    await refused("SELECT * FROM sniff_csv('/etc/passwd')", TABLE_FUNCTION)
    await refused(`SELECT * FROM read_csv('${part}')`, TABLE_FUNCTION)
    await refused(`SELECT * FROM '${part}'`, VIEWS_ONLY)
    await refused("SELECT (SELECT count(*) FROM read_csv('/etc/passwd')) AS n", TABLE_FUNCTION)
  })

  it('generates rows with range(), but lists no files with glob()', async () => {
    expect(await rows('SELECT * FROM range(3) AS t(i)')).toEqual([['0'], ['1'], ['2']])
    expect(await rows('SELECT unnest([1, 2]) AS i')).toEqual([[1], [2]])
    await refused("SELECT * FROM glob('/etc/*')", /glob\(\)/)
    await refused(`SELECT * FROM glob('${dir}/**')`, /glob\(\)/)
  })

  it("reads the private work folder's and the cache's data through cur_attributed only, not their files", async () => {
    expect(await lineCount('cur_attributed')).toBe(billing.rows.length)
    // The work folder's path is no secret (a setting any query can read); its files stay out of
    // reach, as do those of the persistent cache, which holds the converted CSV and the facts.
    const [[work]] = await rows("SELECT current_setting('temp_directory')")
    const { location } = await api.cacheStatus()
    const listed = async () => [
      ...(await readdir(String(work), { recursive: true })).map((f) => join(String(work), f)),
      ...(await readdir(location, { recursive: true })).map((f) => join(location, f)),
    ]
    // The attribution cache is built in the background after open.
    await expect
      .poll(async () => (await listed()).some((f) => f.endsWith('rows.duckdb')), {
        timeout: 60_000,
      })
      .toBe(true)
    const files = (await listed()).filter((f) => /\.(parquet|duckdb|ndjson|json)$/.test(f))
    expect(files.some((f) => f.endsWith('.parquet'))).toBe(true)
    for (const path of files) {
      await refused(`SELECT * FROM '${path}'`, VIEWS_ONLY)
      await refused(`SELECT * FROM read_parquet('${path}')`, TABLE_FUNCTION)
      await refused(`SELECT * FROM read_duckdb('${path}')`, TABLE_FUNCTION)
    }
  })

  it('reaches no network address', async () => {
    await refused("SELECT * FROM read_csv('https://example.com/cur.csv')", TABLE_FUNCTION)
    await refused("SELECT * FROM 'https://example.com/cur.parquet'", VIEWS_ONLY)
    await refused("SELECT * FROM read_json('http://127.0.0.1:1/x.json')", TABLE_FUNCTION)
  })

  it('runs SELECT, DESCRIBE and SUMMARIZE, but refuses every statement that is not a SELECT', async () => {
    expect((await rows('DESCRIBE cur')).map((r) => r[0])).toContain('unblended_cost')
    expect((await rows('SUMMARIZE cur_attributed')).map((r) => r[0])).toContain('tokens')
    const statements = [
      `COPY (SELECT * FROM cur) TO '${join(dir, 'out.csv')}'`,
      `ATTACH '${join(dir, 'other.duckdb')}' AS other`,
      'DETACH attribution_store',
      'INSTALL httpfs',
      'LOAD httpfs',
      'SET enable_external_access = true',
      'SET threads = 1',
      'RESET memory_limit',
      'SET VARIABLE x = 1',
      'PRAGMA show_tables',
      "PRAGMA table_info('cur')",
      'CALL pragma_version()',
      'EXPLAIN SELECT * FROM cur',
      'CREATE TABLE copied AS SELECT * FROM cur',
      'CREATE MACRO leak() AS 1',
      'INSERT INTO cur SELECT * FROM cur',
      'WITH a AS (SELECT * FROM cur) INSERT INTO cur SELECT * FROM a',
      "UPDATE cur SET service = 'x'",
      'DELETE FROM cur',
      'DROP VIEW cur',
      'ALTER VIEW cur RENAME TO gone',
      `EXPORT DATABASE '${join(dir, 'db')}'`,
      `IMPORT DATABASE '${join(dir, 'db')}'`,
      'VACUUM',
      'CHECKPOINT',
      'BEGIN TRANSACTION',
      'PREPARE p AS SELECT 1',
      'EXECUTE p',
      'USE attribution_store',
      'UPDATE EXTENSIONS',
    ]
    for (const sql of statements) await refused(sql, NOT_SELECT)
    await refused('COPY (SELECT 1) TO stdout', /\(this one starts with COPY\)/)
    expect(await lineCount()).toBe(billing.rows.length)
  })

  it('runs one statement with its semicolon, but not a string of several', async () => {
    expect(await rows('SELECT 1 AS one;')).toEqual([[1]])
    await refused('SELECT 1; SELECT 2', /Run one statement at a time: this text holds 2/)
    await refused('SELECT 1; SELECT 2; SELECT 3', /holds 3/)
    await refused('SELECT 1; DROP VIEW cur', NOT_SELECT)
    await refused("SELECT 1; COPY cur TO '/tmp/cur.csv'", NOT_SELECT)
    expect(await lineCount()).toBe(billing.rows.length)
  })

  it("reads its own WITH tables, but none of the engine's internal tables or its catalog", async () => {
    expect(await rows('WITH teams AS (SELECT 1 AS n) SELECT n FROM teams')).toEqual([[1]])
    const schema = await api.sqlSchema()
    expect(schema.views.map((v) => v.name)).toEqual(['cur', 'cur_attributed'])
    await refused('SELECT * FROM principal_dim', /"principal_dim" \(at line 1, column 15\)/)
    await refused('SELECT * FROM attribution_store.facts', /"attribution_store.facts"/)
    await refused('SELECT * FROM memory.main.cur', /"memory.main.cur"/)
    await refused('SELECT * FROM information_schema.tables', VIEWS_ONLY)
    await refused('SELECT * FROM attribution_rows', VIEWS_ONLY)
    await refused('SELECT * FROM duckdb_tables()', TABLE_FUNCTION)
    await refused('SELECT * FROM duckdb_settings()', TABLE_FUNCTION)
    await refused('SHOW TABLES', /SHOW lists the engine's internal tables/)
    await refused('SHOW ALL TABLES', /SHOW lists/)
    // A CTE named after an internal table, read where it is out of scope, would read the table.
    await refused(
      'WITH a AS (SELECT * FROM principal_dim), principal_dim AS (SELECT 1) SELECT * FROM a',
      /"principal_dim" names one of the engine's internal tables/,
    )
    await refused('WITH "x.parquet" AS (SELECT 1) SELECT 1', /letters, digits and _ only/)
  })

  it('refuses the table functions that run SQL text or write, where unnest() reads a list', async () => {
    expect(await rows('SELECT * FROM unnest([1, 2, 3]) AS t(i)')).toHaveLength(3)
    await refused("SELECT * FROM query('CREATE TABLE smuggled AS SELECT 1')", /query\(\)/)
    await refused("SELECT * FROM query_table('principal_dim')", /query_table\(\)/)
    await refused(
      "SELECT * FROM json_execute_serialized_sql(json_serialize_sql('SELECT 1'))",
      TABLE_FUNCTION,
    )
    await refused('SELECT * FROM checkpoint()', TABLE_FUNCTION)
    await refused(
      "SELECT * FROM enable_logging(storage := 'file', storage_path := '/tmp')",
      TABLE_FUNCTION,
    )
  })

  it('cancels a 10-billion-row cross join, then answers the next query', async () => {
    const started = Date.now()
    const running = api.runSql({
      sql: 'SELECT count(*) FROM range(100000) AS a, range(100000) AS b',
      jobId: 'cross-join',
    })
    const cancelled = expect(running).rejects.toMatchObject({ code: 'CANCELLED' })
    await new Promise((resolve) => setTimeout(resolve, 500))
    await api.cancel('cross-join')
    await cancelled
    expect(Date.now() - started).toBeLessThan(5000)
    expect(await lineCount()).toBe(billing.rows.length)
  })

  it('stops a query at its time limit with a message that says so, then answers the next one', async () => {
    await expect(
      api.runSql({
        sql: 'SELECT * FROM range(100000) AS a, range(100000) AS b ORDER BY 1 DESC',
        timeoutSeconds: 1,
      }),
    ).rejects.toMatchObject({
      code: 'QUERY_FAILED',
      message: expect.stringMatching(/more than 1 s/),
    })
    expect(await lineCount()).toBe(billing.rows.length)
  })
})

describe('below the console, DuckDB itself', () => {
  it('prepares only one SELECT in Engine.streamSelect, whatever the text', async () => {
    const work = await mkdtemp(join(tmpdir(), 'cur-lens-sql-engine-'))
    const engine = await openEngine({ readPaths: [], readDirectories: [], workDirectory: work })
    try {
      const first = (sql: string) =>
        engine.streamSelect(sql, {}, async (stream) => (await stream.next())?.rows()[0])
      expect(await first('SELECT 42 AS answer')).toEqual([42])
      // The work folder is writable, so only the statement's type keeps these out.
      const written = join(work, 'written.csv')
      for (const [sql, message] of [
        ['CREATE TABLE t AS SELECT 1', /of type CREATE/],
        ['CALL pragma_version()', /of type CALL/],
        ['EXPLAIN SELECT 1', /of type EXPLAIN/],
        [`COPY (SELECT 1) TO '${written}'`, /of type COPY/],
        [`ATTACH '${join(work, 'other.duckdb')}' AS other`, /of type ATTACH/],
        ['INSTALL httpfs', /of type LOAD/],
        ['SET threads = 1', /of type SET/],
        ['BEGIN TRANSACTION', /of type TRANSACTION/],
        ['SELECT 1; SELECT 2', /DuckDB reads 2 here/],
        ['SELECT $1', /parameters/],
      ] as const) {
        await expect(first(sql), sql).rejects.toMatchObject({
          code: 'INVALID_QUERY',
          message: expect.stringMatching(message),
        })
      }
      expect(await readdir(work)).toEqual([])
      // DuckDB turns this PRAGMA into a SELECT as it prepares it: the console refuses it on the
      // parse tree, before the engine sees it.
      expect(await first('PRAGMA show_tables')).toBeUndefined()
      // query() runs only SELECT text, even when called directly.
      await expect(
        engine.query("SELECT * FROM query('CREATE TABLE smuggled AS SELECT 1')"),
      ).rejects.toThrow(/Expected a single SELECT statement/)
      await expect(engine.query('SELECT * FROM smuggled')).rejects.toThrow(/does not exist/)
    } finally {
      await engine.close()
      await rm(work, { recursive: true, force: true })
    }
  })
})
