import { describe, expect, it } from 'vitest'
import {
  buildChargebackRequest,
  DEFAULT_SHARED,
  parseRoleList,
  type ChargebackSettings,
} from '../../../renderer/src/model/chargeback-request.js'

const settings: ChargebackSettings = {
  mode: 'rules',
  rules: [{ id: 'a', recipient: 'Backend', match: { kind: 'role', pattern: 'BackendDev' } }],
  by: 'tag:iamPrincipal/team',
  basis: 'amortized',
  period: '2026-07',
  shared: { ...DEFAULT_SHARED, tax: 'even', unmatched: 'keep' },
  sharedRoles: [' llm-gateway-role ', ''],
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
  })

  it('reads a typed list of role names', () => {
    expect(parseRoleList('gw-role, other-role\ngw-role,,')).toEqual(['gw-role', 'other-role'])
  })
})
