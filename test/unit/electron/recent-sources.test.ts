import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../../core/files/atomic-write.js'
import { createRecentSources } from '../../../electron/main/recent-sources.js'

let dir: string
let file: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'curlens-recent-'))
  file = join(dir, 'recent.json')
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('recent sources', () => {
  it('starts empty when the file does not exist', async () => {
    expect(await createRecentSources(file, writeFileAtomic).list()).toEqual([])
  })

  it('keeps the newest first, without duplicates, at most ten', async () => {
    const recent = createRecentSources(file, writeFileAtomic)
    for (let i = 0; i < 12; i++) await recent.add([`/data/${i}`])
    await recent.add(['/data/5'])
    const list = await createRecentSources(file, writeFileAtomic).list()
    expect(list).toHaveLength(10)
    expect(list[0]).toEqual(['/data/5'])
    expect(list[1]).toEqual(['/data/11'])
    expect(list.filter((p) => p[0] === '/data/5')).toHaveLength(1)
  })

  it('reads a damaged file as empty, then replaces it', async () => {
    await writeFile(file, '{"recent": [["/a"], 42, [""]], trunc')
    const recent = createRecentSources(file, writeFileAtomic)
    expect(await recent.list()).toEqual([])
    await recent.add(['/b'])
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, recent: [['/b']] })
  })

  it('ignores entries that are not lists of paths', async () => {
    await writeFile(file, JSON.stringify({ version: 1, recent: [['/a'], 42, [''], [], ['/b', 3]] }))
    expect(await createRecentSources(file, writeFileAtomic).list()).toEqual([['/a']])
  })

  it('leaves no temporary file behind', async () => {
    await createRecentSources(file, writeFileAtomic).add(['/a'])
    expect(await readdir(dir)).toEqual(['recent.json'])
  })
})
