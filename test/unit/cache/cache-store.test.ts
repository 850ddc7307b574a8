import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openCacheStore } from '../../../core/cache/cache-store.js'

let root: string
const KEY_A = 'a'.repeat(32)
const KEY_B = 'b'.repeat(32)
const KEY_C = 'c'.repeat(32)
const about = { kind: 'rows', sources: ['/data/cur/export.parquet'] }
const bytes = (n: number) => async (folder: string) =>
  writeFile(join(folder, 'payload.bin'), Buffer.alloc(n))

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'cur-lens-cache-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('the persistent cache store', () => {
  it('builds an entry once and finds it with its size and sources', async () => {
    const store = openCacheStore(root)
    let builds = 0
    const build = async (folder: string) => {
      builds++
      await bytes(1000)(folder)
    }
    const created = await store.create(KEY_A, about, build)
    const again = await store.create(KEY_A, about, build)
    expect(builds).toBe(1)
    expect(again.directory).toBe(created.directory)
    const found = await store.find(KEY_A)
    expect(found).toMatchObject({ key: KEY_A, kind: 'rows', sources: about.sources })
    expect(found!.bytes).toBeGreaterThanOrEqual(1000)
    expect(await readdir(found!.directory)).toContain('payload.bin')
    expect(await store.find(KEY_B)).toBeNull()
  })

  it('leaves nothing behind when a build fails', async () => {
    const store = openCacheStore(root)
    await expect(
      store.create(KEY_A, about, async (folder) => {
        await bytes(10)(folder)
        throw new Error('disk full')
      }),
    ).rejects.toThrow('disk full')
    expect(await store.find(KEY_A)).toBeNull()
    expect(await readdir(join(root, 'building'))).toEqual([])
  })

  it('discards an entry it cannot read or of another format, instead of trusting it', async () => {
    const store = openCacheStore(root)
    await store.create(KEY_A, about, bytes(10))
    await store.create(KEY_B, about, bytes(10))
    await writeFile(join(root, 'entries', KEY_A, 'entry.json'), '{ not json')
    await writeFile(
      join(root, 'entries', KEY_B, 'entry.json'),
      JSON.stringify({ format: 999, key: KEY_B, kind: 'rows', sources: [] }),
    )
    expect(await store.find(KEY_A)).toBeNull()
    expect(await store.find(KEY_B)).toBeNull()
    expect(await readdir(join(root, 'entries'))).toEqual([])
  })

  it('evicts the least recently used entries once the total passes the cap', async () => {
    const store = openCacheStore(root, 2500)
    await store.create(KEY_A, about, bytes(1000))
    await store.create(KEY_B, about, bytes(1000))
    const old = new Date(Date.now() - 60_000)
    await utimes(join(root, 'entries', KEY_B, 'used'), old, old)
    await store.create(KEY_C, about, bytes(1000))
    expect((await store.list()).map((e) => e.key).sort()).toEqual([KEY_A, KEY_C])
  })

  it('keeps an entry bigger than the cap on its own, the one just built', async () => {
    const store = openCacheStore(root, 100)
    await store.create(KEY_A, about, bytes(1000))
    expect((await store.list()).map((e) => e.key)).toEqual([KEY_A])
  })

  it('clears every entry and says how much it freed', async () => {
    const store = openCacheStore(root)
    await store.create(KEY_A, about, bytes(1000))
    await store.create(KEY_B, about, bytes(2000))
    expect(await store.clear()).toBeGreaterThanOrEqual(3000)
    expect(await store.list()).toEqual([])
  })

  it('removes a build its process left behind when it died', async () => {
    await mkdir(join(root, 'building', `${KEY_A}.999999999.0123abcd`), { recursive: true })
    const store = openCacheStore(root)
    await store.create(KEY_B, about, bytes(10))
    expect(await readdir(join(root, 'building'))).toEqual([])
  })

  it('refuses a key that could name a path', async () => {
    const store = openCacheStore(root)
    await expect(store.create('../escape', about, bytes(1))).rejects.toThrow(/Not a cache key/)
    expect(await store.find('../escape')).toBeNull()
  })
})
