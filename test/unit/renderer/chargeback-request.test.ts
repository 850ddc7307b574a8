import { describe, expect, it } from 'vitest'
import {
  buildChargebackRequest,
  DEFAULT_SHARED,
  evenPercentages,
  parseRoleList,
  typedTotal,
  type ChargebackSettings,
} from '../../../renderer/src/model/chargeback-request.js'

const settings: ChargebackSettings = {
  mode: 'rules',
  rules: [{ id: 'a', recipient: 'Backend', match: { kind: 'role', pattern: 'BackendDev' } }],
  by: 'tag:iamPrincipal/team',
  basis: 'amortized',
  period: '2026-07',
  shared: { ...DEFAULT_SHARED, tax: 'even', unmatched: 'keep' },
  fixed: {},
  sharedRoles: [' llm-gateway-role ', ''],
  lineDetail: 'principal',
}

describe('chargeback request', () => {
  it('carries the rules, basis, period, treatment of every bucket and shared roles', () => {
    expect(buildChargebackRequest(settings)).toEqual({
      rules: { version: 1, rules: settings.rules },
      basis: 'amortized',
      period: '2026-07',
      shared: {
        unmatched: { method: 'keep' },
        'shared-roles': { method: 'proportional' },
        tax: { method: 'even' },
        fees: { method: 'proportional' },
        credits: { method: 'proportional' },
      },
      sharedRoles: ['llm-gateway-role'],
    })
  })

  it('uses one dimension instead of rules in quick mode, over all periods', () => {
    const request = buildChargebackRequest({
      ...settings,
      mode: 'by',
      period: null,
      sharedRoles: [],
    })
    expect(request.by).toBe('tag:iamPrincipal/team')
    expect(request.rules).toBeUndefined()
    expect(request.period).toBeUndefined()
    expect(request.sharedRoles).toBeUndefined()
    expect(request.lineDetail).toBeUndefined()
  })

  it('asks for lines by role when the user picks it', () => {
    expect(buildChargebackRequest({ ...settings, lineDetail: 'role' }).lineDetail).toBe('role')
  })

  it('reads a typed list of role names', () => {
    expect(parseRoleList('gw-role, other-role\ngw-role,,')).toEqual(['gw-role', 'other-role'])
  })

  it('sends fixed percentages as typed, leaving out blank fields', () => {
    const request = buildChargebackRequest({
      ...settings,
      shared: { ...settings.shared, fees: 'fixed' },
      fixed: { fees: { Backend: '62.5', Data: '37.5', Idle: ' ' }, tax: { Backend: '100' } },
    })
    expect(request.shared?.fees).toEqual({
      method: 'fixed',
      percentages: { Backend: 62.5, Data: 37.5 },
    })
    expect(request.shared?.tax).toEqual({ method: 'even' })
  })

  it('starts fixed percentages as an even split adding up to exactly 100', () => {
    const split = evenPercentages(['a', 'b', 'c'])
    expect(split).toEqual({ a: '33.34', b: '33.33', c: '33.33' })
    expect(typedTotal(split)).toBe(100)
    expect(evenPercentages(['solo'])).toEqual({ solo: '100.00' })
  })

  it('adds typed percentages exactly, and says when one is not a number', () => {
    expect(typedTotal({ a: '0.1', b: '0.2', c: '99.7' })).toBe(100)
    expect(typedTotal({ a: '12,5' })).toBeNull()
  })
})
