// Generates (once per row count) and caches the benchmark exports outside git, in .cache/bench/: a
// CUR 2.0 Parquet export partitioned by BILLING_PERIOD and a CUR 2.0 CSV.gz export with its
// Manifest.json, and the Bedrock invocation logs of the Parquet export's gateway role, gzip NDJSON
// in the S3 layout (invocation-logs.ts), written through zlib streams. Uses a plain DuckDB instance: this is test tooling, not the product. The COPY
// streams, under a memory limit and a cap on spill files, so 50 million rows fit as 10 million do.
import { DuckDBInstance } from '@duckdb/node-api'
import { once } from 'node:events'
import { createWriteStream, existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import {
  END_USERS,
  GATEWAY_ROLE,
  callsInGroup,
  invocationLogLine,
  logFilePath,
  loggedUsageTypesSql,
  seededRandom,
  type BenchTokenType,
} from './invocation-logs.js'
import { largeExportSelect } from './large-export-sql.js'

export const BENCH_ROOT = join(process.cwd(), '.cache', 'bench')
const MAP_COLUMNS = ['cost_category', 'discount', 'product', 'resource_tags', 'tags']

const literal = (path: string) => `'${path.replaceAll("'", "''")}'`

export async function ensureParquetExport(rows: number): Promise<string> {
  const dir = join(BENCH_ROOT, `cur2-parquet-${rows}`)
  const exportDir = join(dir, 'bench-export')
  if (existsSync(join(dir, 'done'))) return exportDir
  await rm(dir, { recursive: true, force: true })
  await mkdir(join(exportDir, 'data'), { recursive: true })
  console.log(`generating a ${rows.toLocaleString('en')}-row CUR 2.0 Parquet export…`)
  await withDuckDb(async (run) => {
    await run(`COPY (
      SELECT *, strftime(bill_billing_period_start_date, '%Y-%m') AS BILLING_PERIOD
      FROM (${largeExportSelect(rows)})
    ) TO ${literal(join(exportDir, 'data'))}
    (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (BILLING_PERIOD), FILENAME_PATTERN 'bench-export-{i}', ROW_GROUP_SIZE 122880)`)
  })
  await writeFile(join(dir, 'done'), '')
  return exportDir
}

export async function ensureCsvGzExport(rows: number): Promise<string> {
  const dir = join(BENCH_ROOT, `cur2-csv-${rows}`)
  const exportDir = join(dir, 'bench-csv-export')
  if (existsSync(join(dir, 'done'))) return exportDir
  await rm(dir, { recursive: true, force: true })
  const dataDir = join(exportDir, 'data', 'BILLING_PERIOD=2026-05')
  await mkdir(dataDir, { recursive: true })
  console.log(`generating a ${rows.toLocaleString('en')}-row CUR 2.0 CSV.gz export…`)
  const asJson = MAP_COLUMNS.map((c) => `to_json(${c})::VARCHAR AS ${c}`).join(', ')
  await withDuckDb(async (run) => {
    await run(`COPY (SELECT * REPLACE (${asJson}) FROM (${largeExportSelect(rows)}))
      TO ${literal(join(dataDir, 'bench-csv-export-00001.csv.gz'))} (HEADER, COMPRESSION gzip)`)
  })
  const manifest = JSON.parse(
    await readFile(
      '../shared/samples/ola-raji-cur2-csv/ha-project-CUR-daily-1-Manifest.json',
      'utf8',
    ),
  ) as { columns: { name: string; type: string }[] }
  const columns = [...manifest.columns, { name: 'line_item_iam_principal', type: 'string' }]
  await mkdir(join(exportDir, 'metadata', 'BILLING_PERIOD=2026-05'), { recursive: true })
  await writeFile(
    join(exportDir, 'metadata', 'BILLING_PERIOD=2026-05', 'bench-csv-export-Manifest.json'),
    JSON.stringify({
      columns,
      dataFiles: ['data/BILLING_PERIOD=2026-05/bench-csv-export-00001.csv.gz'],
    }),
  )
  await writeFile(join(dir, 'done'), '')
  return exportDir
}

/**
 * The invocation logs of the `rows`-row Parquet export: `records` calls spread over the gateway
 * role's Bedrock token rows, grouped by account, day, principal and model; each call has tokens of
 * the token types its group bills, so every such row has calls to split it. One file per account
 * and day.
 */
export async function ensureInvocationLogs(
  parquetExport: string,
  rows: number,
  records: number,
): Promise<string> {
  const dir = join(BENCH_ROOT, `invocation-logs-${rows}-${records}`)
  const logsDir = join(dir, 'logs')
  if (existsSync(join(dir, 'done'))) return logsDir
  await rm(dir, { recursive: true, force: true })
  console.log(`generating ${records.toLocaleString('en')} Bedrock invocation log records…`)
  let groups: [string, string, string, string, BenchTokenType[]][] = []
  await withDuckDb(async (_run, read) => {
    groups = (await read(`SELECT line_item_usage_account_id,
        CAST(CAST(line_item_usage_start_date AS DATE) AS VARCHAR) AS day,
        line_item_iam_principal, u.model_id, list(DISTINCT u.token_type ORDER BY u.token_type)
      FROM read_parquet(${literal(join(parquetExport, 'data', '*', '*.parquet'))}) AS c
      JOIN (VALUES ${loggedUsageTypesSql()}) AS u(usage_type, model_id, token_type)
        ON u.usage_type = c.line_item_usage_type
      WHERE c.line_item_iam_principal LIKE '%:assumed-role/${GATEWAY_ROLE}/%'
      GROUP BY ALL ORDER BY ALL`)) as typeof groups
  })
  const random = seededRandom(18)
  const between = (low: number, high: number) => low + Math.floor(random() * (high - low))
  let file: { path: string; gzip: ReturnType<typeof createGzip>; done: Promise<void> } | undefined
  let chunk: string[] = []
  const flush = async () => {
    if (!file || chunk.length === 0) return
    if (!file.gzip.write(chunk.join(''))) await once(file.gzip, 'drain')
    chunk = []
  }
  const close = async () => {
    await flush()
    file?.gzip.end()
    await file?.done
  }
  let serial = 0
  for (const [index, [accountId, day, principalArn, modelId, types]] of groups.entries()) {
    const path = join(logsDir, logFilePath(accountId, day))
    if (file?.path !== path) {
      await close()
      await mkdir(dirname(path), { recursive: true })
      const gzip = createGzip({ level: 1 })
      file = { path, gzip, done: pipeline(gzip, createWriteStream(path)) }
    }
    for (let k = callsInGroup(index, groups.length, records); k > 0; k--) {
      const tokens = { input: 0, output: 0, 'cache-read': 0 }
      if (types.includes('input')) tokens.input = between(200, 4200)
      if (types.includes('output')) tokens.output = between(50, 1550)
      if (types.includes('cache-read')) tokens['cache-read'] = between(1000, 21000)
      const user = between(0, END_USERS)
      const call = { serial: serial++, day, secondOfDay: between(0, 86400), accountId }
      chunk.push(`${invocationLogLine({ ...call, principalArn, modelId, user, tokens })}\n`)
      if (chunk.length >= 512) await flush()
    }
  }
  await close()
  await writeFile(join(dir, 'done'), '')
  return logsDir
}

async function withDuckDb(
  body: (
    run: (sql: string) => Promise<void>,
    read: (sql: string) => Promise<unknown[][]>,
  ) => Promise<void>,
) {
  const instance = await DuckDBInstance.create(':memory:', {
    threads: '2',
    memory_limit: '2GB',
    // Rows need not keep their order, so nothing waits in memory for the rows before it.
    preserve_insertion_order: 'false',
    temp_directory: join(BENCH_ROOT, 'tmp'),
    max_temp_directory_size: '8GB',
  })
  const connection = await instance.connect()
  try {
    await body(
      async (sql) => void (await connection.run(sql)),
      async (sql) => (await connection.runAndReadAll(sql)).getRowsJson(),
    )
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}
