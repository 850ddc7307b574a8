import { DuckDBInstance } from '@duckdb/node-api'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CurLensError } from '../../../core/errors/curlens-error.js'
import { scanCsv, type CsvScanOptions } from '../../../core/sources/csv-scan.js'
import { DEFAULT_LIMITS } from '../../../core/sources/limits.js'
import { writeGzipBomb, writeTruncated } from './hostile-files.js'

const OLA_RAJI = '/work/shared/samples/ola-raji-cur2-csv/ha-project-CUR-daily-1-00001.csv'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-scan-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function scanText(
  name: string,
  text: string | Buffer,
  options: Partial<CsvScanOptions> = {},
) {
  const path = join(dir, name)
  await writeFile(path, text)
  return scanCsv(path, {
    display: path,
    gzip: false,
    totalBytes: text.length,
    limits: DEFAULT_LIMITS,
    ...options,
  })
}

async function scanGzipped(name: string, text: Buffer, options: Partial<CsvScanOptions> = {}) {
  const path = join(dir, name)
  await writeFile(path, gzipSync(text))
  return scanCsv(path, {
    display: path,
    gzip: true,
    totalBytes: 1,
    limits: DEFAULT_LIMITS,
    ...options,
  })
}

async function failure(promise: Promise<unknown>) {
  try {
    await promise
  } catch (e) {
    return e as { code: string; message: string; file?: string }
  }
  throw new Error('expected the scan to fail')
}

describe('counting CSV rows in Node', () => {
  it('does not end a row at a newline inside a quoted field', async () => {
    const scan = await scanText('quoted.csv', 'a,b\n1,"two\nlines"\n3,"x ""q"" y"\n')
    expect(scan).toEqual({ header: ['a', 'b'], dataRows: 2 })
  })

  it('handles a byte-order mark, CRLF line ends, blank lines and no final newline', async () => {
    const scan = await scanText('bom.csv', '\uFEFFa,b\r\n1,2\r\n\r\n3,4')
    expect(scan).toEqual({ header: ['a', 'b'], dataRows: 2 })
  })

  it('counts a real export exactly as papaparse does', async () => {
    const text = await readFile(OLA_RAJI, 'utf8')
    const parsed = Papa.parse(text, { skipEmptyLines: true })
    const scan = await scanCsv(OLA_RAJI, {
      display: OLA_RAJI,
      gzip: false,
      totalBytes: text.length,
      limits: DEFAULT_LIMITS,
    })
    expect(scan.dataRows).toBe(parsed.data.length - 1)
    expect(scan.header).toEqual(parsed.data[0])
  })

  it('reads the same rows through gzip', async () => {
    const text = await readFile(OLA_RAJI)
    const plain = await scanText('plain.csv', text)
    expect(await scanGzipped('export.csv.gz', text)).toEqual(plain)
  })

  it('stops at the header when the caller rejects it', async () => {
    const error = new CurLensError('NOT_A_CUR_FILE', 'not a cost export')
    const big = 'name,email\n' + 'x,y\n'.repeat(100_000)
    await expect(
      scanText('people.csv', big, {
        onHeader: () => {
          throw error
        },
      }),
    ).rejects.toBe(error)
  })
})

/** DuckDB's own exact sum of a CSV column, each value cast as the conversion casts it. */
async function duckdbSum(path: string, column: string): Promise<string> {
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  const reader = await connection.runAndReadAll(
    `SELECT CAST(coalesce(sum(CAST(nullif("${column}", '') AS DECIMAL(18,10))), 0) AS DECIMAL(38,10))
     FROM read_csv('${path}', header = true, all_varchar = true)`,
  )
  const [[total]] = reader.getRowsJson() as string[][]
  connection.closeSync()
  instance.closeSync()
  return total
}

describe('summing the cost column in Node', () => {
  const options = { sumColumn: 'Cost' }

  it('rounds and sums every value exactly as DuckDB casts it to DECIMAL(18,10)', async () => {
    const values = [
      '0.12345678905',
      '-0.12345678905',
      '0.123456789049999',
      '"2.5"',
      '',
      '+7',
      '.5',
      '5.',
      '-0.00000000005',
      '99999999.9999999999',
      '-412345.6789',
      '0.0000000001',
      '8.9E-9',
      '-9.0E-9',
      '1.25E-10',
      '1.5e-10',
      '-4.5E-11',
      '1.23456789012345E3',
      '2E2',
      '.5E1',
    ]
    const rows = Array.from({ length: 30_000 }, (_, i) => `${i},${values[i % values.length]}`)
    const text = `id,cost\r\n${rows.join('\r\n')}\r\n`
    const scan = await scanText('values.csv', text, options)
    expect(scan.sum).toBe(await duckdbSum(join(dir, 'values.csv'), 'cost'))
    expect(scan.dataRows).toBe(30_000)
  })

  it('sums a value split between two read chunks', async () => {
    const head = 'note,cost\n'
    const row = (note: string, cost: string) => `${note},${cost}\n`
    const chunk = 1024 * 1024
    const filler = 'x'.repeat(chunk - head.length - 3)
    const text = head + row(filler, '12345.6789') + row('"multi\nline, quoted"', '0.5')
    expect(text.indexOf('12345.6789')).toBeLessThan(chunk)
    expect(text.indexOf('12345.6789') + 10).toBeGreaterThan(chunk)
    const scan = await scanText('split.csv', text, options)
    expect(scan).toMatchObject({ dataRows: 2, sum: '12346.1789000000' })
  })

  it('matches DuckDB on a real export, plain and through gzip', async () => {
    const sumColumn = 'line_item_unblended_cost'
    const text = await readFile(OLA_RAJI)
    const expected = await duckdbSum(OLA_RAJI, sumColumn)
    expect((await scanGzipped('real.csv.gz', text, { sumColumn })).sum).toBe(expected)
    expect((await scanText('real.csv', text, { sumColumn })).sum).toBe(expected)
  })

  it('reads a hostile single line of quotes in linear time, and keeps no overlong value', async () => {
    const quotes = '"",'.repeat(1_500_000)
    const started = performance.now()
    const scan = await scanText('quotes.csv', `cost,x\n1,${quotes}\n${'9'.repeat(3_000_000)},y\n`, {
      sumColumn: 'cost',
    })
    expect(performance.now() - started).toBeLessThan(5_000)
    expect(scan.dataRows).toBe(2)
    expect(scan.sum).toBeUndefined()
  })

  it('gives no sum for a value that is not plain decimal text, or without the column', async () => {
    expect((await scanText('exponent.csv', 'id,cost\n1,1.5E\n', options)).sum).toBeUndefined()
    expect((await scanText('words.csv', 'id,cost\n1,n/a\n', options)).sum).toBeUndefined()
    expect(await scanText('other.csv', 'id,price\n1,2\n', options)).toEqual({
      header: ['id', 'price'],
      dataRows: 1,
    })
  })
})

describe('checking gzip in Node', () => {
  it('reports a truncated .csv.gz as FILE_TRUNCATED, naming the file', async () => {
    const whole = join(dir, 'whole.csv.gz')
    await writeFile(whole, gzipSync(await readFile(OLA_RAJI)))
    for (const fraction of [0.5, 0.999]) {
      const cut = join(dir, `cut-${fraction}.csv.gz`)
      await writeTruncated(whole, cut, fraction)
      const error = await failure(
        scanCsv(cut, { display: cut, gzip: true, totalBytes: 1, limits: DEFAULT_LIMITS }),
      )
      expect(error.code).toBe('FILE_TRUNCATED')
      expect(error.message).toContain(cut)
    }
  })

  it('reports damaged gzip data as FILE_CORRUPT', async () => {
    const bytes = gzipSync(await readFile(OLA_RAJI))
    for (let i = 100; i < 600; i++) bytes[i] ^= 0x5a
    const path = join(dir, 'damaged.csv.gz')
    await writeFile(path, bytes)
    const error = await failure(
      scanCsv(path, { display: path, gzip: true, totalBytes: 1, limits: DEFAULT_LIMITS }),
    )
    expect(error.code).toBe('FILE_CORRUPT')
    expect(error.message).toContain(path)
  })

  it('stops a decompression bomb at the ratio cap', async () => {
    const path = join(dir, 'bomb.csv.gz')
    await writeGzipBomb(path, 'line_item_unblended_cost\n', 300 * 1024 * 1024)
    const error = await failure(
      scanCsv(path, { display: path, gzip: true, totalBytes: 1, limits: DEFAULT_LIMITS }),
    )
    expect(error.code).toBe('FILE_TOO_LARGE')
    expect(error.message).toContain(path)
  })

  it('stops at the size cap', async () => {
    const path = join(dir, 'large.csv.gz')
    await writeGzipBomb(path, 'line_item_unblended_cost\n', 4 * 1024 * 1024)
    const limits = { ...DEFAULT_LIMITS, maxDecompressedBytes: 1024 * 1024 }
    const error = await failure(scanCsv(path, { display: path, gzip: true, totalBytes: 1, limits }))
    expect(error.code).toBe('FILE_TOO_LARGE')
  })
})
