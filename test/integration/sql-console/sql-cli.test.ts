// `cur-lens sql` end to end: the real CLI, its engine in a child process, on the bundled demo
// export, whose Bedrock cost by team is known (resources/demo/README.md).
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const CLI = fileURLToPath(new URL('../../../bin/cur-lens.js', import.meta.url))
const DEMO = fileURLToPath(new URL('../../../resources/demo', import.meta.url))
const BY_TEAM = `SELECT tags['iamPrincipal/team'] AS team, sum(unblended_cost) AS cost
FROM cur_attributed WHERE service = 'Amazon Bedrock' GROUP BY ALL ORDER BY cost DESC`

async function sql(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, 'sql', ...args])
    return { code: 0, stdout, stderr }
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

describe('cur-lens sql', () => {
  it('prints the rows as a JSON array of objects, money as plain numbers', async () => {
    const { code, stdout, stderr } = await sql(DEMO, BY_TEAM, '--format', 'json')
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(JSON.parse(stdout)).toEqual([
      { team: 'backend', cost: 142.3 },
      { team: 'data', cost: 89.5 },
      { team: 'frontend', cost: 23.1 },
      { team: null, cost: 5.4 },
    ])
    expect(stdout).toContain('"cost": 142.3\n')
    const tiny = await sql(
      DEMO,
      'SELECT 0.0000001::DECIMAL(18,10) AS tiny, 1e-7 AS double',
      '--format',
      'json',
    )
    expect(tiny.stdout).toBe('[\n  {\n    "tiny": 0.0000001,\n    "double": 0.0000001\n  }\n]\n')
  })

  it('writes CSV that Excel reads as UTF-8, money as numbers', async () => {
    const { code, stdout } = await sql(DEMO, BY_TEAM, '--format', 'csv')
    expect(code).toBe(0)
    expect(stdout.startsWith('\uFEFFteam,cost\r\nbackend,142.3000000000\r\n')).toBe(true)
    const rows = Papa.parse<string[]>(stdout.slice(1), { skipEmptyLines: true }).data
    expect(rows.at(-1)).toEqual(['', '5.4000000000'])
  })

  it('prints an aligned table with the row count', async () => {
    const { code, stdout } = await sql(DEMO, BY_TEAM)
    expect(code).toBe(0)
    expect(stdout.split('\n')).toEqual([
      'team       cost',
      '--------  -----',
      'backend   142.3',
      'data       89.5',
      'frontend   23.1',
      'NULL        5.4',
      '(4 rows)',
      '',
    ])
  })

  it('prints at most --limit rows, and says on stderr that there were more', async () => {
    const { code, stdout, stderr } = await sql(
      DEMO,
      'SELECT * FROM cur',
      '--limit',
      '2',
      '--format',
      'json',
    )
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toHaveLength(2)
    expect(stderr).toMatch(/^warning: the result has more than 2 rows/)
  })

  it('exits 1 with the reason on stderr for a refused statement, and 2 for a usage error', async () => {
    const refused = await sql(DEMO, 'DROP VIEW cur', '--format', 'json')
    expect(refused.code).toBe(1)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toMatch(/^error \[INVALID_QUERY\]: Only a SELECT query can run here/)
    const file = await sql(DEMO, "SELECT * FROM read_csv('/etc/passwd')")
    expect(file.code).toBe(1)
    expect(file.stderr).toMatch(/^error \[INVALID_QUERY\]: read_csv\(\)/)
    const usage = await sql(DEMO)
    expect(usage.code).toBe(2)
    expect(usage.stderr).toMatch(/then the query in quotes/)
    const limit = await sql(DEMO, 'SELECT 1', '--limit', '0')
    expect(limit.code).toBe(2)
  })
})
