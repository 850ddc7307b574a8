// A chargeback export made with usage logs loaded records the log files (path, bytes, SHA-256) and
// the user key, in chargeback-metadata.json and on the workbook's Metadata sheet, so a statement
// by user can be reproduced; without logs it records none. Hashes are computed here from the files.
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { exportChargeback } from '../../../core/chargeback/index.js'
import { readWorkbook } from '../../fixtures/read-workbook.js'
import { openAttributedHandDataset, type HandRows } from '../rows/hand-built-cur.js'
import { CUR_ROWS, LOG_RECORDS, createUsageLog } from './hand-built-logs.js'

let ds: HandRows
let dir: string

beforeEach(async () => {
  ds = await openAttributedHandDataset(CUR_ROWS)
  await createUsageLog(ds.engine, LOG_RECORDS)
  await ds.splitByUsageLog()
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-logs-metadata-'))
})

afterEach(async () => {
  await ds.close()
  await rm(dir, { recursive: true, force: true })
})

it('records the usage log files and the user key beside the cost files', async () => {
  const b = join(dir, 'b.json')
  const a = join(dir, 'a.csv')
  await writeFile(b, '{"requestId":"x"}\n')
  await writeFile(a, 'time,request_id\n')
  const outDir = join(dir, 'out')
  await exportChargeback(
    ds,
    { by: 'user', basis: 'unblended', outDir, xlsx: true },
    { userKey: 'team_user', files: [b, a] },
  )
  const expected = await Promise.all(
    [a, b].map(async (path) => {
      const bytes = await readFile(path)
      return {
        path,
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      }
    }),
  )
  const metadata = JSON.parse(await readFile(join(outDir, 'chargeback-metadata.json'), 'utf8'))
  expect(metadata.usageLogs).toEqual({ userKey: 'team_user', files: expected })

  const sheet = (await readWorkbook(join(outDir, 'chargeback.xlsx'))).getWorksheet('Metadata')!
  const rows = new Map<string, unknown[]>()
  sheet.eachRow((row) =>
    rows.set(
      String(row.getCell(1).value),
      [2, 3, 4].map((c) => row.getCell(c).value),
    ),
  )
  for (const f of expected) expect(rows.get(f.path)).toEqual([f.bytes, f.sha256, 'team_user'])

  await exportChargeback(ds, { by: 'user', basis: 'unblended', outDir })
  const without = JSON.parse(await readFile(join(outDir, 'chargeback-metadata.json'), 'utf8'))
  expect(without.usageLogs).toBeNull()
})
