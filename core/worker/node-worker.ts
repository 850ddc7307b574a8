// Starts the engine process as a Node child (CLI, local web mode, tests), with a minimal
// environment (engine-env.ts). The engine runs as
// built JavaScript (scripts/cli-build.js); a TypeScript entry (a test's fixture engine) runs
// through tsx.
import { fork } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { engineEnv } from './engine-env.js'
import type { WorkerHandle } from './messages.js'

// This module runs from core/worker/ (tests, the bench) or bundled into out/cli/main.js (the
// CLI): both two folders below the project root.
const PROJECT_ROOT = new URL('../../', import.meta.url)
const BUILT_ENTRY = fileURLToPath(new URL('out/cli/engine-main.js', PROJECT_ROOT))
// The bundled engine cannot find the demo export from its own path, so it is told, as Electron
// main tells its utilityProcess.
const RESOURCES = fileURLToPath(new URL('resources', PROJECT_ROOT))

export function spawnNodeWorker(entry: string = BUILT_ENTRY): WorkerHandle {
  const child = fork(entry, [], {
    execArgv: entry.endsWith('.ts') ? ['--import', tsxLoader()] : [],
    env: { CURLENS_RESOURCES: RESOURCES, ...engineEnv(process.env) },
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

/** Absolute, so the child finds tsx whatever folder it was started from. */
function tsxLoader(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
}
