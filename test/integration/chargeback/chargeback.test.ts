import { afterEach, describe, expect, it } from 'vitest'
import { chargeback } from '../../../core/chargeback/index.js'
import type { ChargebackRequest, ChargebackResult, SharedTreatment } from '../../../core/api.js'
import { openAttributedDataset, type TestRows } from './attributed-dataset.js'
import { JULY_ROWS, JULY_TOTALS_KEPT, JUNE_ROWS, TEAM_RULES } from './team-data.js'

let dataset: TestRows | undefined
afterEach(async () => {
  await dataset?.close()
  dataset = undefined
})

async function run(request: Partial<ChargebackRequest>): Promise<ChargebackResult> {
  dataset ??= await openAttributedDataset([...JULY_ROWS, ...JUNE_ROWS])
  return chargeback(dataset, {
    rules: TEAM_RULES,
    basis: 'unblended',
    period: '2026-07',
    ...request,
  })
}

const totals = (r: ChargebackResult) =>
  Object.fromEntries(r.statements.map((s) => [s.recipient, s.total]))

const everyBucket = (t: SharedTreatment) => ({
  unmatched: t,
  'shared-roles': t,
  tax: t,
  fees: t,
  credits: t,
})

/** Adds cents exactly, independently of the code under test. */
const cents = (amounts: string[]) =>
  amounts.reduce((sum, a) => sum + BigInt(a.replace('.', '')), 0n)

describe('chargeback by mapping rules', () => {
  it('keeps each shared bucket as its own line and reconciles to the bill', async () => {
    const r = await run({})
    expect(totals(r)).toEqual(JULY_TOTALS_KEPT)
    expect(r.billTotal).toBe('423.75')
    expect(r.recipientsTotal).toBe('300.00')
    expect(r.unallocated).toBe('123.75')
    expect(r.reconciles).toBe(true)
    expect(cents(r.statements.map((s) => s.total))).toBe(42375n)
    expect(r.statements.map((s) => s.kind)).toEqual([
      'recipient',
      'recipient',
      'recipient',
      'unallocated',
      'unallocated',
      'unallocated',
      'unallocated',
    ])
  })

  it('separates the gateway role when it is declared shared', async () => {
    const r = await run({ sharedRoles: ['llm-gateway-role'] })
    expect(totals(r)['(unallocated)']).toBe('6.00')
    expect(totals(r)['(shared roles)']).toBe('9.00')
    const shared = r.allocations.find((a) => a.bucket === 'shared-roles')
    expect(shared?.description).toBe(
      'Cost of the shared role llm-gateway-role (9.00) is kept as its own line, "(shared roles)".',
    )
  })

  it('spreads every bucket in proportion to direct cost (3 : 2 : 1)', async () => {
    const r = await run({
      sharedRoles: ['llm-gateway-role'],
      shared: everyBucket({ method: 'proportional' }),
    })
    // unmatched 6 → 3/2/1; gateway 9 → 4.50/3/1.50; tax 30 → 15/10/5;
    // fees 100 → 50/33.333…/16.666… → 50.00/33.33/16.67 (the 0.667 remainder wins the cent);
    // credits -21.25 → -10.625/-7.0833…/-3.5416… → floors -10.63/-7.09/-3.55, two cents to the
    // largest remainders (frontend 0.83, data 0.67) → -10.63/-7.08/-3.54.
    expect(totals(r)).toEqual({ backend: '211.87', data: '141.25', frontend: '70.63' })
    expect(r.unallocated).toBe('0.00')
    expect(r.billTotal).toBe('423.75')
    const credits = r.allocations.find((a) => a.bucket === 'credits')!
    expect(credits.amount).toBe('-21.25')
    expect(credits.shares).toEqual([
      { recipient: 'backend', amount: '-10.63' },
      { recipient: 'data', amount: '-7.08' },
      { recipient: 'frontend', amount: '-3.54' },
    ])
    expect(credits.description).toBe(
      'Credits and refunds (-21.25) are split among 3 recipients in proportion to their direct cost.',
    )
    const backend = r.statements.find((s) => s.recipient === 'backend')!
    expect(backend.direct).toBe('150.00')
    expect(backend.shared).toBe('61.87')
    expect(backend.sharedByBucket).toEqual([
      { bucket: 'unmatched', amount: '3.00' },
      { bucket: 'shared-roles', amount: '4.50' },
      { bucket: 'tax', amount: '15.00' },
      { bucket: 'fees', amount: '50.00' },
      { bucket: 'credits', amount: '-10.63' },
    ])
  })

  it('splits evenly, the remainder cents going to the first names', async () => {
    const r = await run({ shared: everyBucket({ method: 'even' }) })
    // unmatched 15 → 5 each; tax 30 → 10 each; fees 100 → 33.34/33.33/33.33;
    // credits -21.25 → -7.0833… each: floors -7.09, two cents to backend and data.
    expect(totals(r)).toEqual({ backend: '191.26', data: '141.25', frontend: '91.24' })
    expect(cents(Object.values(totals(r)))).toBe(42375n)
  })

  it('splits by fixed percentages, also to a recipient with no direct cost', async () => {
    const r = await run({
      shared: {
        tax: { method: 'fixed', percentages: { backend: 50, data: 30, frontend: 20 } },
        credits: { method: 'fixed', percentages: { finance: 100 } },
      },
    })
    expect(totals(r)).toEqual({
      backend: '165.00',
      data: '109.00',
      frontend: '56.00',
      finance: '-21.25',
      '(unallocated)': '15.00',
      '(fees)': '100.00',
    })
    const finance = r.statements.find((s) => s.recipient === 'finance')!
    expect(finance).toMatchObject({ direct: '0.00', shared: '-21.25', lines: [] })
    expect(r.allocations.find((a) => a.bucket === 'tax')?.description).toBe(
      'Tax (30.00) is split by fixed percentages: backend 50%, data 30%, frontend 20%.',
    )
    expect(cents(r.statements.map((s) => s.total))).toBe(42375n)
  })

  it('applies the rules to months before tags existed, and to all periods at once', async () => {
    const june = await run({ period: '2026-06' })
    expect(totals(june)).toEqual({ data: '1000.00' })
    const all = await run({ period: undefined })
    expect(all.period).toBe('all')
    expect(totals(all).data).toBe('1100.00')
    expect(all.billTotal).toBe('1423.75')
  })

  it('uses amortized cost when asked', async () => {
    const r = await run({ basis: 'amortized' })
    expect(totals(r).backend).toBe('138.50')
    expect(r.billTotal).toBe('412.25')
    expect(r.statements.every((s) => s.basis === 'amortized')).toBe(true)
  })

  it('lists each statement line with the rule that matched it, adding up to direct', async () => {
    const r = await run({})
    const backend = r.statements.find((s) => s.recipient === 'backend')!
    expect(backend.lines).toEqual([
      {
        service: 'Amazon Bedrock',
        model: 'Claude Sonnet 4.6',
        principal: 'arn:aws:sts::111122223333:assumed-role/BackendDev/javier@example.com',
        label: 'service role BackendDev · javier@example.com',
        amount: '67.30',
        rule: 'backend-role',
      },
      {
        service: 'Amazon Bedrock',
        model: 'Claude Sonnet 4.6',
        principal: 'arn:aws:sts::111122223333:assumed-role/BackendDev/ana@example.com',
        label: 'service role BackendDev · ana@example.com',
        amount: '41.50',
        rule: 'backend-role',
      },
      {
        service: 'Amazon Bedrock',
        model: 'Claude Sonnet 4.6',
        principal: 'arn:aws:sts::111122223333:assumed-role/BackendDev/luis@example.com',
        label: 'service role BackendDev · luis@example.com',
        amount: '41.20',
        rule: 'backend-role',
      },
    ])
    const tax = r.statements.find((s) => s.recipient === '(tax)')!
    expect(tax.lines.map((l) => [l.service, l.amount])).toEqual([
      ['Amazon Bedrock', '20.00'],
      ['Amazon Route 53', '10.00'],
    ])
  })

  it('gives the first matching rule precedence', async () => {
    const rules = {
      version: 1 as const,
      rules: [
        {
          id: 'tagged',
          recipient: 'tagged',
          match: { kind: 'tag' as const, key: 'iamPrincipal/team', pattern: '*' },
        },
        ...TEAM_RULES.rules,
      ],
    }
    const r = await run({ rules })
    // tagged: javier 67.30 + luis 41.20 + frontend 50.00; backend keeps only ana.
    expect(totals(r)).toMatchObject({ tagged: '158.50', backend: '41.50', data: '100.00' })
    expect(totals(r).frontend).toBeUndefined()
  })
})

describe('chargeback of filtered line items', () => {
  it('charges back only the chosen line items, reconciling to their own total', async () => {
    const service = { dimension: 'service' as const, values: ['Amazon Bedrock'] }
    const bedrock = await run({ filters: [service] })
    // usage 315.00, Bedrock tax 20.00, credit and refund -21.25 (the other rows are Route 53 and support)
    expect(bedrock.billTotal).toBe('313.75')
    expect(totals(bedrock)).toMatchObject({ backend: '150.00', '(tax)': '20.00' })
    const rest = await run({ filters: [{ ...service, exclude: true }] })
    expect(rest.billTotal).toBe('110.00')
    const untagged = await run({
      filters: [{ dimension: 'tag:iamPrincipal/team', values: [null] }],
    })
    // everything but javier, luis and the frontend: 423.75 - 67.30 - 41.20 - 50.00
    expect(untagged.billTotal).toBe('265.25')
  })
})

describe('chargeback by a dimension', () => {
  it('uses the tag values as recipients and shows untagged cost as its own line', async () => {
    const r = await run({ rules: undefined, by: 'tag:iamPrincipal/team' })
    expect(totals(r)).toEqual({
      backend: '108.50',
      frontend: '50.00',
      '(untagged)': '156.50',
      '(tax)': '30.00',
      '(fees)': '100.00',
      '(credits)': '-21.25',
    })
    expect(r.allocations.find((a) => a.bucket === 'unmatched')?.description).toBe(
      'Cost without the tag iamPrincipal/team (156.50) is kept as its own line, "(untagged)".',
    )
  })

  it('uses role and person roll-ups', async () => {
    const byRole = await run({ rules: undefined, by: 'role' })
    expect(totals(byRole)).toMatchObject({
      BackendDev: '150.00',
      DataTeam: '100.00',
      'llm-gateway-role': '9.00',
    })
    const byPerson = await run({ rules: undefined, by: 'person' })
    expect(totals(byPerson)['maria@example.com']).toBe('52.10')
  })
})

describe('rounding', () => {
  it('rounds once at the end and assigns the remainder deterministically', async () => {
    dataset = await openAttributedDataset([
      { principal_role: 'c', unblended_cost: '0.3333' },
      { principal_role: 'a', unblended_cost: '0.3333' },
      { principal_role: 'b', unblended_cost: '0.3333' },
      { line_item_type: 'Tax', unblended_cost: '0.01' },
    ])
    const r = await chargeback(dataset, { by: 'role', basis: 'unblended' })
    // bill 1.0099 → 1.01; direct 0.9999 → 1.00 (tax stays 0.01); 1.00 in three equal parts:
    // 0.34 to "a", the first name, 0.33 to the others.
    expect(totals(r)).toEqual({ a: '0.34', b: '0.33', c: '0.33', '(tax)': '0.01' })
    expect(r.billTotal).toBe('1.01')
  })
})

describe('requests that cannot run', () => {
  it('names each problem', async () => {
    await expect(run({ by: 'role' })).rejects.toMatchObject({ code: 'INVALID_QUERY' })
    await expect(
      run({
        rules: {
          version: 1,
          rules: [{ id: '', recipient: 'x', match: { kind: 'role', pattern: 'x' } }],
        },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_RULES' })
    await expect(run({ period: '2026-13' })).rejects.toThrow(/YYYY-MM/)
    await expect(run({ period: '2025-01' })).rejects.toThrow(
      /No line items in period 2025-01.*2026-06, 2026-07/,
    )
    await expect(run({ rules: undefined, by: 'colour' as never })).rejects.toThrow(
      /Unknown dimension "colour"/,
    )
    await expect(
      run({ shared: { tax: { method: 'fixed', percentages: { backend: 50, data: 49.9 } } } }),
    ).rejects.toThrow('Fixed percentages for tax add up to 99.9, not 100.')
    await expect(run({ lineDetail: 'session' as never })).rejects.toThrow(
      'Unknown line detail "session": use one of principal, person, role, account, none.',
    )
    for (const linesPerStatement of [0, -1, 1.5, '3' as never]) {
      await expect(run({ linesPerStatement })).rejects.toThrow(
        `Lines per statement must be a whole number above 0, not ${linesPerStatement}.`,
      )
    }
  })

  it('keeps a bucket when nobody has direct cost to spread it over, and says so', async () => {
    dataset = await openAttributedDataset([
      { line_item_type: 'Tax', unblended_cost: '5.00' },
      { principal_role: 'nobody', unblended_cost: '1.00' },
    ])
    const r = await chargeback(dataset, {
      rules: TEAM_RULES,
      basis: 'unblended',
      shared: { tax: { method: 'proportional' } },
    })
    expect(totals(r)).toEqual({ '(unallocated)': '1.00', '(tax)': '5.00' })
    expect(r.allocations.find((a) => a.bucket === 'tax')?.description).toMatch(
      /kept as its own line, "\(tax\)": it was to be split, but no recipient has direct cost/,
    )
  })
})
