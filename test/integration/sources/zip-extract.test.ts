import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS } from '../../../core/sources/limits.js'
import { extractCsvEntries } from '../../../core/sources/zip-extract.js'
import { deflateEntry, zipArchive } from './hostile-files.js'

let dir: string
let target: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-zip-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function zipOf(name: string, entries: Awaited<ReturnType<typeof deflateEntry>>[]) {
  const path = join(dir, name)
  await writeFile(path, zipArchive(entries))
  target = join(dir, `${name}.out`)
  await mkdir(target)
  return path
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise
  } catch (e) {
    return e as { code: string; message: string }
  }
  throw new Error('expected the extraction to fail')
}

describe('extracting a zipped export', () => {
  it('writes its CSV entries under names of our own and skips other entries', async () => {
    const path = await zipOf('ok.zip', [
      await deflateEntry('report/part-1.csv', 'a,b\n1,2\n'),
      await deflateEntry('report/readme.txt', 'hello'),
    ])
    const entries = await extractCsvEntries(path, target, DEFAULT_LIMITS)
    expect(entries.map((e) => [e.name, e.bytes])).toEqual([['report/part-1.csv', 8]])
    expect(await readdir(target)).toEqual(['entry-00001.csv'])
    expect(await readFile(entries[0].path, 'utf8')).toBe('a,b\n1,2\n')
  })

  it('refuses an archive with an entry that climbs out of the folder', async () => {
    const names = ['../x.csv', 'a/../../x.csv', '/etc/x.csv', 'a\\..\\x.csv']
    for (const [i, name] of names.entries()) {
      const path = await zipOf(`slip-${i}.zip`, [await deflateEntry(name, 'a\n1\n')])
      const error = await failure(extractCsvEntries(path, target, DEFAULT_LIMITS))
      expect(error.code, name).toBe('UNSAFE_ARCHIVE')
      expect(error.message).toContain(path)
      expect(await readdir(target)).toEqual([])
    }
  })

  it('stops a zip bomb at the ratio cap', async () => {
    const path = await zipOf('bomb.zip', [await deflateEntry('bomb.csv', 'a\n', 300 * 1024 * 1024)])
    const error = await failure(extractCsvEntries(path, target, DEFAULT_LIMITS))
    expect(error.code).toBe('FILE_TOO_LARGE')
    expect(error.message).toContain(path)
  })

  it('refuses more entries than the cap', async () => {
    const entry = await deflateEntry('x.csv', 'a\n1\n')
    const path = await zipOf(
      'many.zip',
      Array.from({ length: 5 }, (_, i) => ({ ...entry, name: `x${i}.csv` })),
    )
    const error = await failure(
      extractCsvEntries(path, target, { ...DEFAULT_LIMITS, maxZipEntries: 4 }),
    )
    expect(error.code).toBe('FILE_TOO_LARGE')
  })

  it('reports bytes that are not a zip archive as FILE_CORRUPT', async () => {
    const path = join(dir, 'fake.zip')
    await writeFile(path, Buffer.from('PK\u0003\u0004 but nothing else'))
    const error = await failure(extractCsvEntries(path, dir, DEFAULT_LIMITS))
    expect(error.code).toBe('FILE_CORRUPT')
  })
})
