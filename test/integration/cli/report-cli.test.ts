// `cur-lens report` end to end: the real CLI, its engine in a child process, on the bundled demo.
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { readWorkbook } from '../../fixtures/read-workbook.js'

const run = promisify(execFile)
const CLI = fileURLToPath(new URL('../../../bin/cur-lens.js', import.meta.url))
const DEMO = fileURLToPath(new URL('../../../resources/demo', import.meta.url))

async function report(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, 'report', ...args])
    return { code: 0, stdout, stderr }
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

describe('cur-lens report', () => {
  it('prints one JSON object per team with the cost as a number, by descending cost', async () => {
    const { code, stdout } = await report(
      DEMO,
      '--by',
      'tag:iamPrincipal/team',
      '--filter',
      'service=Amazon Bedrock',
      '--format',
      'json',
    )
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toEqual([
      { 'tag:iamPrincipal/team': 'backend', cost: 142.3 },
      { 'tag:iamPrincipal/team': 'data', cost: 89.5 },
      { 'tag:iamPrincipal/team': 'frontend', cost: 23.1 },
      { 'tag:iamPrincipal/team': null, cost: 5.4 },
    ])
  })

  it('writes the breakdown as a workbook with --format xlsx --out, and needs --out for it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cur-lens-report-xlsx-'))
    try {
      const out = join(dir, 'teams.xlsx')
      const args = [DEMO, '--by', 'tag:iamPrincipal/team', '--filter', 'service=Amazon Bedrock']
      const { code, stdout } = await report(...args, '--format', 'xlsx', '--out', out)
      expect(code).toBe(0)
      expect(stdout).toBe(`Wrote ${out}\n`)
      const sheet = (await readWorkbook(out)).getWorksheet('Breakdown')!
      const cells = [1, 2, 3, 4, 5, 7, 8].map((r) => [
        sheet.getRow(r).getCell(1).value,
        sheet.getRow(r).getCell(2).value,
      ])
      // resources/demo/README.md
      expect(cells).toEqual([
        ['tag:iamPrincipal/team', 'cost'],
        ['backend', 142.3],
        ['data', 89.5],
        ['frontend', 23.1],
        ['(untagged)', 5.4],
        ['total', 'cost'],
        ['all groups', 260.3],
      ])
      expect(sheet.getRow(2).getCell(2).numFmt).toContain('#,##0.00')
      const missing = await report(...args, '--format', 'xlsx')
      expect(missing.code).toBe(2)
      expect(missing.stderr).toContain('--format xlsx writes a workbook: name it with --out')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('prints an aligned table with a total line', async () => {
    const { code, stdout } = await report(
      DEMO,
      '--by',
      'person',
      '--filter',
      'service=Amazon Bedrock',
      '--top',
      '3',
    )
    expect(code).toBe(0)
    const lines = stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^person\s+cost$/)
    expect(lines).toContain(lines.find((l) => /^javier@example\.com\s+67\.30$/.test(l)))
    expect(lines.some((l) => /^\(other\)\s+\d+\.\d\d$/.test(l))).toBe(true)
    expect(lines.at(-1)).toMatch(/^Total\s+260\.30$/)
    expect(new Set(lines.filter((l) => !l.startsWith('-')).map((l) => l.length)).size).toBe(1)
  })

  it('splits tokens by model and writes CSV that Excel reads as UTF-8', async () => {
    const { code, stdout } = await report(
      DEMO,
      '--by',
      'model,token-type',
      '--metric',
      'tokens',
      '--format',
      'csv',
    )
    expect(code).toBe(0)
    expect(stdout.startsWith('\uFEFFmodel,token-type,tokens\r\n')).toBe(true)
    const rows = Papa.parse<Record<string, string>>(stdout.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data
    const sonnet = rows.filter((r) => r.model === 'Claude Sonnet 4.6')
    expect(sonnet.reduce((s, r) => s + Number(r.tokens), 0)).toBe(83_178_789)
  })

  it('refuses a missing --by or an unknown dimension with a usage message', async () => {
    const missing = await report(DEMO)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/--by/)
    const unknown = await report(DEMO, '--by', 'colour')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/INVALID_QUERY.*colour/)
  })

  it('refuses a tag key the export does not have, naming the closest ones it has', async () => {
    const { code, stdout, stderr } = await report(DEMO, '--by', 'tag:iamPrincipal/Team')
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toMatch(
      /^error \[INVALID_QUERY\]: The export has no tag iamPrincipal\/Team\. Closest: tag:iamPrincipal\/team, /,
    )
  })

  it('returns every group for a --top above their number, even above the cap', async () => {
    const args = [DEMO, '--by', 'service', '--format', 'json']
    const all = await report(...args)
    expect(all.code).toBe(0)
    for (const top of ['1000', '10001', '99999999999999999999']) {
      expect(await report(...args, '--top', top)).toEqual(all)
    }
  })
})
