import { afterEach, describe, expect, it } from 'vitest'
import { checkRules } from '../../../core/chargeback/index.js'
import type { MappingRules } from '../../../core/api.js'
import { openAttributedDataset, type TestRows } from './attributed-dataset.js'
import { JULY_ROWS, JUNE_ROWS, TEAM_RULES } from './team-data.js'

let dataset: TestRows | undefined
afterEach(async () => {
  await dataset?.close()
  dataset = undefined
})

describe('rule coverage', () => {
  it('shows the cost each rule matches and the unmatched rest, adding up to the total', async () => {
    dataset = await openAttributedDataset([...JULY_ROWS, ...JUNE_ROWS])
    const c = await checkRules(dataset, TEAM_RULES, 'unblended', '2026-07')
    expect(c.rules).toEqual([
      { ruleId: 'backend-role', recipient: 'backend', matchedCost: '150.0000000000', rows: 3 },
      { ruleId: 'data-role', recipient: 'data', matchedCost: '100.0000000000', rows: 2 },
      { ruleId: 'frontend-role', recipient: 'frontend', matchedCost: '50.0000000000', rows: 1 },
    ])
    // 6 + 9 + 30 - 21.25 + 100: the unknown role, the gateway, tax, credits, fees.
    expect(c.unmatched).toBe('123.7500000000')
    expect(c.unmatchedRows).toBe(8)
    expect(c.total).toBe('423.7500000000')
    const all = await checkRules(dataset, TEAM_RULES, 'unblended')
    expect(all.rules[1].matchedCost).toBe('1100.0000000000')
  })

  it('matches LIKE metacharacters literally and * as the wildcard', async () => {
    dataset = await openAttributedDataset([
      { principal_role: 'DataTeam', unblended_cost: '1.00' },
      { principal_role: 'Data_eam', unblended_cost: '2.00' },
      { principal_role: '100%', unblended_cost: '4.00' },
      { principal_role: '100 percent', unblended_cost: '8.00' },
      { usage_account_id: '444455556666', unblended_cost: '16.00' },
      { principal_arn: 'arn:aws:iam::111122223333:user/alice', unblended_cost: '32.00' },
      { tags: { 'resourceTags/user:Project': 'a\\b' }, unblended_cost: '64.00' },
    ])
    const rules: MappingRules = {
      version: 1,
      rules: [
        { id: 'underscore', recipient: 'u', match: { kind: 'role', pattern: 'Data_eam' } },
        { id: 'percent', recipient: 'p', match: { kind: 'role', pattern: '100%' } },
        { id: 'account', recipient: 'a', match: { kind: 'account', pattern: '4444*' } },
        { id: 'user', recipient: 'alice', match: { kind: 'principal', pattern: '*:user/alice' } },
        {
          id: 'backslash',
          recipient: 'b',
          match: { kind: 'tag', key: 'resourceTags/user:Project', pattern: 'a\\b' },
        },
      ],
    }
    const c = await checkRules(dataset, rules, 'unblended')
    expect(c.rules.map((r) => r.matchedCost)).toEqual([
      '2.0000000000',
      '4.0000000000',
      '16.0000000000',
      '32.0000000000',
      '64.0000000000',
    ])
    expect(c.unmatched).toBe('9.0000000000')
  })

  it('refuses invalid rules with INVALID_RULES', async () => {
    dataset = await openAttributedDataset([{ unblended_cost: '1.00' }])
    await expect(
      checkRules(
        dataset,
        { version: 1, rules: [{ id: 'x' }] } as unknown as MappingRules,
        'unblended',
      ),
    ).rejects.toMatchObject({ code: 'INVALID_RULES' })
  })
})
