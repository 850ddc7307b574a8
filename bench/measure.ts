// Timing, memory and size helpers shared by both sides of the benchmark. Each side runs in its own
// process so its peak RSS (VmHWM) is its own.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** The open of the Parquet export, `rows` as rowsLabel gives them, on both sides. */
export const parquetOpenFigure = (rows: string) => `open + summary (${rows} Parquet, cold)`
/** The open of the CSV.gz export, on both sides. */
export const csvOpenFigure = (rows: string) => `open ${rows} CSV.gz (check + convert) + summary`
/** The summary figure compared with the same totals computed by hand on raw DuckDB. */
export const SAME_SUMMARY_FIGURE = 'open + summary vs the same summary SQL on the files'
/** The same for the CSV.gz export, against the summary's totals computed by hand over the CSV. */
export const SAME_CSV_SUMMARY_FIGURE = 'open CSV.gz + summary vs the same summary SQL on it'
/** The same, against the same conversion to Parquet and the summary, by hand. */
export const SAME_CSV_CONVERSION_FIGURE = 'open CSV.gz + summary vs the same conversion by hand'

/** The load of the invocation logs: CUR Lens's openUsageLogs, raw DuckDB's read_json of the files. */
export const logsLoadFigure = (records: string) =>
  `load ${records} invocation log records (NDJSON.gz)`
/** The regroups the usage logs split, on both sides. */
export const USER_SPLIT_FIGURE = 'group by user (logs split)'
export const USER_MODEL_SPLIT_FIGURE = 'group by user and model (logs split)'

export interface Figure {
  name: string
  ms: number
  /** Groups and sums, to check that both sides agree. */
  groups?: Record<string, number>
}

export async function timed<T>(body: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await body()
  return { ms: performance.now() - start, value }
}

/** Median of `runs` timings after one warm-up run. */
export async function median<T>(
  runs: number,
  body: () => Promise<T>,
): Promise<{ ms: number; value: T }> {
  let last = await timed(body)
  const times: number[] = []
  for (let k = 0; k < runs; k++) {
    last = await timed(body)
    times.push(last.ms)
  }
  times.sort((a, b) => a - b)
  return { ms: times[Math.floor(times.length / 2)], value: last.value }
}

export function peakRssMb(): number {
  const line = readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'))
  return line
    ? Math.round(Number(line.replace(/\D+/g, '')) / 1024)
    : Math.round(process.memoryUsage().rss / 2 ** 20)
}

/** The bytes of the files under `path` (a spill file deleted meanwhile counts for nothing). */
export function sizeOnDisk(path: string): number {
  const stat = statSync(path, { throwIfNoEntry: false })
  if (!stat?.isDirectory()) return stat?.size ?? 0
  return readdirSync(path).reduce((sum, name) => sum + sizeOnDisk(join(path, name)), 0)
}

/**
 * One side's result, as the last line of its output. `openPeakRssMb`: the peak right after opening
 * and summarizing the Parquet export; `cacheBytes`: the attribution cache's work folder once built.
 */
export function report(
  figures: Figure[],
  extra: { openPeakRssMb?: number; cacheBytes?: number } = {},
) {
  process.stdout.write(JSON.stringify({ figures, peakRssMb: peakRssMb(), ...extra }) + '\n')
}
