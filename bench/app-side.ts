// The CUR Lens side of the benchmark: the real core modules, as the engine process runs them.
import type { BreakdownResult, SummaryResult } from '../core/api.js'
import { breakdown } from '../core/reports/breakdown.js'
import { attributeRows } from '../core/rows/attributed-rows.js'
import { openDataset } from '../core/sources/index.js'
import { summarize } from '../core/sources/summary.js'
import {
  SAME_CSV_CONVERSION_FIGURE,
  SAME_CSV_SUMMARY_FIGURE,
  SAME_SUMMARY_FIGURE,
  csvOpenFigure,
  median,
  parquetOpenFigure,
  peakRssMb,
  report,
  sizeOnDisk,
  timed,
  type Figure,
} from './measure.js'
import { BENCH_GROUPINGS } from './groupings.js'

const [parquetExport, csvExport, parquetLabel, csvLabel] = process.argv.slice(2)
const figures: Figure[] = []

const byLineItemType = (summary: SummaryResult) =>
  Object.fromEntries(summary.byLineItemType.map((t) => [t.lineItemType, Number(t.unblended)]))

// The order the API runs them in: the summary first, then the attribution lookups.
const opened = await timed(async () => {
  const dataset = await openDataset([parquetExport])
  return { dataset, summary: await summarize(dataset) }
})
const { dataset, summary } = opened.value
figures.push({
  name: parquetOpenFigure(parquetLabel),
  ms: opened.ms,
  groups: byLineItemType(summary),
})
figures.push({ ...figures[0], name: SAME_SUMMARY_FIGURE })
const openPeakRssMb = peakRssMb()
const rows = await attributeRows(dataset)

const groupsOf = (result: BreakdownResult) =>
  Object.fromEntries(result.rows.map((r) => [r.keys.map(String).join(' | '), Number(r.value)]))

// What a user gets before the cache is ready: one run each straight from the files, while the
// lookups are completed and the cache builds.
for (const g of BENCH_GROUPINGS) {
  const { ms, value } = await timed(() => breakdown(rows, g.query, { base: 'files' }))
  figures.push({ name: `${g.name} (from the files, cache building)`, ms, groups: groupsOf(value) })
}
const cache = await timed(() => rows.cacheReady())
figures.push({ name: `attribution cache ready (${cache.value ? 'ok' : 'failed'})`, ms: cache.ms })
const cacheBytes = sizeOnDisk(dataset.workDirectory)
for (const g of BENCH_GROUPINGS) {
  const { ms, value } = await median(3, () => breakdown(rows, g.query))
  figures.push({ name: g.name, ms, groups: groupsOf(value) })
}
await dataset.close()

const csv = await timed(async () => {
  const csvDataset = await openDataset([csvExport])
  const csvSummary = await summarize(csvDataset)
  await csvDataset.close()
  return csvSummary
})
figures.push({
  name: csvOpenFigure(csvLabel),
  ms: csv.ms,
  groups: { rows: csv.value.rows, unblended: Number(csv.value.totals.unblended) },
})
for (const name of [SAME_CSV_SUMMARY_FIGURE, SAME_CSV_CONVERSION_FIGURE]) {
  figures.push({ name, ms: csv.ms, groups: byLineItemType(csv.value) })
}
report(figures, { openPeakRssMb, cacheBytes })
