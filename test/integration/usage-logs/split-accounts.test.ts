// The usage-log split keeps each account's Bedrock cost to that account's logs: a legacy export
// (no caller identity) with the same model billed in two accounts, and log records of each
// account plus one that names no account, which splits nothing when the export has two accounts.
import { afterEach, beforeEach, expect, it } from 'vitest'
import { breakdown } from '../../../core/reports/breakdown.js'
import { openAttributedHandDataset, units, decimal, type HandRows } from '../rows/hand-built-cur.js'
import { CUR_ROWS, createUsageLog, type LogRecord } from './hand-built-logs.js'

const A = '111122223333'
const B = '444455556666'

/** The same Sonnet input line, billed without a principal in each account. */
const ROWS = [
  { ...CUR_ROWS[0], usage_account_id: A, principal_arn: null, unblended_cost: '6.00' },
  { ...CUR_ROWS[0], usage_account_id: B, principal_arn: null, unblended_cost: '9.00' },
]

const call = (id: string, user: string, account: string | null, input: number): LogRecord => ({
  request_id: id,
  ts_utc: '2026-04-01 10:00:00',
  principal_arn: account ? `arn:aws:sts::${account}:assumed-role/app/${user}` : null,
  account_id: account,
  end_user: user,
  tags: {},
  model_key: 'anthropic.claude-sonnet-4-6',
  region: 'us-east-1',
  input_tokens: input,
  output_tokens: 0,
})

let ds: HandRows
beforeEach(async () => {
  ds = await openAttributedHandDataset(ROWS)
})
afterEach(async () => {
  await ds.close()
})

it("splits each account's Bedrock cost only among that account's log records", async () => {
  await createUsageLog(ds.engine, [
    call('a1', 'alice', A, 300),
    call('b1', 'bob', B, 100),
    call('b2', 'carol', B, 200),
    // Names no account, in an export of two: it matches neither account's cost.
    call('x1', 'dave', null, 500),
  ])
  await ds.splitByUsageLog()
  const result = await breakdown(ds, { dimensions: ['user'], metric: 'unblended' })
  expect(new Map(result.rows.map((r) => [r.keys[0], r.value]))).toEqual(
    new Map([
      ['alice', '6.0000000000'],
      // Account B's 9.00 by 100 : 200 tokens.
      ['bob', decimal(units('9.00') / 3n)],
      ['carol', decimal((units('9.00') * 2n) / 3n)],
    ]),
  )
  expect(result.total).toBe('15.0000000000')
})
