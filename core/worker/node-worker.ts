// Starts the engine process as a Node child (CLI, local web mode, tests), with a minimal
// environment: DuckDB reads proxy settings from variables such as HTTP_PROXY.
import { fork } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { WorkerHandle } from './messages.js'

const DEFAULT_ENTRY = fileURLToPath(new URL('./engine-main.ts', import.meta.url))
// Absolute, so the child finds tsx whatever folder the user runs the CLI from.
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

export function spawnNodeWorker(entry: string = DEFAULT_ENTRY): WorkerHandle {
  const child = fork(entry, [], {
    execArgv: ['--import', TSX_LOADER],
    env: minimalEnv(),
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  return {
    send: (message) => child.send(message),
    onMessage: (listener) => child.on('message', listener as (m: unknown) => void),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => child.kill('SIGKILL'),
  }
}

function minimalEnv(): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'TEMP', 'TMP', 'LANG', 'NODE_ENV', 'CURLENS_RESOURCES']
  return Object.fromEntries(keep.filter((k) => process.env[k]).map((k) => [k, process.env[k]]))
}
