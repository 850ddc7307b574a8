// Runs the engine in an Electron utilityProcess (SECURITY.md section 0): DuckDB parses untrusted
// files there, never in main, and a crash is an exit the engine host turns into a typed error.
// The child gets a minimal environment because DuckDB reads proxy settings from HTTP_PROXY & co.
import type { ForkOptions, UtilityProcess } from 'electron'
import type { FromWorker, WorkerHandle } from '../../core/worker/messages.js'

type Fork = (modulePath: string, args: string[], options: ForkOptions) => UtilityProcess

const KEPT_VARIABLES = [
  'PATH',
  'HOME',
  'TMPDIR',
  'TEMP',
  'TMP',
  'LANG',
  'SystemRoot',
  'USERPROFILE',
  'CURLENS_RESOURCES',
]

export function minimalEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    KEPT_VARIABLES.flatMap((k) => (env[k] === undefined ? [] : [[k, env[k] as string]])),
  )
}

export function spawnUtilityWorker(
  fork: Fork,
  entry: string,
  env: NodeJS.ProcessEnv,
): WorkerHandle {
  const child = fork(entry, [], {
    env: minimalEnv(env),
    serviceName: 'CUR Lens engine',
    stdio: 'inherit',
  })
  return {
    send: (message) => {
      child.postMessage(message)
    },
    onMessage: (listener) => {
      child.on('message', (message: FromWorker) => listener(message))
    },
    onExit: (listener) => {
      child.on('exit', (code) => listener(code))
    },
    kill: () => {
      child.kill()
    },
  }
}
