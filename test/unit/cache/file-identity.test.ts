import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cacheLocation } from '../../../core/cache/cache-location.js'
import { fileIdentity, identityKey } from '../../../core/cache/file-identity.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-identity-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('a source file identity', () => {
  it('changes when the bytes change, even at the same size and modification time', async () => {
    const file = join(dir, 'part.parquet')
    const when = new Date('2026-11-01T12:00:00Z')
    await writeFile(file, 'PAR1 first version PAR1')
    await utimes(file, when, when)
    const before = await fileIdentity(file)
    await writeFile(file, 'PAR1 other version PAR1')
    await utimes(file, when, when)
    const after = await fileIdentity(file)
    expect(after.bytes).toBe(before.bytes)
    expect(after.modifiedMs).toBe(before.modifiedMs)
    expect(after.fingerprint).not.toBe(before.fingerprint)
  })

  it('gives one key for the same files in any order, and another for other files or formats', async () => {
    await writeFile(join(dir, 'a.csv'), 'a')
    await writeFile(join(dir, 'b.csv'), 'b')
    const a = await fileIdentity(join(dir, 'a.csv'))
    const b = await fileIdentity(join(dir, 'b.csv'))
    expect(identityKey([a, b], 'v1')).toBe(identityKey([b, a], 'v1'))
    expect(identityKey([a], 'v1')).not.toBe(identityKey([a, b], 'v1'))
    expect(identityKey([a, b], 'v2')).not.toBe(identityKey([a, b], 'v1'))
  })
})

describe('the cache location', () => {
  it('follows CUR_LENS_CACHE_DIR on every OS, else the OS convention', () => {
    expect(cacheLocation({ CUR_LENS_CACHE_DIR: '/custom' }, 'linux', '/home/u')).toBe('/custom')
    expect(cacheLocation({ CUR_LENS_CACHE_DIR: 'D:\\c' }, 'win32', 'C:\\Users\\u')).toBe('D:\\c')
    expect(cacheLocation({}, 'linux', '/home/u')).toBe('/home/u/.cache/cur-lens')
    expect(cacheLocation({ XDG_CACHE_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/xdg/cur-lens')
    expect(cacheLocation({ XDG_CACHE_HOME: 'relative' }, 'linux', '/home/u')).toBe(
      '/home/u/.cache/cur-lens',
    )
    expect(cacheLocation({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Caches/CUR Lens')
  })
})
