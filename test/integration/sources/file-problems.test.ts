// What is wrong with a file, said in words, once per file: old Mac line ends (read, not refused),
// a quoted field never closed, UTF-16 text (decoded), an encrypted zip entry, and a folder where
// damaged files sit beside good ones of another format.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { CurLensError } from '../../../core/errors/curlens-error.js'
import type { Dataset } from '../../../core/sources/dataset.js'
import { openDataset } from '../../../core/sources/index.js'
import { summarize } from '../../../core/sources/summary.js'
import { generateBilling } from '../../fixtures/cur-generator.js'
import { writeCur2Parquet } from '../../fixtures/writers-cur2.js'
import { deflateEntry, zipArchive } from './hostile-files.js'

const HEADER =
  'bill_billing_period_start_date,line_item_line_item_type,line_item_unblended_cost,line_item_usage_account_id'
const row = (i: number) => `2026-07-01T00:00:00.000Z,Usage,${(i % 7) + 0.25},012345678901`
const rows = (n: number) => Array.from({ length: n }, (_, i) => row(i))
/** The unblended total of rows(n), summed here in integer quarters of a dollar. */
const total = (n: number) =>
  (rows(n).reduce((sum, r) => sum + Number(r.split(',')[2]) * 4, 0) / 4).toFixed(10)

let dir: string
let dataset: Dataset | undefined

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-file-problems-'))
})

afterEach(async () => {
  await dataset?.close()
  dataset = undefined
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function file(name: string, content: string | Buffer): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, content)
  return path
}

async function openFailure(paths: string[]): Promise<CurLensError> {
  const error = await openDataset(paths).then(
    (opened) => {
      dataset = opened
      throw new Error('expected the open to fail')
    },
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(CurLensError)
  return error as CurLensError
}

/** Opens `path` and checks it loaded rows(n) whole, account ids as text. */
async function expectLoaded(path: string, n: number) {
  dataset = await openDataset([path])
  const summary = await summarize(dataset)
  expect(dataset.info.problems).toEqual([])
  expect(summary.rows).toBe(n)
  expect(summary.totals.unblended).toBe(total(n))
  expect(summary.reconciliation.matches).toBe(true)
  const ids = await dataset.engine.query<{ id: string }>(
    'SELECT DISTINCT usage_account_id AS id FROM cur',
  )
  expect(ids).toEqual([{ id: '012345678901' }])
}

describe('a CSV with old Mac line ends (CR alone)', () => {
  it('is read whole', async () => {
    await expectLoaded(await file('mac-00001.csv', [HEADER, ...rows(199)].join('\r') + '\r'), 199)
  })

  it('is read whole from gzip too', async () => {
    const text = [HEADER, ...rows(199)].join('\r')
    await expectLoaded(await file('mac-00002.csv.gz', gzipSync(text)), 199)
  })
})

describe('a CSV whose quoted field is never closed', () => {
  it('is refused, saying so in words with the line', async () => {
    const lines = [
      HEADER,
      ...rows(199),
      '"2026-07-01T00:00:00.000Z,Usage,1,012345678901',
      ...rows(3),
    ]
    const path = await file('unclosed-00001.csv', lines.join('\n') + '\n')
    const error = await openFailure([path])
    expect(error.code).toBe('FILE_CORRUPT')
    expect(error.message).toBe(
      `${path} could not be read as CSV: line 201: a quoted field is never closed, so the rest of the file would be read as one value.`,
    )
  })
})

describe('a CSV saved as UTF-16', () => {
  const text = () => [HEADER, ...rows(50)].join('\r\n') + '\r\n'
  const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16()

  it.each([
    [
      'little-endian with a byte-order mark',
      () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text(), 'utf16le')]),
    ],
    [
      'big-endian with a byte-order mark',
      () => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text())]),
    ],
    ['little-endian without a byte-order mark', () => Buffer.from(text(), 'utf16le')],
  ])('%s is decoded and read whole', async (name, bytes) => {
    await expectLoaded(await file(`utf16-${name.length}.csv`, bytes()), 50)
  })

  it('in gzip is decoded and read whole', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text(), 'utf16le')])
    await expectLoaded(await file('utf16-00001.csv.gz', gzipSync(bytes)), 50)
  })

  it('that is not valid UTF-16 is refused, naming the encoding', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(text(), 'utf16le'),
      Buffer.from([0x00, 0xd8, 0x41, 0x00]),
    ])
    const path = await file('utf16-broken.csv', bytes)
    const error = await openFailure([path])
    expect(error.code).toBe('FILE_CORRUPT')
    expect(error.message).toContain(
      `${path} is saved as UTF-16LE text but holds bytes that are not valid UTF-16LE`,
    )
  })
})

describe('a zip with an entry marked encrypted', () => {
  it.each(['report.csv', 'report.csv.gz'])(
    'is refused, saying it is password-protected (%s)',
    async (name) => {
      const path = await file(
        `locked-${name}.zip`,
        zipArchive([await deflateEntry(name, HEADER)], true),
      )
      const error = await openFailure([path])
      expect(error.code).toBe('UNSAFE_ARCHIVE')
      expect(error.message).toBe(
        `${path} is password-protected (${name} is encrypted), so it cannot be read; unzip it with its password and open the CSV inside.`,
      )
    },
  )
})

describe('a folder where damaged files sit beside a CUR 2.0 Parquet export', () => {
  it('loads the export and lists each damaged file once, with its own problem', async () => {
    const billing = generateBilling({ seed: 5, usageRowsPerMonth: 60 })
    await writeCur2Parquet(billing, join(dir, 'beside'), 'exp')
    const whole = gzipSync([HEADER, ...rows(20_000)].join('\n'))
    const truncated = join(dir, 'beside', 'exp-partial.csv.gz')
    await writeFile(truncated, whole.subarray(0, Math.floor(whole.length / 2)))
    const unclosed = join(dir, 'beside', 'exp-unclosed.csv')
    await writeFile(unclosed, [HEADER, row(1), `"${row(2)}`, row(3)].join('\n'))
    dataset = await openDataset([join(dir, 'beside')])
    expect(dataset.info.rows).toBe(billing.expected.rows)
    expect(dataset.info.problems.map((p) => [p.file, p.code])).toEqual([
      [truncated, 'FILE_TRUNCATED'],
      [unclosed, 'FILE_CORRUPT'],
    ])
  })

  it('still refuses a good CSV beside it as another format, and lists the damaged ones apart', async () => {
    const folder = join(dir, 'beside')
    const good = join(folder, 'other-00001.csv')
    await writeFile(good, [HEADER, ...rows(3)].join('\n'))
    const error = await openFailure([folder])
    expect(error.code).toBe('MIXED_FORMATS')
    const [groups, ...others] = error.message.split('\n- ')
    expect(groups).toContain(good)
    expect(groups).not.toContain('exp-partial')
    expect(others.map((o) => o.split(' ')[0])).toEqual([
      join(folder, 'exp-partial.csv.gz'),
      join(folder, 'exp-unclosed.csv'),
    ])
  })
})
