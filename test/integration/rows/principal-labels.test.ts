// Readable principal labels and last-seen times over a generated CUR 2.0 Parquet export, in which
// the test moves some Bedrock rows to two roles of its own: ProxyRole with 12 sessions (a gateway
// role by the session count) and FewRole with 9 (a service role). Labels are written out by hand,
// last-seen times computed here from the rows, never read from the code under test.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chargeback } from '../../../core/chargeback/index.js'
import { breakdown } from '../../../core/reports/breakdown.js'
import { GATEWAY_MIN_SESSIONS, principalLabels } from '../../../core/rows/principal-labels.js'
import {
  generateBilling,
  writeCur2Parquet,
  type Billing,
  type BillingRow,
} from '../../fixtures/cur-generator.js'
import { openRows, type OpenRows } from './open-rows.js'

const ML = '111122223333'
const sts = (role: string, session: string) => `arn:aws:sts::${ML}:assumed-role/${role}/${session}`
const SSO = 'AWSReservedSSO_DataScience_1a2b3c4d5e6f7a8b'
const proxy = (i: number) => sts('ProxyRole', `u-${String(i).padStart(2, '0')}`)
const few = (i: number) => sts('FewRole', `f-${i}`)

/** Latest usage start of the rows `keep` selects, as the API writes it. */
function lastSeen(rows: readonly BillingRow[], keep: (row: BillingRow) => boolean): string {
  const latest = rows
    .filter(keep)
    .map((r) => r.line_item_usage_start_date)
    .sort()
    .at(-1)!
  return `${latest.slice(0, 19)}Z`
}

describe('principal labels', () => {
  let root: string
  let billing: Billing
  let dataset: OpenRows
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'cur-lens-labels-'))
    billing = generateBilling({ seed: 1_919 })
    // 12 + 9 Bedrock rows with a principal move to the test's own roles, one session each.
    const moved = billing.rows.filter((r) => r.truth.bedrock && r.line_item_iam_principal !== '')
    moved.slice(0, 12).forEach((r, i) => (r.line_item_iam_principal = proxy(i + 1)))
    moved.slice(12, 21).forEach((r, i) => (r.line_item_iam_principal = few(i + 1)))
    await writeCur2Parquet(billing, root)
    dataset = await openRows([root])
  })
  afterAll(async () => {
    await dataset?.close()
    await rm(root, { recursive: true, force: true })
  })

  it('labels each kind of principal, with its session beside the full ARN', async () => {
    expect(GATEWAY_MIN_SESSIONS).toBe(10)
    const values = [
      sts(SSO, 'maria@example.com'),
      `arn:aws:iam::${ML}:user/alice`,
      `arn:aws:iam::${ML}:user/BedrockAPIKey-ab12`,
      sts('AppRole', 'i-0abc123'),
      'arn:aws:sts::444455556666:assumed-role/llm-gateway-role/gw-17',
      proxy(3),
      few(2),
      'arn:aws:iam::999999999999:user/nobody',
    ]
    const labels = await principalLabels(dataset, { level: 'principal', values })
    expect(Object.fromEntries(labels.map((l) => [l.value, l.label]))).toEqual({
      [values[0]]: 'SSO: DataScience · maria@example.com',
      [values[1]]: 'IAM user alice',
      [values[2]]: 'API key BedrockAPIKey-ab12',
      [values[3]]: 'service role AppRole · i-0abc123',
      [values[4]]: 'gateway role llm-gateway-role · gw-17',
      [values[5]]: 'gateway role ProxyRole · u-03',
      [values[6]]: 'service role FewRole · f-2',
    })
  })

  it('labels roles: a role with at least 10 sessions is a gateway role', async () => {
    const values = [SSO, 'user/alice', 'AppRole', 'ProxyRole', 'FewRole', 'llm-gateway-role']
    const labels = await principalLabels(dataset, { level: 'role', values })
    expect(Object.fromEntries(labels.map((l) => [l.value, l.label]))).toEqual({
      [SSO]: 'SSO: DataScience',
      'user/alice': 'IAM user alice',
      AppRole: 'service role AppRole',
      ProxyRole: 'gateway role ProxyRole',
      FewRole: 'service role FewRole',
      'llm-gateway-role': 'gateway role llm-gateway-role',
    })
  })

  it('gives the latest usage start of each principal, under the list filters', async () => {
    const byArn = await breakdown(dataset, { dimensions: ['principal'], metric: 'unblended' })
    const arns = byArn.rows.map((r) => r.keys[0]).filter((k): k is string => k !== null)
    const all = await principalLabels(dataset, { level: 'principal', values: arns })
    expect(all.map((l) => l.value).sort()).toEqual([...arns].sort())
    for (const { value, lastSeen: seen } of all) {
      expect(seen).toBe(lastSeen(billing.rows, (r) => r.line_item_iam_principal === value))
    }
    const range = { dimension: 'day' as const, values: [], range: { to: '2026-06-15' } }
    const early = await principalLabels(dataset, {
      level: 'role',
      values: ['BackendDev'],
      filters: [range],
    })
    expect(early[0].lastSeen).toBe(
      lastSeen(
        billing.rows,
        (r) =>
          r.line_item_iam_principal.includes('assumed-role/BackendDev/') &&
          r.line_item_usage_start_date.slice(0, 10) <= '2026-06-15',
      ),
    )
  })

  it('names statement lines by their labels at the ARN and role levels', async () => {
    const byRole = await chargeback(dataset, {
      by: 'account',
      basis: 'unblended',
      lineDetail: 'role',
    })
    const lines = byRole.statements.flatMap((s) => s.lines)
    expect(lines.find((l) => l.principal === 'ProxyRole')?.label).toBe('gateway role ProxyRole')
    expect(lines.find((l) => l.principal === 'user/alice')?.label).toBe('IAM user alice')
    expect(lines.filter((l) => l.principal === null).every((l) => l.label === undefined)).toBe(true)
    const byArn = await chargeback(dataset, { by: 'account', basis: 'unblended' })
    const arnLines = byArn.statements.flatMap((s) => s.lines)
    expect(arnLines.find((l) => l.principal === few(1))?.label).toBe('service role FewRole · f-1')
  })
})
