// `npm run bench -- [--rows N] [--log-records N]`: the Parquet export's row count (10 million
// unless given); the CSV.gz export has a tenth of it, since CUR Lens converts CSV to Parquet on open;
// the Bedrock invocation logs of the Parquet export's gateway role hold a tenth as many records as
// it has rows unless --log-records says otherwise (5M records beside 10M rows add about ten minutes
// to the run: bench/RESULTS.md).
export const BENCH_USAGE = `Usage: npm run bench -- [--rows N] [--log-records N]

  --rows N          rows of the generated CUR 2.0 Parquet export (default 10000000); the CSV.gz
                    export has N/10. Each is generated once per row count, cached in .cache/bench/.
  --log-records N   records of the Bedrock invocation logs of that export (default rows/10)
`

export interface BenchArgs {
  parquetRows: number
  csvRows: number
  logRecords: number
}

const DEFAULT_ROWS = 10_000_000

/** The row counts, or why the arguments are wrong. */
export function parseBenchArgs(argv: string[]): BenchArgs | string {
  const counts: Record<string, number> = {}
  for (let i = 0; i < argv.length; i++) {
    const [, name, inline] = /^--(rows|log-records)(?:=(.*))?$/.exec(argv[i]) ?? []
    if (!name) return `Unknown argument ${argv[i]}`
    const value = inline ?? argv[++i]
    if (!/^\d+$/.test(value ?? '') || Number(value) < 10) {
      return `--${name} takes a whole number of rows, 10 or more, not ${value}`
    }
    counts[name] = Number(value)
  }
  const rows = counts.rows ?? DEFAULT_ROWS
  return {
    parquetRows: rows,
    csvRows: Math.round(rows / 10),
    logRecords: counts['log-records'] ?? Math.round(rows / 10),
  }
}

/** 10M, 50M, 1M, 100k, 1,500: a row count as figure names give it. */
export function rowsLabel(rows: number): string {
  if (rows % 1_000_000 === 0) return `${rows / 1_000_000}M`
  if (rows % 1_000 === 0) return `${rows / 1_000}k`
  return rows.toLocaleString('en-US')
}
