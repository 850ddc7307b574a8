// A dataset's private work directory lives under the system temp folder and is gone once the dataset
// is closed; one left behind by a killed engine process is removed by the next open.
import { execFile } from 'node:child_process'
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDataset } from '../../../core/sources/index.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-manifest-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('a dataset', () => {
  it('works in a private cur-lens- folder under the temp directory and removes it on close', async () => {
    const csv = join(dir, 'one-00001.csv')
    await writeFile(
      csv,
      'bill_billing_period_start_date,line_item_line_item_type,line_item_unblended_cost\n2026-07-01,Usage,1\n',
    )
    const dataset = await openDataset([csv])
    expect(dataset.workDirectory.startsWith(join(tmpdir(), 'cur-lens-'))).toBe(true)
    await access(dataset.workDirectory)
    await dataset.close()
    await expect(access(dataset.workDirectory)).rejects.toThrow()
  })
})

describe('work directories left behind', () => {
  it('are removed by the next open when their owner process is gone, and only then', async () => {
    const child = execFile(process.execPath, ['-e', ''])
    const deadPid = child.pid!
    await new Promise((resolve) => child.on('exit', resolve))
    const orphan = await mkdtemp(join(tmpdir(), 'cur-lens-'))
    await writeFile(join(orphan, '.owner'), `${deadPid}\n`)
    await writeFile(join(orphan, 'client-data.parquet'), 'x')
    const alive = await mkdtemp(join(tmpdir(), 'cur-lens-'))
    await writeFile(join(alive, '.owner'), `${process.pid}\n`)
    const foreign = await mkdtemp(join(tmpdir(), 'cur-lens-'))

    const csv = join(dir, 'two-00001.csv')
    await writeFile(
      csv,
      'bill_billing_period_start_date,line_item_line_item_type,line_item_unblended_cost\n2026-07-01,Usage,1\n',
    )
    const dataset = await openDataset([csv])
    await dataset.close()
    await expect(access(orphan)).rejects.toThrow()
    await access(alive)
    await access(foreign)
    await rm(alive, { recursive: true, force: true })
    await rm(foreign, { recursive: true, force: true })
  })
})
