// `cur-lens focus` end to end on the bundled demo: the FOCUS file it writes opens in CUR Lens again
// with the demo's documented Bedrock cost by team (resources/demo/README.md).
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const CLI = fileURLToPath(new URL('../../../bin/cur-lens.js', import.meta.url))
const DEMO = fileURLToPath(new URL('../../../resources/demo', import.meta.url))

let out: string
beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'cur-lens-focus-cli-'))
})
afterEach(async () => {
  await rm(out, { recursive: true, force: true })
})

describe('cur-lens focus', () => {
  it('writes FOCUS Parquet that reports the same Bedrock cost by team', async () => {
    const file = join(out, 'demo-focus.parquet')
    const args = ['--no-cache']
    const { stdout } = await run(process.execPath, [CLI, 'focus', DEMO, '--out', file, ...args])
    expect(stdout).toMatch(/^Wrote .*demo-focus\.parquet \(FOCUS 1\.2, parquet\): \d+ rows/)
    const report = await run(process.execPath, [
      CLI,
      'report',
      file,
      '--by',
      'tag:iamPrincipal/team',
      '--filter',
      'service=Amazon Bedrock',
      '--format',
      'json',
      ...args,
    ])
    expect(JSON.parse(report.stdout)).toEqual([
      { 'tag:iamPrincipal/team': 'backend', cost: 142.3 },
      { 'tag:iamPrincipal/team': 'data', cost: 89.5 },
      { 'tag:iamPrincipal/team': 'frontend', cost: 23.1 },
      { 'tag:iamPrincipal/team': null, cost: 5.4 },
    ])
  })

  it('refuses an --out that is neither .parquet nor .csv', async () => {
    await expect(
      run(process.execPath, [CLI, 'focus', DEMO, '--out', join(out, 'x.json')]),
    ).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--out <file.parquet> or --out <file.csv>'),
    })
  })
})
