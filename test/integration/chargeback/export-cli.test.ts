// `cur-lens export` end to end: the real CLI, its engine in a child process, on the bundled demo,
// whose Bedrock cost by team is documented in resources/demo/README.md.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readWorkbook } from '../../fixtures/read-workbook.js'

const run = promisify(execFile)
const CLI = fileURLToPath(new URL('../../../bin/cur-lens.js', import.meta.url))
const DEMO = fileURLToPath(new URL('../../../resources/demo', import.meta.url))

let out: string
beforeEach(async () => {
  out = await mkdtemp(join(tmpdir(), 'cur-lens-export-cli-'))
})
afterEach(async () => {
  await rm(out, { recursive: true, force: true })
})

describe('cur-lens export', () => {
  it('spreads the untagged Bedrock cost (5.40) by the fixed percentages given', async () => {
    const { stdout } = await run(process.execPath, [
      CLI,
      'export',
      DEMO,
      '--rules',
      join(DEMO, 'rules.json'),
      '--filter',
      'service=Amazon Bedrock',
      '--fixed',
      'unmatched:backend=50,data=50',
      '--out',
      out,
    ])
    expect(stdout).toContain('split by fixed percentages: backend 50%, data 50%')
    const summary = await readFile(join(out, 'chargeback-summary.csv'), 'utf8')
    const totals = summary
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => [line.split(',')[0], line.split(',').at(-1)])
    // backend 142.30 + 2.70, data 89.50 + 2.70, frontend 23.10 (resources/demo/README.md).
    expect(totals).toEqual([
      ['backend', '145.00'],
      ['data', '92.20'],
      ['frontend', '23.10'],
    ])
  })

  it('writes chargeback.xlsx beside the CSVs with --xlsx, a sheet per recipient', async () => {
    const { stdout } = await run(process.execPath, [
      CLI,
      'export',
      DEMO,
      '--rules',
      join(DEMO, 'rules.json'),
      '--filter',
      'service=Amazon Bedrock',
      '--xlsx',
      '--out',
      out,
    ])
    expect(stdout).toContain(join(out, 'chargeback.xlsx'))
    const workbook = await readWorkbook(join(out, 'chargeback.xlsx'))
    const summary = workbook.getWorksheet('Summary')!
    const totals = [2, 3, 4].map((r) => [
      summary.getRow(r).getCell(1).value,
      summary.getRow(r).getCell(7).value,
    ])
    // resources/demo/README.md: backend 142.30, data 89.50, frontend 23.10.
    expect(totals).toEqual([
      ['backend', 142.3],
      ['data', 89.5],
      ['frontend', 23.1],
    ])
    expect(workbook.worksheets.map((s) => s.name).slice(1, 4)).toEqual([
      'backend',
      'data',
      'frontend',
    ])
  })

  it('names statement lines by the level --lines gives, and refuses an unknown one', async () => {
    const args = [CLI, 'export', DEMO, '--by', 'tag:iamPrincipal/team', '--out', out]
    await run(process.execPath, [...args, '--per-recipient', '--lines', 'role'])
    const statement = await readFile(join(out, 'statement-backend.csv'), 'utf8')
    const [header, ...lines] = statement.replace(/^\uFEFF/, '').split('\r\n')
    expect(header).toBe(
      'recipient,period,basis,section,service,model,role,label,rule,description,amount',
    )
    // Each role line carries its readable label beside the role name.
    const roleLines = lines.filter((l) => l.includes(',line,'))
    expect(roleLines.length).toBeGreaterThan(0)
    for (const line of roleLines)
      expect(line.split(',')[7]).toMatch(/^(service role|SSO: |gateway role|AgentCore|IAM user)/)
    await expect(run(process.execPath, [...args, '--lines', 'session'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--lines is one of principal, person, role, account, none.'),
    })
  })

  it('reads (untagged) in a filter as the untagged group, as report does', async () => {
    const { stdout } = await run(process.execPath, [
      CLI,
      'export',
      DEMO,
      '--by',
      'tag:iamPrincipal/team',
      '--filter',
      'service=Amazon Bedrock',
      '--filter',
      'tag:iamPrincipal/team=(untagged)',
      '--out',
      out,
    ])
    // The untagged Bedrock cost of the demo (resources/demo/README.md), all of it unallocated.
    expect(stdout).toContain('recipients 0.00 + unallocated 5.40 = bill total 5.40: reconciles.')
  })
})
