// `npm run bench -- [--rows N]`: the Parquet export's row count (10 million unless given); the
// CSV.gz export has a tenth of it, since CUR Lens converts CSV to Parquet on open; the Bedrock
// invocation logs of the Parquet export's gateway role hold half as many records as it has rows.
export const BENCH_USAGE = `Usage: npm run bench -- [--rows N]

  --rows N   rows of the generated CUR 2.0 Parquet export (default 10000000); the CSV.gz export
             has N/10, the Bedrock invocation logs N/2 records. Each is generated once per row
             count and cached in .cache/bench/.
`

export interface BenchArgs {
  parquetRows: number
  csvRows: number
  logRecords: number
}

const DEFAULT_ROWS = 10_000_000

/** The row counts, or why the arguments are wrong. */
export function parseBenchArgs(argv: string[]): BenchArgs | string {
  let rows = DEFAULT_ROWS
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg !== '--rows' && !arg.startsWith('--rows=')) return `Unknown argument ${arg}`
    const value = arg === '--rows' ? argv[++i] : arg.slice('--rows='.length)
    if (!/^\d+$/.test(value ?? '') || Number(value) < 10) {
      return `--rows takes a whole number of rows, 10 or more, not ${value}`
    }
    rows = Number(value)
  }
  return { parquetRows: rows, csvRows: Math.round(rows / 10), logRecords: Math.round(rows / 2) }
}

/** 10M, 50M, 1M, 100k, 1,500: a row count as figure names give it. */
export function rowsLabel(rows: number): string {
  if (rows % 1_000_000 === 0) return `${rows / 1_000_000}M`
  if (rows % 1_000 === 0) return `${rows / 1_000}k`
  return rows.toLocaleString('en-US')
}
