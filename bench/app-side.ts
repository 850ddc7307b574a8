// The CUR Lens side of the benchmark: the real core modules, as the engine process runs them, with
// a persistent cache of its own that starts empty: a cold open, the cache's build, then the same
// export reopened as a user reopens yesterday's, and a CSV export converted once and reopened. On
// the first open, once the cache is ready, the gateway's invocation logs are loaded as the API's
// openUsageLogs loads them, and the regroups by user they split are timed.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { BreakdownQuery, BreakdownResult, SummaryResult } from '../core/api.js'
import { openCacheStore } from '../core/cache/cache-store.js'
import { breakdown } from '../core/reports/breakdown.js'
import { openUsageLogs, usageLogsResult, type LoadLogs } from '../core/reports/usage-logs.js'
import { loadUsageLogs } from '../core/usage-logs/index.js'
import { attributeRows } from '../core/rows/attributed-rows.js'
import { openDataset } from '../core/sources/index.js'
import { summarize } from '../core/sources/summary.js'
import {
  SAME_CSV_CONVERSION_FIGURE,
  SAME_CSV_SUMMARY_FIGURE,
  SAME_SUMMARY_FIGURE,
  USER_MODEL_SPLIT_FIGURE,
  USER_SPLIT_FIGURE,
  csvOpenFigure,
  logsLoadFigure,
  median,
  parquetOpenFigure,
  peakRssMb,
  report,
  timed,
  type Figure,
} from './measure.js'
import { BENCH_ROOT } from './bench-data.js'
import { BENCH_GROUPINGS } from './groupings.js'

const [parquetExport, csvExport, parquetLabel, csvLabel, logsDir, logsLabel] = process.argv.slice(2)
const figures: Figure[] = []
const cacheRoot = join(BENCH_ROOT, 'app-cache')
rmSync(cacheRoot, { recursive: true, force: true })
const store = openCacheStore(cacheRoot)

/** Opens and summarizes, as the API does first. */
async function openAndSummarize(paths: string[]) {
  const dataset = await openDataset(paths, { cacheStore: store })
  return { dataset, summary: await summarize(dataset) }
}

const byLineItemType = (summary: SummaryResult) =>
  Object.fromEntries(summary.byLineItemType.map((t) => [t.lineItemType, Number(t.unblended)]))

// The order the API runs them in: the summary first, then the attribution lookups.
const opened = await timed(() => openAndSummarize([parquetExport]))
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
for (const g of BENCH_GROUPINGS) {
  const { ms, value } = await median(3, () => breakdown(rows, g.query))
  figures.push({ name: g.name, ms, groups: groupsOf(value) })
}

/** create-api's loader: the end user under the key the request names. */
const loadLogs: LoadLogs = async (engine, paths, { userKey, ...options }) => {
  const loaded = await loadUsageLogs(engine, paths, {
    ...options,
    metadataKeys: { endUser: userKey },
  })
  return { sources: loaded.sources, problems: loaded.problems }
}
// The whole of the API's openUsageLogs: the load, the split's rebuild and what it answers.
const logs = await timed(async () =>
  usageLogsResult(rows, await openUsageLogs(rows, { paths: [logsDir] }, loadLogs)),
)
const [logTotals] = await rows.engine.query<{ records: number; tokens: string }>(
  `SELECT count(*) AS records,
    sum(input_tokens + cache_read_tokens + cache_write_tokens + output_tokens) AS tokens
  FROM usage_log`,
)
figures.push({
  name: logsLoadFigure(logsLabel),
  ms: logs.ms,
  groups: { records: Number(logTotals.records), tokens: Number(logTotals.tokens) },
})
console.error(
  `usage logs: ${logs.value.sources.length} files, ${logs.value.problems.length} problems, ` +
    `${logs.value.splitCost} of ${logs.value.bedrockCost} Bedrock cost split`,
)
const byUser: BreakdownQuery = { dimensions: ['user'], metric: 'unblended' }
const firstByUser = await timed(() => breakdown(rows, byUser))
figures.push({
  name: `${USER_SPLIT_FIGURE}, first after loading`,
  ms: firstByUser.ms,
  groups: groupsOf(firstByUser.value),
})
const userSplits: { name: string; query: BreakdownQuery }[] = [
  { name: USER_SPLIT_FIGURE, query: byUser },
  { name: USER_MODEL_SPLIT_FIGURE, query: { dimensions: ['user', 'model'], metric: 'unblended' } },
]
for (const g of userSplits) {
  const { ms, value } = await median(3, () => breakdown(rows, g.query))
  figures.push({ name: g.name, ms, groups: groupsOf(value) })
}
await dataset.close()
const cacheBytes = (await store.list()).reduce((sum, entry) => sum + entry.bytes, 0)

// Yesterday's export opened again: from what the cache kept, each regroup the first of its kind.
const reopened = await timed(() => openAndSummarize([parquetExport]))
figures.push({
  name: `reopen + summary (${parquetLabel} Parquet, cached)`,
  ms: reopened.ms,
  groups: byLineItemType(reopened.value.summary),
})
const reopenedRows = await attributeRows(reopened.value.dataset)
for (const g of BENCH_GROUPINGS) {
  const { ms, value } = await timed(() => breakdown(reopenedRows, g.query))
  figures.push({ name: `${g.name} (first after reopening)`, ms, groups: groupsOf(value) })
}
await reopened.value.dataset.close()

const csv = await timed(async () => {
  const { dataset: csvDataset, summary: csvSummary } = await openAndSummarize([csvExport])
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
const csvAgain = await timed(async () => {
  const { dataset: csvDataset, summary: csvSummary } = await openAndSummarize([csvExport])
  await csvDataset.close()
  return csvSummary
})
figures.push({
  name: `reopen ${csvLabel} CSV.gz (conversion kept) + summary`,
  ms: csvAgain.ms,
  groups: byLineItemType(csvAgain.value),
})
rmSync(cacheRoot, { recursive: true, force: true })
report(figures, { openPeakRssMb, cacheBytes })
