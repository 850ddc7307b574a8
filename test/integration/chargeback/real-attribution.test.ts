// The same hand-made month, but with `cur_attributed` built by core/attribution from a `cur` table,
// so the chargeback is checked against the real view's principal roll-ups.
import { afterEach, describe, expect, it } from 'vitest'
import { chargeback } from '../../../core/chargeback/index.js'
import type { ChargebackResult } from '../../../core/api.js'
import { openAttributedDataset, type ItemRow, type TestRows } from './attributed-dataset.js'
import { JULY_ROWS, JULY_TOTALS_KEPT, TEAM_RULES } from './team-data.js'

let dataset: TestRows | undefined
afterEach(async () => {
  await dataset?.close()
  dataset = undefined
})

const totals = (r: ChargebackResult) =>
  Object.fromEntries(r.statements.map((s) => [s.recipient, s.total]))

// Only the cur columns go in: the principal roll-ups come from the ARN.
const curOnly = (rows: ItemRow[]): ItemRow[] =>
  rows.map(
    ({ principal_role: _r, principal_person: _p, principal_account: _a, model: _m, ...row }) => row,
  )

const agentCoreRun = (run: string, cost: string): ItemRow => ({
  principal_arn: `arn:aws:sts::111122223333:assumed-role/AgentRuntimeRole/BedrockAgentCore-${run}`,
  unblended_cost: cost,
})

describe('chargeback on the attribution view', () => {
  it('matches role rules on roles parsed from the ARNs', async () => {
    dataset = await openAttributedDataset(curOnly(JULY_ROWS), [], { attribution: 'real' })
    const r = await chargeback(dataset, { rules: TEAM_RULES, basis: 'unblended' })
    expect(totals(r)).toEqual(JULY_TOTALS_KEPT)
  })

  it('rolls AgentCore runs up to their role in statement lines', async () => {
    dataset = await openAttributedDataset(
      [agentCoreRun('a1', '1.10'), agentCoreRun('b2', '2.20'), agentCoreRun('c3', '3.30')],
      [],
      { attribution: 'real' },
    )
    const rules = {
      version: 1 as const,
      rules: [
        {
          id: 'agents',
          recipient: 'data',
          match: { kind: 'role' as const, pattern: 'AgentRuntimeRole' },
        },
      ],
    }
    const r = await chargeback(dataset, { rules, basis: 'unblended' })
    expect(r.statements[0].lines).toEqual([
      {
        service: 'Amazon Bedrock',
        model: null,
        principal: 'arn:aws:sts::111122223333:assumed-role/AgentRuntimeRole/*',
        amount: '6.60',
        rule: 'agents',
      },
    ])
  })
})
