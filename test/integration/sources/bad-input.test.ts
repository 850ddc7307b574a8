// Hostile and damaged input, each made here: every case is a CurLensError with its code and a message
// naming the file, and a good file loads right after it. Several files with some bad: the good ones
// load and the bad ones are listed as problems.
import { copyFile, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Engine } from '../../../core/engine/duckdb.js'
import { CurLensError, type ErrorCode } from '../../../core/errors/curlens-error.js'
import { classifyColumns } from '../../../core/sources/classify.js'
import type { Dataset } from '../../../core/sources/dataset.js'
import { openDataset } from '../../../core/sources/index.js'
import { DEFAULT_LIMITS } from '../../../core/sources/limits.js'
import { convertCsvParts } from '../../../core/sources/load-csv.js'
import { summarize } from '../../../core/sources/summary.js'
import { deflateEntry, writeGzipBomb, writeTruncated, zipArchive } from './hostile-files.js'

const HEADER =
  'bill_billing_period_start_date,line_item_line_item_type,line_item_unblended_cost,line_item_usage_account_id\n'
const ROW = '2026-07-01T00:00:00.000Z,Usage,1.5,012345678901\n'
const GOOD_CSV = HEADER + ROW + ROW.replace('1.5', '2.25')
const PARQUET_PART =
  '/work/shared/samples/saas-workshop-lab7-cur1-parquet/20221011_211731_00058_ff5sr_094c8542-2cfd-459d-96e1-10e3bc2ac7a6'
const MB = 1024 * 1024

let dir: string
let good: string
let dataset: Dataset | undefined

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-hostile-'))
  good = join(dir, 'good-00001.csv')
  await writeFile(good, GOOD_CSV)
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

/** Opening `paths` fails with `code` and a message naming `named`; then a good file loads. */
async function expectFailure(paths: string[], code: ErrorCode, named: string) {
  const error = await openDataset(paths).then(
    (opened) => {
      dataset = opened
      throw new Error(`expected ${code}, but the files loaded`)
    },
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(CurLensError)
  expect((error as CurLensError).code).toBe(code)
  expect((error as CurLensError).message).toContain(named)
  dataset = await openDataset([good])
  expect((await summarize(dataset)).totals.unblended).toBe('3.7500000000')
  return error as CurLensError
}

describe('a bad file', () => {
  it('that is empty is FILE_EMPTY', async () => {
    const path = await file('empty.csv', '')
    await expectFailure([path], 'FILE_EMPTY', path)
  })

  it('that is a truncated Parquet file is FILE_CORRUPT', async () => {
    const path = join(dir, 'truncated.parquet')
    await writeTruncated(PARQUET_PART, path, 0.6)
    await expectFailure([path], 'FILE_CORRUPT', path)
  })

  it('that is random bytes named .parquet is FILE_CORRUPT', async () => {
    const bytes = Buffer.alloc(4096)
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 251
    const path = await file('random.parquet', bytes)
    await expectFailure([path], 'FILE_CORRUPT', path)
  })

  it('that has Parquet magic at both ends and garbage between is FILE_CORRUPT', async () => {
    const bytes = Buffer.alloc(4096, 0x41)
    bytes.write('PAR1', 0)
    bytes.write('PAR1', bytes.length - 4)
    const path = await file('lying.parquet', bytes)
    await expectFailure([path], 'FILE_CORRUPT', path)
  })

  it('that is a CSV but not a cost export is NOT_A_CUR_FILE', async () => {
    const path = await file('people.csv', 'name,email\nAda,ada@example.com\n')
    await expectFailure([path], 'NOT_A_CUR_FILE', path)
  })

  it('that lacks the unblended cost is MISSING_COLUMN, naming the column', async () => {
    const path = await file(
      'no-cost.csv',
      'bill_billing_period_start_date,line_item_line_item_type\n2026-07-01,Usage\n',
    )
    const error = await expectFailure([path], 'MISSING_COLUMN', path)
    expect(error.message).toContain('line_item_unblended_cost')
  })

  it('that is named .csv.gz but is not gzip is FILE_CORRUPT', async () => {
    const path = await file('plain.csv.gz', GOOD_CSV)
    await expectFailure([path], 'FILE_CORRUPT', path)
  })

  it('that is a truncated .csv.gz is FILE_TRUNCATED', async () => {
    const rows = HEADER + ROW.repeat(20_000)
    const whole = await file('whole.csv.gz', gzipSync(rows))
    const path = join(dir, 'cut.csv.gz')
    await writeTruncated(whole, path, 0.5)
    await expectFailure([path], 'FILE_TRUNCATED', path)
  })

  it('that is a truncated .csv.gz is FILE_TRUNCATED even when DuckDB fails on its cut row first', async () => {
    const whole = await file('whole-2.csv.gz', gzipSync(HEADER + ROW.repeat(20_000)))
    const path = join(dir, 'cut-2.csv.gz')
    await writeTruncated(whole, path, 0.5)
    const cutRow =
      'Invalid Input Error: CSV Error on Line: 9000\nOriginal Line: 2026-07\nExpected Number of Columns: 4 Found: 1'
    const failing: Engine = {
      query: () => Promise.reject(new Error(cutRow)),
      streamSelect: () => Promise.reject(new Error(cutRow)),
      close: () => Promise.resolve(),
    }
    const header = HEADER.trim().split(',')
    const part = {
      file: path,
      readPath: path,
      bytes: (await stat(path)).size,
      shape: classifyColumns(path, header, 'csv'),
      gzip: true,
      columns: header.map((name) => ({ name, type: 'VARCHAR' })),
      period: { kind: 'column' as const },
      unreadColumns: [],
    }
    const options = { engine: failing, workDirectory: dir, limits: DEFAULT_LIMITS }
    const result = await convertCsvParts([part], options)
    expect(result.problems.map((p) => p.code)).toEqual(['FILE_TRUNCATED'])
  })

  it('that is a gzip bomb is FILE_TOO_LARGE', async () => {
    const path = join(dir, 'bomb.csv.gz')
    await writeGzipBomb(path, HEADER, 300 * MB)
    await expectFailure([path], 'FILE_TOO_LARGE', path)
  })

  it('that is a zip bomb is FILE_TOO_LARGE', async () => {
    const path = await file(
      'bomb.csv.zip',
      zipArchive([await deflateEntry('bomb.csv', HEADER, 300 * MB)]),
    )
    await expectFailure([path], 'FILE_TOO_LARGE', path)
  })

  it('that is a zip with a ../ entry is UNSAFE_ARCHIVE', async () => {
    const path = await file(
      'slip.csv.zip',
      zipArchive([await deflateEntry('../evil.csv', GOOD_CSV)]),
    )
    await expectFailure([path], 'UNSAFE_ARCHIVE', path)
  })

  it('that has a row with more columns than its header is FILE_CORRUPT', async () => {
    const path = await file('ragged.csv', GOOD_CSV + '2026-07-01T00:00:00.000Z,Usage,1,2,3,4\n')
    const error = await expectFailure([path], 'FILE_CORRUPT', path)
    expect(error.message).toContain(
      "could not be read as CSV: line 4: the row does not have the header's 4 fields.",
    )
  })

  it('that has text where a cost belongs is FILE_CORRUPT', async () => {
    const path = await file('text-cost.csv', HEADER + ROW.replace('1.5', 'lots'))
    const error = await expectFailure([path], 'FILE_CORRUPT', path)
    expect(error.message).toContain(
      'could not be read as CSV: line 2: "lots" in column line_item_unblended_cost is not a number.',
    )
  })

  it.each([
    ['malformed JSON', '"{""team"": ""web"""'],
    ['a JSON array', '"[""team""]"'],
    ['plain text', 'EC2'],
  ])(
    'that has %s where a tag map belongs loads it as no tags and lists the row',
    async (_, tags) => {
      const team = '"{""iamPrincipal/team"": ""data""}"'
      const rows = [
        ROW.replace('\n', `,${team}\n`),
        ROW.replace('1.5', '2').replace('\n', `,${tags}\n`),
      ]
      const path = await file('bad-tags.csv', HEADER.replace('\n', ',tags\n') + rows.join(''))
      dataset = await openDataset([path])
      const summary = await summarize(dataset)
      expect(summary.totals.unblended).toBe('3.5000000000')
      expect(summary.reconciliation.matches).toBe(true)
      expect(dataset.info.problems).toEqual([
        {
          file: path,
          code: 'MAP_NOT_JSON',
          message: expect.stringContaining('has 1 row whose tags'),
        },
      ])
      const teams = await dataset.engine.query<{ team: string | null; cost: string }>(
        `SELECT tags['iamPrincipal/team'] AS team, CAST(sum(unblended_cost) AS VARCHAR) AS cost
       FROM cur GROUP BY 1 ORDER BY 1 NULLS LAST`,
      )
      expect(teams).toEqual([
        { team: 'data', cost: '1.5000000000' },
        { team: null, cost: '2.0000000000' },
      ])
    },
  )
})

describe('a bad path', () => {
  it('that does not exist is FILE_NOT_FOUND', async () => {
    const path = join(dir, 'nowhere', 'cur.parquet')
    await expectFailure([path], 'FILE_NOT_FOUND', path)
  })

  it('to a folder without cost files is NO_COST_FILES', async () => {
    const folder = join(dir, 'docs')
    await mkdir(folder)
    await writeFile(join(folder, 'README.md'), '# nothing here')
    await writeFile(join(folder, 'LICENSE'), 'MIT')
    await expectFailure([folder], 'NO_COST_FILES', folder)
  })
})

describe('awkward but valid input', () => {
  it('loads a CSV and a Parquet file whose paths contain a single quote', async () => {
    const folder = join(dir, "it's; DROP TABLE cur; --")
    await mkdir(folder)
    const csv = join(folder, "o'brien-00001.csv")
    await writeFile(csv, GOOD_CSV)
    dataset = await openDataset([csv])
    expect((await summarize(dataset)).reconciliation.matches).toBe(true)
    await dataset.close()
    const parquet = join(folder, "o'brien-part")
    await copyFile(PARQUET_PART, parquet)
    dataset = await openDataset([parquet])
    const summary = await summarize(dataset)
    expect(summary.rows).toBe(153)
    expect(summary.reconciliation.matches).toBe(true)
    const [{ source }] = await dataset.engine.query<{ source: string }>(
      'SELECT DISTINCT source_file AS source FROM cur',
    )
    expect(source).toBe(parquet)
  })

  it('loads a CSV with a byte-order mark and CRLF line ends', async () => {
    const path = await file('windows-00001.csv', '\uFEFF' + GOOD_CSV.replaceAll('\n', '\r\n'))
    dataset = await openDataset([path])
    const summary = await summarize(dataset)
    expect(summary.rows).toBe(2)
    expect(summary.totals.unblended).toBe('3.7500000000')
    const ids = await dataset.engine.query<{ id: string }>(
      'SELECT DISTINCT usage_account_id AS id FROM cur',
    )
    expect(ids).toEqual([{ id: '012345678901' }])
  })

  it('loads a CSV whose header repeats a name in other letter case and leaves one blank', async () => {
    const extra = (text: string) =>
      text.replaceAll('\n', `,${text === HEADER ? 'Note,note,' : 'a,b,c'}\n`)
    const path = await file('odd-header.csv', extra(HEADER) + extra(ROW) + extra(ROW))
    dataset = await openDataset([path])
    const summary = await summarize(dataset)
    expect(summary.rows).toBe(2)
    expect(summary.totals.unblended).toBe('3.0000000000')
  })
})

describe('reconciling CSV files', () => {
  const knownTotals = async () =>
    (
      await dataset!.engine.query<{ total: string | null }>(
        'SELECT CAST(known_total AS VARCHAR) AS total FROM cur_source_files',
      )
    ).map((r) => r.total)

  it('uses the total Node summed while DuckDB converted the file', async () => {
    dataset = await openDataset([await file('summed-00001.csv', GOOD_CSV)])
    expect(await knownTotals()).toEqual(['3.7500000000'])
    expect((await summarize(dataset)).reconciliation).toMatchObject({
      sourceUnblended: '3.7500000000',
      matches: true,
    })
  })

  it('lets DuckDB read the cost column when Node cannot sum a value (padded with spaces)', async () => {
    dataset = await openDataset([await file('padded-00001.csv', GOOD_CSV.replace('1.5', ' 1.5 '))])
    expect(await knownTotals()).toEqual([null])
    expect((await summarize(dataset)).reconciliation).toMatchObject({
      sourceUnblended: '3.7500000000',
      matches: true,
    })
  })
})

describe('several files, some bad', () => {
  it('loads the good ones and lists the bad ones', async () => {
    const folder = join(dir, 'mixed-health')
    await mkdir(folder)
    await writeFile(join(folder, 'a-00001.csv'), GOOD_CSV)
    await writeFile(join(folder, 'a-00002.csv.gz'), gzipSync(GOOD_CSV))
    await writeFile(join(folder, 'a-00003.csv'), '')
    await writeFile(join(folder, 'a-00004.csv.gz'), GOOD_CSV)
    const missing = join(dir, 'missing.csv')
    dataset = await openDataset([folder, missing])
    expect(dataset.info.files.map((f) => f.path)).toEqual([
      join(folder, 'a-00001.csv'),
      join(folder, 'a-00002.csv.gz'),
    ])
    expect(dataset.info.problems.map((p) => [p.file, p.code])).toEqual([
      [missing, 'FILE_NOT_FOUND'],
      [join(folder, 'a-00003.csv'), 'FILE_EMPTY'],
      [join(folder, 'a-00004.csv.gz'), 'FILE_CORRUPT'],
    ])
    expect((await summarize(dataset)).totals.unblended).toBe('7.5000000000')
  })

  it('throws when none of them loads, listing each', async () => {
    const a = await file('none-a.csv', '')
    const b = await file('none-b.csv', 'name\nx\n')
    const error = await openDataset([a, b]).catch((e: CurLensError) => e)
    expect(error).toBeInstanceOf(CurLensError)
    expect((error as CurLensError).message).toContain(a)
    expect((error as CurLensError).message).toContain(b)
  })
})
