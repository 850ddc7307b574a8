// Whole-process figures: the CLI as users start it (node bin/cur-lens.js, a fresh process that
// starts its engine process) beside raw DuckDB answering the same question in a fresh Node process
// (bench/raw-query.js), in the same run; and start-up on its own, on the bundled demo export.
// The CLI has a cache folder of its own: each question is asked first with it empty (cold), then
// again once the background build the first run left behind has ended.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { CACHE_DIR_VARIABLE } from '../core/cache/cache-location.js'
import { openCacheStore } from '../core/cache/cache-store.js'
import { BENCH_ROOT } from './bench-data.js'
import { agreement } from './agreement.js'
import { CLI_QUESTIONS, SUMMARY_QUESTION, type CliQuestion } from './cli-questions.js'
import { median, sizeOnDisk, timed } from './measure.js'

const CLI = join('bin', 'cur-lens.js')
const RAW = join('bench', 'raw-query.js')
const DEMO = join('resources', 'demo')
const DEMO_EXPORT = join(DEMO, 'cur-lens-demo')
const STARTUP_RUNS = 5
const CACHE_ROOT = join(BENCH_ROOT, 'cli-cache')
const ENV = { ...process.env, [CACHE_DIR_VARIABLE]: CACHE_ROOT }

export interface StartupFigures {
  nodeMs: number
  versionMs: number
  demoSummaryMs: number
  rawDemoSummaryMs: number
  check: string
}

export interface CliFigure {
  name: string
  firstMs: number
  /** The same command again, once the first one's background cache build has ended. */
  secondMs: number
  /** That build, from the end of the first command. */
  buildMs: number
  cacheBytes: number
  rawMs: number
  check: string
}

function node(args: string[]): string {
  return execFileSync(process.execPath, args, {
    env: ENV,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 256 * 2 ** 20,
  })
}

const parquetFiles = (exportDir: string) =>
  `read_parquet('${join(exportDir, 'data', '*', '*.parquet')}', union_by_name = true)`

async function ask(question: CliQuestion, args: string[]) {
  const { ms, value } = await timed(async () => node(args))
  return { name: question.name, ms, groups: question.cliGroups(value) }
}

async function askRaw(question: CliQuestion, exportDir: string) {
  const { ms, value } = await timed(async () => node([RAW, question.sql(parquetFiles(exportDir))]))
  return { name: question.name, ms, groups: question.rawGroups(JSON.parse(value)) }
}

/** Medians of a few runs each: Node alone, `cur-lens --version`, the demo summary both ways. */
export async function startupFigures(): Promise<StartupFigures> {
  const nodeAlone = await median(STARTUP_RUNS, async () => node(['-e', '0']))
  const version = await median(STARTUP_RUNS, async () => node([CLI, '--version']))
  const demo = await median(STARTUP_RUNS, () =>
    ask(SUMMARY_QUESTION, [CLI, ...SUMMARY_QUESTION.cli(DEMO)]),
  )
  const raw = await median(STARTUP_RUNS, () => askRaw(SUMMARY_QUESTION, DEMO_EXPORT))
  return {
    nodeMs: nodeAlone.ms,
    versionMs: version.ms,
    demoSummaryMs: demo.ms,
    rawDemoSummaryMs: raw.ms,
    check: agreement(demo.value, raw.value),
  }
}

const BUILD_WAIT_MS = 30 * 60_000

/** Waits for the attributed rows to be cached and every background build (holding a lock) to end. */
async function buildsEnded(): Promise<void> {
  const store = openCacheStore(CACHE_ROOT)
  const locks = join(CACHE_ROOT, 'locks')
  for (const started = Date.now(); Date.now() - started < BUILD_WAIT_MS; await sleep(100)) {
    const cached = (await store.list()).some((entry) => entry.kind === 'attributed rows')
    if (cached && !(existsSync(locks) && readdirSync(locks).length > 0)) return
  }
  throw new Error(`The CLI's background cache build did not end within ${BUILD_WAIT_MS / 60_000} minutes`)
}

/**
 * Each question once on raw DuckDB, then through the CLI with an empty cache, then again once the
 * cache is built; one fresh process each.
 */
export async function cliFigures(exportDir: string): Promise<CliFigure[]> {
  const figures: CliFigure[] = []
  for (const question of CLI_QUESTIONS) {
    const raw = await askRaw(question, exportDir)
    rmSync(CACHE_ROOT, { recursive: true, force: true })
    const first = await ask(question, [CLI, ...question.cli(exportDir)])
    const build = await timed(buildsEnded)
    const second = await ask(question, [CLI, ...question.cli(exportDir)])
    const checks = new Set([agreement(first, raw), agreement(second, raw)])
    figures.push({
      name: question.name,
      firstMs: first.ms,
      secondMs: second.ms,
      buildMs: build.ms,
      cacheBytes: sizeOnDisk(join(CACHE_ROOT, 'entries')),
      rawMs: raw.ms,
      check: [...checks].join(' / '),
    })
  }
  rmSync(CACHE_ROOT, { recursive: true, force: true })
  return figures
}
