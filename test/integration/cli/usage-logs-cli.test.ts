// `cur-lens report --logs` and `cur-lens reconcile` end to end: the real CLI on a generated CUR 2.0
// export and the Bedrock invocation logs the generator writes for its gateway role. Each user's
// share is worked out here from the generator's calls and rows (exact BigInt units), never by the
// code under test; the split rounds per group, so shares agree to a few 1e-10 units.
import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  gatewayLogs,
  generateBilling,
  inSource,
  writeCur2Parquet,
  writeInvocationLogs,
  writeSpendLogsCsv,
  type Billing,
  type GatewayLogs,
} from '../../fixtures/cur-generator.js'
import { toUnits } from '../../fixtures/money.js'
import { units as decimalUnits } from '../rows/hand-built-cur.js'

const run = promisify(execFile)
const CLI = fileURLToPath(new URL('../../../bin/cur-lens.js', import.meta.url))

let root: string
let billing: Billing
let logs: GatewayLogs

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cur-lens-logs-cli-'))
  billing = generateBilling({ seed: 18 })
  logs = gatewayLogs(billing)
  await writeCur2Parquet(billing, join(root, 'cur'))
  await writeInvocationLogs(join(root, 'mil'), logs)
  await writeSpendLogsCsv(join(root, 'litellm'), logs)
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args])
    return { code: 0, stdout, stderr }
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

const bucketOf = (day: string, model: string, region: string, global: boolean, type: string) =>
  [day, model, region, global, type].join('|')

/** Each user's share of the gateway's cost, in 1e-10 units; null: no invocation log accounts for it. */
function expectedShares(): Map<string | null, bigint> {
  const tokens = new Map<string, Map<string, bigint>>()
  const loaded = inSource(logs.calls, 'bedrock_mil').filter((c) => !c.failed && !c.otherAccount)
  for (const call of loaded) {
    for (const [type, count] of Object.entries(call.tokens)) {
      if (count === 0) continue
      const key = bucketOf(
        call.day,
        call.modelKey,
        call.region,
        call.crossRegion === 'global',
        type,
      )
      const users = tokens.get(key) ?? new Map<string, bigint>()
      users.set(call.endUser, (users.get(call.endUser) ?? 0n) + BigInt(count))
      tokens.set(key, users)
    }
  }
  const shares = new Map<string | null, bigint>()
  const add = (user: string | null, units: bigint) =>
    shares.set(user, (shares.get(user) ?? 0n) + units)
  for (const row of billing.rows) {
    if (row.line_item_iam_principal !== logs.gatewayArn) continue
    const cost = toUnits(row.line_item_unblended_cost)
    const users = tokens.get(
      bucketOf(
        row.line_item_usage_start_date.slice(0, 10),
        row.truth.modelKey ?? '',
        row.product_region_code,
        /global/i.test(row.line_item_usage_type),
        row.truth.tokenType ?? '',
      ),
    )
    if (!users) {
      add(null, cost)
      continue
    }
    const total = [...users.values()].reduce((a, b) => a + b, 0n)
    for (const [user, count] of users) add(user, (cost * count) / total)
  }
  return shares
}

function csvUnits(text: string): Map<string | null, bigint> {
  const rows = Papa.parse<string[]>(text.trim()).data.slice(1)
  return new Map(
    rows.map(([key, value]) => [key === '(unallocated)' ? null : key, decimalUnits(value)]),
  )
}

describe('cur-lens report --logs', () => {
  it('splits the gateway role among the end users its invocation logs name', async () => {
    const only = ['--filter', `principal=${logs.gatewayArn}`]
    const split = await cli(
      'report',
      join(root, 'cur'),
      '--logs',
      join(root, 'mil'),
      '--by',
      'user',
      ...only,
      '--format',
      'csv',
    )
    // The generator's records of an account the bill does not hold are named and left out.
    expect(split.stderr).toMatch(/999988887777.*not loaded/)
    expect(split.code).toBe(0)
    const actual = csvUnits(split.stdout)
    const expected = expectedShares()
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort())
    for (const [user, units] of expected) {
      const difference = actual.get(user)! - units
      expect(difference < 0n ? -difference : difference, String(user)).toBeLessThanOrEqual(100n)
    }
    // The same total as without logs, to the last digit.
    const whole = await cli(
      'report',
      join(root, 'cur'),
      '--by',
      'person',
      ...only,
      '--format',
      'csv',
    )
    const sum = (m: Map<string | null, bigint>) => [...m.values()].reduce((a, b) => a + b, 0n)
    expect(sum(actual)).toBe(sum(csvUnits(whole.stdout)))
  })

  it('prints {user, cost} objects, null for the unallocated part', async () => {
    const { code, stdout } = await cli(
      'report',
      join(root, 'cur'),
      '--logs',
      join(root, 'mil'),
      '--user-key',
      'end_user',
      '--by',
      'user',
      '--filter',
      `principal=${logs.gatewayArn}`,
      '--format',
      'json',
    )
    expect(code).toBe(0)
    const rows = JSON.parse(stdout) as { user: string | null; cost: number }[]
    expect(rows.every((r) => Object.keys(r).join() === 'user,cost')).toBe(true)
    expect(rows.map((r) => r.user).sort()).toEqual([...expectedShares().keys()].sort())
  })

  it('names the end user by another request-metadata key', async () => {
    const { code, stdout } = await cli(
      'report',
      join(root, 'cur'),
      '--logs',
      join(root, 'mil'),
      '--user-key',
      'team',
      '--by',
      'user',
      '--filter',
      `principal=${logs.gatewayArn}`,
      '--format',
      'json',
    )
    expect(code).toBe(0)
    const users = (JSON.parse(stdout) as { user: string | null }[]).map((r) => r.user).sort()
    expect(users).toEqual([null, 'search', 'support'])
  })

  it("reads a gateway's spend logs as the role --gateway-arn names", async () => {
    const only = ['--filter', `principal=${logs.gatewayArn}`, '--format', 'csv']
    const split = await cli(
      'report',
      join(root, 'cur'),
      '--logs',
      join(root, 'litellm'),
      '--gateway-arn',
      logs.gatewayArn,
      '--by',
      'user',
      ...only,
    )
    expect(split.code).toBe(0)
    const users = csvUnits(split.stdout)
    // The gateway logs every call Bedrock's logs lack (mantle ones too), but not the omitted ones.
    for (const user of ['alice@corp.example', 'bob@corp.example', 'carol@corp.example']) {
      expect(users.get(user)! > 0n, user).toBe(true)
    }
    const whole = await cli('report', join(root, 'cur'), '--by', 'person', ...only)
    const sum = (m: Map<string | null, bigint>) => [...m.values()].reduce((a, b) => a + b, 0n)
    expect(sum(users)).toBe(sum(csvUnits(whole.stdout)))
  })
})

describe('cur-lens reconcile', () => {
  it('shows the partly logged model short by its missing tokens, and mantle calls missing', async () => {
    const { code, stdout, stderr } = await cli(
      'reconcile',
      join(root, 'cur'),
      '--logs',
      join(root, 'mil'),
      '--by',
      'model',
      '--filter',
      `principal=${logs.gatewayArn}`,
      '--format',
      'json',
    )
    expect(stderr).toMatch(/not loaded/)
    expect(code).toBe(0)
    const rows = JSON.parse(stdout) as {
      model: string
      billedTokens: number
      loggedTokens: number
      estimatedCost: number | null
      tokenDrift: number
      causes: string[]
    }[]
    const { curTokens, missingTokens } = logs.partlyMissing
    const partly = rows.find((r) => r.model === 'Claude Sonnet 4.6')!
    expect([partly.billedTokens, partly.loggedTokens]).toEqual([
      curTokens,
      curTokens - missingTokens,
    ])
    expect(partly.tokenDrift).toBeCloseTo(-missingTokens / curTokens, 5)
    expect(partly.causes).toContain('calls-missing')
    expect(partly.estimatedCost).toBeNull()
    const mantle = rows.find((r) => r.model === 'gpt-oss-120b')!
    expect([mantle.loggedTokens, mantle.tokenDrift, mantle.causes]).toEqual([
      0,
      -1,
      ['calls-missing'],
    ])
  })

  it('fails, naming the path, when no usage logs load from it', async () => {
    const missing = join(root, 'no-such-logs')
    const { code, stdout, stderr } = await cli('reconcile', join(root, 'cur'), '--logs', missing)
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toContain(`No usage logs were loaded from ${missing}`)
  })

  it('refuses to run without logs', async () => {
    const { code, stderr } = await cli('reconcile', join(root, 'cur'))
    expect(code).toBe(2)
    expect(stderr).toContain('--logs')
  })
})
