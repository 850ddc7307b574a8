// Whole-process figures: the CLI as users start it (node bin/cur-lens.js, a fresh process that
// starts its engine process) beside raw DuckDB answering the same question in a fresh Node process
// (bench/raw-query.js), in the same run; and start-up on its own, on the bundled demo export.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { agreement } from './agreement.js'
import { CLI_QUESTIONS, SUMMARY_QUESTION, type CliQuestion } from './cli-questions.js'
import { median, timed } from './measure.js'

const CLI = join('bin', 'cur-lens.js')
const RAW = join('bench', 'raw-query.js')
const DEMO = join('resources', 'demo')
const DEMO_EXPORT = join(DEMO, 'cur-lens-demo')
const STARTUP_RUNS = 5

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
  /** The same command again right away: a persistent cache would make it warm. */
  secondMs: number
  rawMs: number
  check: string
}

function node(args: string[]): string {
  return execFileSync(process.execPath, args, {
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

/** Each question once on raw DuckDB, then twice through the CLI, one fresh process each. */
export async function cliFigures(exportDir: string): Promise<CliFigure[]> {
  const figures: CliFigure[] = []
  for (const question of CLI_QUESTIONS) {
    const raw = await askRaw(question, exportDir)
    const first = await ask(question, [CLI, ...question.cli(exportDir)])
    const second = await ask(question, [CLI, ...question.cli(exportDir)])
    const checks = new Set([agreement(first, raw), agreement(second, raw)])
    figures.push({
      name: question.name,
      firstMs: first.ms,
      secondMs: second.ms,
      rawMs: raw.ms,
      check: [...checks].join(' / '),
    })
  }
  return figures
}
