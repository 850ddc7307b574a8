// `npm run bench`: generates (once, cached in .cache/bench) a 10M-row CUR 2.0 Parquet export and a
// 1M-row CUR 2.0 CSV.gz export, then times each figure through CUR Lens and as hand-written SQL on
// raw DuckDB in the same run, each side in its own process, and prints ratios and peak memory.
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { ensureCsvGzExport, ensureParquetExport } from './bench-data.js'
import type { Figure } from './measure.js'

interface SideResult {
  figures: Figure[]
  peakRssMb: number
  openPeakRssMb?: number
}

const parquetExport = await ensureParquetExport(10_000_000)
const csvExport = await ensureCsvGzExport(1_000_000)
const tsx = createRequire(import.meta.url).resolve('tsx')

function runSide(script: string): SideResult {
  const out = execFileSync(process.execPath, ['--import', tsx, script, parquetExport, csvExport], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 2 ** 20,
  })
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as SideResult
}

const raw = runSide('bench/raw-side.ts')
const app = runSide('bench/app-side.ts')

/** Same groups and sums on both sides, to the cent; for model groupings only the grand total compares. */
function agrees(a: Figure, b: Figure | undefined): string {
  if (!a.groups || !b?.groups) return ''
  const total = (g: Record<string, number>) => Object.values(g).reduce((s, v) => s + v, 0)
  if (Math.abs(total(a.groups) - total(b.groups)) > 0.01) return 'TOTALS DIFFER'
  if (a.name.includes('model')) return 'same total'
  const keys = new Set([...Object.keys(a.groups), ...Object.keys(b.groups)])
  for (const k of keys) {
    if (Math.abs((a.groups[k] ?? 0) - (b.groups[k] ?? 0)) > 0.01) return `DIFFERS at ${k}`
  }
  return 'same groups and sums'
}

const pad = (s: string, n: number) => s.padEnd(n)
console.log(
  `\n${pad('figure', 52)} ${'CUR Lens'.padStart(10)} ${'raw DuckDB'.padStart(11)} ${'ratio'.padStart(6)}  check`,
)
for (const figure of app.figures) {
  const base =
    raw.figures.find((r) => figure.name === r.name) ??
    raw.figures.find((r) => figure.name.startsWith(r.name))
  const ratio = base ? (figure.ms / base.ms).toFixed(2) : ''
  const rawMs = base ? `${base.ms.toFixed(0)} ms` : ''
  console.log(
    `${pad(figure.name, 52)} ${`${figure.ms.toFixed(0)} ms`.padStart(10)} ${rawMs.padStart(11)} ${ratio.padStart(6)}  ${agrees(figure, base)}`,
  )
}
console.log(`\npeak RSS after open + summary (10M Parquet): CUR Lens ${app.openPeakRssMb} MB`)
console.log(
  `peak RSS of the whole run: CUR Lens ${app.peakRssMb} MB (the attribution cache build), raw DuckDB ${raw.peakRssMb} MB`,
)
