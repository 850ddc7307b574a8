// `npm run bench -- [--rows N]`: generates (once per row count, cached in .cache/bench) a CUR 2.0
// Parquet export of N rows (10 million by default), a CUR 2.0 CSV.gz export of N/10 and N/2 Bedrock
// invocation log records of the Parquet export's gateway role (gzip NDJSON), then times
// each figure through CUR Lens and as hand-written SQL on raw DuckDB in the same run: in-process
// (each side in its own process), then start-up and the CLI as whole processes beside raw DuckDB
// in a fresh process. Prints ratios, whether both sides agree, peak memory and sizes on disk. "CLI
// again" is the same command once the cache the first one started in the background is built.
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { ensureCliBuild } from '../scripts/cli-build.js'
import { agreement } from './agreement.js'
import { BENCH_USAGE, parseBenchArgs, rowsLabel } from './bench-args.js'
import { ensureCsvGzExport, ensureInvocationLogs, ensureParquetExport } from './bench-data.js'
import { sizeOnDisk, type Figure } from './measure.js'
import { cliFigures, startupFigures } from './whole-process.js'

interface SideResult {
  figures: Figure[]
  peakRssMb: number
  openPeakRssMb?: number
  cacheBytes?: number
}

const args = parseBenchArgs(process.argv.slice(2))
if (typeof args === 'string') {
  process.stderr.write(`${args}\n\n${BENCH_USAGE}`)
  process.exit(2)
}
const parquetRows = rowsLabel(args.parquetRows)
const csvRows = rowsLabel(args.csvRows)
const parquetExport = await ensureParquetExport(args.parquetRows)
const csvExport = await ensureCsvGzExport(args.csvRows)
const logRecords = rowsLabel(args.logRecords)
const logs = await ensureInvocationLogs(parquetExport, args.parquetRows, args.logRecords)
// Built now, so that no timed run of the CLI includes a build.
await ensureCliBuild(fileURLToPath(new URL('..', import.meta.url)), console.log)
const tsx = createRequire(import.meta.url).resolve('tsx')

function runSide(script: string): SideResult {
  const out = execFileSync(
    process.execPath,
    ['--import', tsx, script, parquetExport, csvExport, parquetRows, csvRows, logs, logRecords],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 2 ** 20 },
  )
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as SideResult
}

const raw = runSide('bench/raw-side.ts')
const app = runSide('bench/app-side.ts')
const startup = await startupFigures()
const cli = await cliFigures(parquetExport)

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString('en-US')} MB`
const ms = (n: number) => `${n.toFixed(0)} ms`
const s = (n: number) => `${(n / 1000).toFixed(2)} s`
const count = (n: number) => n.toLocaleString('en-US')

/** Figures right-aligned between a name and a check, each column as wide as its widest cell. */
function printTable(rows: string[][]) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)))
  const last = widths.length - 1
  const align = (cell: string, i: number) =>
    i === 0 || i === last ? cell.padEnd(widths[i]) : cell.padStart(widths[i])
  console.log(rows.map((r) => r.map(align).join('  ').trimEnd()).join('\n'))
}

console.log(
  `\n${count(args.parquetRows)}-row CUR 2.0 Parquet export: ${mb(sizeOnDisk(parquetExport))} on disk; ${count(args.csvRows)}-row CSV.gz export: ${mb(sizeOnDisk(csvExport))}; ${count(args.logRecords)} invocation log records: ${mb(sizeOnDisk(logs))}\n`,
)
printTable([
  ['in process', 'CUR Lens', 'raw DuckDB', 'ratio', 'check'],
  ...app.figures.map((figure) => {
    const base =
      raw.figures.find((r) => figure.name === r.name) ??
      raw.figures.find((r) => figure.name.startsWith(r.name))
    const ratio = base ? (figure.ms / base.ms).toFixed(2) : ''
    return [figure.name, ms(figure.ms), base ? ms(base.ms) : '', ratio, agreement(figure, base)]
  }),
])

console.log(
  `\nstart-up, whole process, median of 5: node alone ${ms(startup.nodeMs)}; cur-lens --version ${ms(startup.versionMs)}; cur-lens summary resources/demo --json ${ms(startup.demoSummaryMs)}, raw DuckDB ${ms(startup.rawDemoSummaryMs)} (${startup.check})\n`,
)
printTable([
  [
    `whole process, ${parquetRows} Parquet`,
    'CLI',
    'CLI again',
    'raw DuckDB',
    'ratio',
    'ratio again',
    'check',
  ],
  ...cli.map((f) => {
    const ratio = (n: number) => (n / f.rawMs).toFixed(2)
    const figures = [s(f.firstMs), s(f.secondMs), s(f.rawMs), ratio(f.firstMs), ratio(f.secondMs)]
    return [`cur-lens ${f.name}`, ...figures, f.check]
  }),
])

console.log(
  `\npeak RSS after open + summary (${parquetRows} Parquet): CUR Lens ${app.openPeakRssMb} MB`,
)
console.log(
  `peak RSS of the whole in-process run: CUR Lens ${app.peakRssMb} MB (the attribution cache build), raw DuckDB ${raw.peakRssMb} MB`,
)
console.log(
  `persistent cache of the ${parquetRows} Parquet export (totals and attributed rows): ${mb(app.cacheBytes ?? 0)}`,
)
const builds = cli.map((f) => s(f.buildMs)).join(', ')
console.log(
  `CLI background cache builds after each first command: ${builds}; cache on disk ${mb(Math.max(...cli.map((f) => f.cacheBytes)))}`,
)
