// `cur-lens serve [path...] [--port N] [--no-open]`: the app in the browser. The engine runs in its
// own process as for every command; the server binds 127.0.0.1 only and prints a URL carrying a
// per-launch token. Given paths are opened first, so the UI starts on the overview. Runs until
// Ctrl+C (SIGINT) or SIGTERM.
import { fileURLToPath } from 'node:url'
import type { ApiEvents, CurLensApi } from '../../core/api.js'
import { serveApi } from '../../core/bridge/server.js'
import { createEngineHost } from '../../core/worker/engine-host.js'
import { spawnNodeWorker } from '../../core/worker/node-worker.js'
import { UsageError, parseArguments, runCommand, type Arguments } from '../arguments.js'
import { reportError } from '../open-api.js'
import { openBrowser } from '../web/open-browser.js'
import { ensureRendererBuild } from '../web/renderer-build.js'
import { startWebServer, type WebServer } from '../web/web-server.js'

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url))

const USAGE = `Usage: cur-lens serve [path...] [--port N] [--no-open]

Serves CUR Lens to your browser on 127.0.0.1 only, with a per-launch token in the URL.
  path...    cost export files or folders to open first
  --port N   listen on port N (default: a random free port)
  --no-open  print the URL without opening a browser
`

const SERVE = {
  name: 'serve',
  usage: USAGE,
  options: { port: { type: 'string' }, 'no-open': { type: 'boolean' } },
} as const

interface ServeArgs {
  paths: string[]
  port: number
  open: boolean
}

function readServeArgs({ values, positionals }: Arguments<typeof SERVE.options>): ServeArgs {
  const port = values.port ?? '0'
  if (!/^\d+$/.test(port) || Number(port) > 65535) {
    throw new UsageError(`--port needs a number from 0 to 65535, not ${port}.`)
  }
  return { paths: positionals, port: Number(port), open: !values['no-open'] }
}

/** The arguments of `serve`, or what is wrong with them. */
export function parseServeArgs(argv: string[]): ServeArgs | string {
  try {
    return readServeArgs(parseArguments(SERVE, argv))
  } catch (e) {
    if (e instanceof UsageError) return e.message
    throw e
  }
}

export function run(argv: string[]): Promise<number> {
  return runCommand(SERVE, argv, readServeArgs, serve)
}

async function serve(args: ServeArgs): Promise<number> {
  let server: WebServer | undefined
  const { dispose, ...api } = createEngineHost({
    spawn: () => spawnNodeWorker(),
    onEvent: <K extends keyof ApiEvents>(event: K, payload: ApiEvents[K]) =>
      server?.broadcast(event, payload),
  })
  try {
    const staticRoot = await ensureRendererBuild({
      root: PROJECT_ROOT,
      log: (line) => process.stderr.write(`${line}\n`),
    })
    if (args.paths.length > 0) await openFirst(api, args.paths)
    server = await startWebServer({ invoke: serveApi(api), staticRoot, port: args.port })
  } catch (e) {
    dispose()
    return reportError(e)
  }
  process.stdout.write(`CUR Lens is running at ${server.url}\nPress Ctrl+C to stop.\n`)
  if (args.open) {
    openBrowser(server.url, () =>
      process.stderr.write('Could not open a browser: open the address above yourself.\n'),
    )
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve())
    process.once('SIGTERM', () => resolve())
  })
  await server.close()
  dispose()
  return 0
}

/** Opens the paths given on the command line; a failure is reported but the UI still starts. */
async function openFirst(api: Pick<CurLensApi, 'openSources'>, paths: string[]) {
  try {
    const opened = await api.openSources({ paths })
    for (const p of opened.problems)
      process.stderr.write(`warning: skipped ${p.file}: ${p.message}\n`)
  } catch (e) {
    reportError(e)
    process.stderr.write('The app starts without data: open files from its start screen.\n')
  }
}
