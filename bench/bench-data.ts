// Generates (once per row count) and caches the benchmark exports outside git, in .cache/bench/: a
// CUR 2.0 Parquet export partitioned by BILLING_PERIOD and a CUR 2.0 CSV.gz export with its
// Manifest.json. Uses a plain DuckDB instance: this is test tooling, not the product. The COPY
// streams, under a memory limit and a cap on spill files, so 50 million rows fit as 10 million do.
import { DuckDBInstance } from '@duckdb/node-api'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
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

async function withDuckDb(body: (run: (sql: string) => Promise<void>) => Promise<void>) {
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
    await body(async (sql) => void (await connection.run(sql)))
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}
