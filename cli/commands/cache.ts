// `cur-lens cache list|clear|build|on|off`: what the cache keeps and where, removing it, building
// an export's cache now, and the setting (shared with the app) that allows keeping anything at all.
// list, clear, on and off read the cache folder directly; build opens the export in the engine.
import type { CacheStatus } from '../../core/api.js'
import { cacheLocation } from '../../core/cache/cache-location.js'
import { allowCache, cacheAllowed } from '../../core/cache/cache-settings.js'
import {
  cacheStatus,
  DEFAULT_CACHE_CAP_BYTES,
  openCacheStore,
} from '../../core/cache/cache-store.js'
import { formatBytes } from '../../core/format/number.js'
import {
  UsageError,
  parseChoice,
  parseSources,
  runCommand,
  SOURCE_OPTIONS,
  type Arguments,
  type Sources,
} from '../arguments.js'
import { withBuildLock } from '../background-cache.js'
import { withOpenApi } from '../open-api.js'

const USAGE = `Usage: cur-lens cache list [--json]
       cur-lens cache clear
       cur-lens cache build <path...>
       cur-lens cache on|off

What CUR Lens keeps so an unchanged export reopens fast (totals, converted CSV, the attributed
rows): copies of billing data, in the per-user cache folder (CUR_LENS_CACHE_DIR overrides it).
  list    where the cache is, whether it is on, and each entry: what, size, last used, files
  clear   remove everything it keeps
  build   cache an export now (other commands start this in the background after answering,
          at low priority, unless --no-cache or CUR_LENS_NO_BACKGROUND_CACHE is set)
  on|off  allow or forbid keeping anything, for the app and the CLI alike; off keeps what is
          there until "clear"
  --json  list as one JSON document
`

const CACHE = {
  name: 'cache',
  usage: USAGE,
  options: { ...SOURCE_OPTIONS, json: { type: 'boolean' }, background: { type: 'boolean' } },
} as const

const SUBCOMMANDS = ['list', 'clear', 'build', 'on', 'off'] as const

type CacheOptions =
  | { subcommand: 'list'; json: boolean }
  | { subcommand: 'clear' | 'on' | 'off' }
  | { subcommand: 'build'; sources: Sources; background: boolean }

function readOptions(args: Arguments<typeof CACHE.options>): CacheOptions {
  const [name, ...paths] = args.positionals
  if (name === undefined) throw new UsageError(`Name a subcommand: ${SUBCOMMANDS.join(', ')}.`)
  const subcommand = parseChoice('the subcommand', name, SUBCOMMANDS)
  if (subcommand === 'build') {
    return { subcommand, sources: parseSources(args, paths), background: args.values.background }
  }
  if (paths.length > 0) throw new UsageError(`cache ${subcommand} takes no paths.`)
  return subcommand === 'list' ? { subcommand, json: args.values.json } : { subcommand }
}

export function run(argv: string[]): Promise<number> {
  return runCommand(CACHE, argv, readOptions, async (options) => {
    const root = cacheLocation()
    switch (options.subcommand) {
      case 'list': {
        const status = await cacheStatus(openCacheStore(root), await cacheAllowed(root))
        process.stdout.write(
          options.json ? `${JSON.stringify(status, null, 2)}\n` : listing(status),
        )
        return 0
      }
      case 'clear': {
        const freed = await openCacheStore(root).clear()
        process.stdout.write(`Freed ${formatBytes(freed, 'en-US')} from ${root}.\n`)
        return 0
      }
      case 'on':
      case 'off':
        await allowCache(root, options.subcommand === 'on')
        process.stdout.write(
          options.subcommand === 'on'
            ? `The cache is on: exports opened from now on are kept in ${root}.\n`
            : `The cache is off: exports opened from now on keep nothing. What is kept stays until "cur-lens cache clear".\n`,
        )
        return 0
      case 'build':
        return build(root, options.sources, options.background)
    }
  })
}

/** Opens the export and waits for its attributed rows to be cached; in the background, quietly. */
async function build(root: string, sources: Sources, background: boolean): Promise<number> {
  if (!sources.cache) {
    process.stderr.write('cur-lens cache build: --no-cache leaves nothing to build.\n')
    return 2
  }
  let code = 0
  const ran = await withBuildLock(root, sources.paths, async () => {
    code = await withOpenApi(
      sources,
      async (api) => {
        const started = Date.now()
        const before = await api.rowsCache(false)
        const state = await api.rowsCache(true)
        if (background) return state === 'kept' ? 0 : 1
        if (state === 'kept') {
          const took = ((Date.now() - started) / 1000).toFixed(1)
          process.stdout.write(
            before === 'kept'
              ? 'Already cached: nothing to build.\n'
              : `Cached in ${took} s; "cur-lens cache list" shows it.\n`,
          )
          return 0
        }
        process.stderr.write(
          state === 'temporary'
            ? 'The cache is off: "cur-lens cache on" allows it.\n'
            : 'The cache could not be built; commands keep reading the files.\n',
        )
        return 1
      },
      { buildingCache: true },
    )
  })
  if (!ran && !background) {
    process.stderr.write('Another process is building this cache; try again once it is done.\n')
    return 1
  }
  return code
}

/** Where, how big, and each entry, most recently used first. */
function listing(status: CacheStatus): string {
  const bytes = (n: number) => formatBytes(n, 'en-US')
  const head = [
    `Cache folder  ${status.location}`,
    `Cache         ${status.enabled ? 'on' : 'off ("cur-lens cache on" allows it)'}`,
    `Size          ${bytes(status.bytes)} in ${status.entries.length} ${status.entries.length === 1 ? 'entry' : 'entries'} (at most ${bytes(DEFAULT_CACHE_CAP_BYTES)}; least recently used go first)`,
  ]
  if (status.entries.length === 0) return `${head.join('\n')}\n`
  const rows = [
    ['kept', 'size', 'last used (UTC)', 'files'],
    ...status.entries.map((e) => [
      e.kind,
      bytes(e.bytes),
      e.lastUsed.slice(0, 16).replace('T', ' '),
      e.sources.length > 1 ? `${e.sources[0]} (+${e.sources.length - 1} more)` : e.sources[0],
    ]),
  ]
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)))
  const table = rows.map((r) =>
    r
      .map((cell, c) => (c === 1 ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd(),
  )
  return `${head.join('\n')}\n\n${table.join('\n')}\n`
}
