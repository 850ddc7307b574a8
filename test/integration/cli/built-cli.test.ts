// The CLI and its engine as users start them: built JavaScript (out/cli/, built before the tests),
// in plain Node processes with no TypeScript loader.
import { formatJson } from '../../../cli/json-output.js'
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { summaryJson } from '../../../cli/commands/summary.js'
import { createApi } from '../../../core/create-api.js'
import { createEngineHost } from '../../../core/worker/engine-host.js'
import { spawnNodeWorker } from '../../../core/worker/node-worker.js'

const run = promisify(execFile)
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const BIN = `${ROOT}bin/cur-lens.js`
const BUILT_CLI = `${ROOT}out/cli/main.js`
const DEMO = `${ROOT}resources/demo`

let dispose: (() => void) | undefined

afterEach(() => {
  dispose?.()
  dispose = undefined
})

describe('the built CLI', () => {
  it('prints the version from package.json with --version or -v, and nothing else', async () => {
    const { version } = JSON.parse(await readFile(`${ROOT}package.json`, 'utf8'))
    for (const flag of ['--version', '-v']) {
      expect(await run(process.execPath, [BIN, flag])).toEqual({
        stdout: `${version}\n`,
        stderr: '',
      })
    }
  })

  it('summarizes the demo export in plain Node as the core API does in this process', async () => {
    const { stdout } = await run(process.execPath, [BUILT_CLI, 'summary', DEMO, '--json'])
    const api = createApi({ emit: () => {} })
    try {
      await api.openSources({ paths: [DEMO] })
      const models = await api.modelCoverage()
      expect(JSON.parse(stdout)).toEqual(
        JSON.parse(formatJson(summaryJson(await api.summary(), models))),
      )
    } finally {
      await api.close()
    }
  })

  it('starts the built engine, which finds the demo export beside the sources', async () => {
    const host = createEngineHost({ spawn: () => spawnNodeWorker() })
    dispose = host.dispose
    const [demo] = await host.demoPaths()
    expect(demo).toBe(DEMO)
    expect((await host.openSources({ paths: [demo] })).rows).toBeGreaterThan(0)
  })
})
