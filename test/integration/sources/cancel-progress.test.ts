// Long CSV conversions report monotonic progress and can be cancelled: the open rejects with
// CANCELLED soon after the signal, and the next open works.
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ProgressEvent } from '../../../core/api.js'
import { CurLensError } from '../../../core/errors/curlens-error.js'
import type { Dataset } from '../../../core/sources/dataset.js'
import { openDataset } from '../../../core/sources/index.js'

const HEADER = [
  'bill_billing_period_start_date',
  'line_item_usage_start_date',
  'line_item_usage_account_id',
  'line_item_line_item_type',
  'line_item_product_code',
  'line_item_usage_type',
  'line_item_line_item_description',
  'line_item_unblended_cost',
  'pricing_public_on_demand_cost',
  'product',
  'tags',
]
const ROWS = 400_000

let dir: string
let big: string
let small: string
let dataset: Dataset | undefined

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cur-lens-cancel-'))
  big = join(dir, 'big-00001.csv')
  small = join(dir, 'small-00001.csv')
  const out = createWriteStream(big)
  out.write(HEADER.join(',') + '\n')
  for (let i = 0; i < ROWS; i++) {
    const line = `2026-07-01T00:00:00.000Z,2026-07-${String((i % 28) + 1).padStart(2, '0')}T00:00:00.000Z,0${
      100000000000 + (i % 9)
    },Usage,AmazonEC2,BoxUsage:t3.micro,"row ${i}, with a comma",${(i % 1000) / 1000},0.0116,"{""servicename"":""Amazon Elastic Compute Cloud""}","{""iamPrincipal/team"":""t${i % 7}""}"\n`
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
  }
  await new Promise<void>((resolve) => out.end(() => resolve()))
  await writeFile(
    small,
    `${HEADER.join(',')}\n2026-07-01T00:00:00.000Z,,012345678901,Usage,AmazonEC2,x,y,1.5,1.5,{},{}\n`,
  )
}, 120_000)

afterEach(async () => {
  await dataset?.close()
  dataset = undefined
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('opening a large CSV export', () => {
  it('reports checking and converting progress that never goes backwards', async () => {
    const events: Omit<ProgressEvent, 'jobId'>[] = []
    dataset = await openDataset([big], { onProgress: (e) => events.push(e) })
    expect(dataset.info.rows).toBe(ROWS)
    for (const phase of ['checking', 'converting'] as const) {
      // -1: the part is checked and DuckDB is still converting it (unknown, not a step back).
      const percentages = events
        .filter((e) => e.phase === phase && e.percentage !== -1)
        .map((e) => e.percentage)
      // Checking reads only the header now (the whole file is scanned during the conversion).
      expect(percentages.length, phase).toBeGreaterThan(phase === 'converting' ? 2 : 0)
      expect(percentages, phase).toEqual([...percentages].sort((a, b) => a - b))
      expect(percentages.at(-1), phase).toBe(100)
      expect(events.filter((e) => e.phase === phase).every((e) => e.file === big)).toBe(true)
    }
    const converting = events.filter((e) => e.phase === 'converting').map((e) => e.percentage)
    expect(converting.some((p) => p > 0 && p < 100)).toBe(true)
  })

  it('stops soon after a cancel during the conversion, and the next open works', async () => {
    const controller = new AbortController()
    let abortedAt = 0
    const opening = openDataset([big], {
      signal: controller.signal,
      onProgress: (e) => {
        if (e.phase === 'converting' && e.percentage > 0 && !abortedAt) {
          abortedAt = Date.now()
          controller.abort()
        }
      },
    })
    const error = await opening.catch((e: unknown) => e)
    expect(abortedAt).toBeGreaterThan(0)
    expect(Date.now() - abortedAt).toBeLessThan(2000)
    expect(error).toBeInstanceOf(CurLensError)
    expect((error as CurLensError).code).toBe('CANCELLED')
    dataset = await openDataset([small])
    expect(dataset.info.rows).toBe(1)
  })

  it('stops when cancelled before it starts', async () => {
    const controller = new AbortController()
    controller.abort()
    const error = await openDataset([big], { signal: controller.signal }).catch((e: unknown) => e)
    expect((error as CurLensError).code).toBe('CANCELLED')
  })
})
