import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { duckdbVersion } from '../../../electron/main/app-info.js'
import { engineEnv } from '../../../core/worker/engine-env.js'
import { spawnUtilityWorker } from '../../../electron/main/utility-worker.js'

class FakeChild extends EventEmitter {
  posted: unknown[] = []
  killed = false
  postMessage(message: unknown) {
    this.posted.push(message)
  }
  kill() {
    this.killed = true
    return true
  }
}

describe('the utilityProcess engine worker', () => {
  it('forks the engine entry as a named service with a minimal environment', () => {
    const forks: unknown[][] = []
    const child = new FakeChild()
    spawnUtilityWorker(
      ((...args: unknown[]) => {
        forks.push(args)
        return child
      }) as never,
      '/app/out/main/engine-main.js',
      {
        PATH: '/bin',
        HOME: '/home/u',
        HTTP_PROXY: 'http://proxy:3128',
        NODE_OPTIONS: '--inspect',
        CURLENS_RESOURCES: '/r',
      },
    )
    expect(forks).toEqual([
      [
        '/app/out/main/engine-main.js',
        [],
        {
          env: { PATH: '/bin', HOME: '/home/u', CURLENS_RESOURCES: '/r' },
          serviceName: 'CUR Lens engine',
          stdio: 'inherit',
        },
      ],
    ])
  })

  it('carries messages both ways, reports the exit code and kills on request', () => {
    const child = new FakeChild()
    const worker = spawnUtilityWorker((() => child) as never, 'e.js', {})
    const received: unknown[] = []
    const exits: (number | null)[] = []
    worker.onMessage((m) => received.push(m))
    worker.onExit((code) => exits.push(code))
    worker.send({ type: 'invoke', id: 1, invocation: { method: 'summary', args: [] } })
    child.emit('message', { type: 'result', id: 1, result: { ok: true, value: 2 } })
    child.emit('exit', 134)
    worker.kill()
    expect(child.posted).toEqual([
      { type: 'invoke', id: 1, invocation: { method: 'summary', args: [] } },
    ])
    expect(received).toEqual([{ type: 'result', id: 1, result: { ok: true, value: 2 } }])
    expect(exits).toEqual([134])
    expect(child.killed).toBe(true)
  })

  it('keeps proxy and Node option variables away from DuckDB', () => {
    expect(
      engineEnv({ HTTPS_PROXY: 'x', http_proxy: 'y', NODE_OPTIONS: 'z', TMPDIR: '/t' }),
    ).toEqual({ TMPDIR: '/t' })
  })
})

describe('the DuckDB version for About', () => {
  it('reads the DuckDB version from the node-api package without loading DuckDB', () => {
    expect(duckdbVersion(() => ({ version: '1.5.6-r.1' }))).toBe('1.5.6')
    expect(
      duckdbVersion(() => {
        throw new Error('missing')
      }),
    ).toBe('unknown')
  })
})
