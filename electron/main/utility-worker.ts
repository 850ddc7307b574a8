// Runs the engine in an Electron utilityProcess (SECURITY.md section 0): DuckDB parses untrusted
// files there, never in main, and a crash is an exit the engine host turns into a typed error.
// The child gets a minimal environment (core/worker/engine-env.ts).
import type { ForkOptions, UtilityProcess } from 'electron'
import { engineEnv } from '../../core/worker/engine-env.js'
import type { FromWorker, WorkerHandle } from '../../core/worker/messages.js'

type Fork = (modulePath: string, args: string[], options: ForkOptions) => UtilityProcess

export function spawnUtilityWorker(
  fork: Fork,
  entry: string,
  env: NodeJS.ProcessEnv,
): WorkerHandle {
  const child = fork(entry, [], {
    env: engineEnv(env),
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
