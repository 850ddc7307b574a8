// An export folder synced from S3 with its manifests: in a month that holds several deliveries, only
// the one the manifest lists loads; files it lists but the folder lacks are reported, a whole month
// left out of the download included; months and layouts no manifest speaks for load as before, with
// a warning when a month holds several deliveries.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Dataset } from '../../../core/sources/dataset.js'
import { openDataset } from '../../../core/sources/index.js'
import { summarize } from '../../../core/sources/summary.js'

const HEADER =
  'bill_billing_period_start_date,line_item_line_item_type,line_item_unblended_cost,line_item_usage_account_id\n'
const row = (month: string, cost: string) =>
  `2026-${month}-01T00:00:00.000Z,Usage,${cost},012345678901\n`
const EARLIER = '2026-05-02T01:00:00.000Z-0a1b'
const LATER = '2026-05-03T01:00:00.000Z-2c3d'

let root: string
let dataset: Dataset | undefined

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cur-lens-manifests-'))
})

afterEach(async () => {
  await dataset?.close()
  dataset = undefined
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

async function write(path: string, content: string) {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, content)
}

/** A CUR 2.0 export named `exp` under a fresh folder; `manifest` lists these S3 keys for May. */
async function exportFolder(name: string, files: Record<string, string>, listed?: string[]) {
  const folder = join(root, name, 'exp')
  for (const [path, content] of Object.entries(files)) await write(join(folder, path), content)
  if (listed) {
    const dataFiles = listed.map((key) => `s3://bucket/prefix/exp/${key}`)
    await write(
      join(folder, 'metadata', 'BILLING_PERIOD=2026-05', 'exp-Manifest.json'),
      JSON.stringify({ executionId: LATER.slice(25), columns: [], dataFiles }),
    )
  }
  return folder
}

describe('an export folder with its manifests', () => {
  it('loads only the delivery of a month that its manifest lists, and every month without one', async () => {
    const folder = await exportFolder(
      'deliveries',
      {
        [`data/BILLING_PERIOD=2026-05/${EARLIER}/exp-00001.csv`]: HEADER + row('05', '10'),
        [`data/BILLING_PERIOD=2026-05/${LATER}/exp-00001.csv`]: HEADER + row('05', '12.5'),
        'data/BILLING_PERIOD=2026-06/exp-00001.csv': HEADER + row('06', '3'),
      },
      // The manifest names the gzip file AWS wrote; the copy here was unpacked.
      [`data/BILLING_PERIOD=2026-05/${LATER}/exp-00001.csv.gz`],
    )
    dataset = await openDataset([folder])
    const summary = await summarize(dataset)
    expect(summary.totals.unblended).toBe('15.5000000000')
    expect(summary.rows).toBe(2)
    expect(summary.reconciliation.matches).toBe(true)
    const period = join(folder, 'data', 'BILLING_PERIOD=2026-05')
    expect(dataset.info.problems).toEqual([
      {
        code: 'NOT_IN_MANIFEST',
        file: period,
        message: expect.stringContaining(join(period, EARLIER, 'exp-00001.csv')),
      },
    ])
  })

  it('reports the files a manifest lists that the folder lacks, and loads the others', async () => {
    const folder = await exportFolder(
      'incomplete',
      { 'data/BILLING_PERIOD=2026-05/exp-00001.csv': HEADER + row('05', '4') },
      [
        'data/BILLING_PERIOD=2026-05/exp-00001.csv.gz',
        'data/BILLING_PERIOD=2026-05/exp-00002.csv.gz',
      ],
    )
    dataset = await openDataset([folder])
    expect((await summarize(dataset)).totals.unblended).toBe('4.0000000000')
    const [problem] = dataset.info.problems
    expect(problem.code).toBe('MISSING_FROM_EXPORT')
    expect(problem.message).toContain('lacks 1 file that its manifest')
    expect(problem.message).toContain('lists: BILLING_PERIOD=2026-05/exp-00002.csv.gz.')
  })

  it('reports a month whose manifest was downloaded but none of whose files were', async () => {
    const folder = await exportFolder(
      'month-left-out',
      { 'data/BILLING_PERIOD=2026-06/exp-00001.csv': HEADER + row('06', '3') },
      ['data/BILLING_PERIOD=2026-05/exp-00001.csv.gz'],
    )
    dataset = await openDataset([folder])
    expect((await summarize(dataset)).totals.unblended).toBe('3.0000000000')
    expect(dataset.info.problems).toEqual([
      {
        code: 'MISSING_FROM_EXPORT',
        file: join(folder, 'data', 'BILLING_PERIOD=2026-05'),
        message: expect.stringContaining('lists: BILLING_PERIOD=2026-05/exp-00001.csv.gz.'),
      },
    ])
  })

  it('reports nothing missing when the month’s files and its manifest are picked one by one', async () => {
    const folder = await exportFolder(
      'picked',
      { 'data/BILLING_PERIOD=2026-05/exp-00001.csv': HEADER + row('05', '4') },
      ['data/BILLING_PERIOD=2026-05/exp-00001.csv.gz'],
    )
    dataset = await openDataset([
      join(folder, 'data', 'BILLING_PERIOD=2026-05', 'exp-00001.csv'),
      join(folder, 'metadata', 'BILLING_PERIOD=2026-05', 'exp-Manifest.json'),
    ])
    expect((await summarize(dataset)).totals.unblended).toBe('4.0000000000')
    expect(dataset.info.problems).toEqual([])
  })

  it('loads every file when the manifest lists none of them, warning of several deliveries', async () => {
    const folder = await exportFolder(
      'unmatched',
      {
        [`data/BILLING_PERIOD=2026-05/${EARLIER}/exp-00001.csv`]: HEADER + row('05', '10'),
        [`data/BILLING_PERIOD=2026-05/${LATER}/exp-00001.csv`]: HEADER + row('05', '12.5'),
      },
      ['data/BILLING_PERIOD=2026-05/2026-05-04T01:00:00.000Z-4e5f/exp-00001.csv.gz'],
    )
    dataset = await openDataset([folder])
    expect((await summarize(dataset)).totals.unblended).toBe('22.5000000000')
    const [problem] = dataset.info.problems
    expect(problem.code).toBe('SEVERAL_DELIVERIES')
    expect(problem.message).toContain(`holds files in 2 delivery folders (${EARLIER}, ${LATER})`)
  })

  it('warns of several deliveries of a month without a manifest, and not of one', async () => {
    const folder = await exportFolder('no-manifest', {
      [`data/BILLING_PERIOD=2026-05/${EARLIER}/exp-00001.csv`]: HEADER + row('05', '10'),
      [`data/BILLING_PERIOD=2026-05/${LATER}/exp-00001.csv`]: HEADER + row('05', '12.5'),
      [`data/BILLING_PERIOD=2026-06/${LATER}/exp-00001.csv`]: HEADER + row('06', '3'),
    })
    dataset = await openDataset([folder])
    expect((await summarize(dataset)).totals.unblended).toBe('25.5000000000')
    expect(dataset.info.problems).toEqual([
      {
        code: 'SEVERAL_DELIVERIES',
        file: join(folder, 'data', 'BILLING_PERIOD=2026-05'),
        message: expect.stringContaining('it is counted 2 times'),
      },
    ])
  })

  it('prefers the period’s own manifest to the copy in a delivery’s folder (legacy CUR)', async () => {
    const folder = join(root, 'legacy', 'report', '20260501-20260601')
    const older = join(folder, 'assembly-b', 'exp-00001.csv')
    const current = join(folder, 'assembly-a', 'exp-00001.csv')
    await write(older, HEADER + row('05', '10'))
    await write(current, HEADER + row('05', '12.5'))
    const manifest = (assembly: string) =>
      JSON.stringify({ reportKeys: [`p/report/20260501-20260601/${assembly}/exp-00001.csv.gz`] })
    await write(join(folder, 'report-Manifest.json'), manifest('assembly-a'))
    await write(join(folder, 'assembly-b', 'report-Manifest.json'), manifest('assembly-b'))
    dataset = await openDataset([join(root, 'legacy')])
    expect((await summarize(dataset)).totals.unblended).toBe('12.5000000000')
    expect(dataset.info.problems.map((p) => p.code)).toEqual(['NOT_IN_MANIFEST'])
  })

  it('reports a manifest that is not JSON and loads the files without it', async () => {
    const folder = await exportFolder('broken', {
      'data/BILLING_PERIOD=2026-05/exp-00001.csv': HEADER + row('05', '4'),
      'metadata/BILLING_PERIOD=2026-05/exp-Manifest.json': '{"dataFiles": [',
    })
    dataset = await openDataset([folder])
    expect((await summarize(dataset)).totals.unblended).toBe('4.0000000000')
    const [problem] = dataset.info.problems
    expect(problem.code).toBe('FILE_CORRUPT')
    expect(problem.message).toContain('exp-Manifest.json is not a readable manifest')
  })
})
