import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { withBuildLock } from '../../../cli/background-cache.js'

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'cur-lens-lock-'))
})
afterEach(() => rm(root, { recursive: true, force: true }))

describe('the background build lock', () => {
  it('lets one build of an export run at a time, and frees it after', async () => {
    const order: string[] = []
    let release = () => {}
    const first = withBuildLock(root, ['/b', '/a'], async () => {
      order.push('first')
      await new Promise<void>((resolve) => (release = resolve))
    })
    await expect.poll(() => order).toEqual(['first'])
    // The same export named in another order is the same build.
    const step = (name: string) => async () => void order.push(name)
    expect(await withBuildLock(root, ['/a', '/b'], step('second'))).toBe(false)
    expect(await withBuildLock(root, ['/c'], step('other export'))).toBe(true)
    release()
    expect(await first).toBe(true)
    expect(await withBuildLock(root, ['/a', '/b'], step('after'))).toBe(true)
    expect(order).toEqual(['first', 'other export', 'after'])
    expect(await readdir(join(root, 'locks'))).toEqual([])
  })

  it('takes over the lock of a process that is gone', async () => {
    let name = ''
    await withBuildLock(root, ['/a'], async () => {
      ;[name] = await readdir(join(root, 'locks'))
    })
    // What a killed build leaves: its lock, naming a pid no process has.
    await writeFile(join(root, 'locks', name), '2147483646')
    let ran = false
    const build = async () => {
      ran = true
    }
    expect(await withBuildLock(root, ['/a'], build)).toBe(true)
    expect(ran).toBe(true)
  })
})
