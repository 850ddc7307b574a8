import { describe, expect, it } from 'vitest'
import type { MappingRule } from '../../../core/api.js'
import {
  completeRules,
  rulesReducer,
  validateRules,
} from '../../../renderer/src/model/rules-editor.js'

const backend: MappingRule = {
  id: 'a',
  recipient: 'Backend',
  match: { kind: 'tag', key: 'iamPrincipal/team', pattern: 'backend' },
}
const data: MappingRule = {
  id: 'b',
  recipient: 'Data',
  match: { kind: 'role', pattern: 'DataTeam' },
}

describe('rules editor', () => {
  it('adds an empty rule at the end (lowest precedence)', () => {
    const rules = rulesReducer([backend], { type: 'add', id: 'c', kind: 'account' })
    expect(rules[1]).toEqual({ id: 'c', recipient: '', match: { kind: 'account', pattern: '' } })
  })

  it('moves a rule up or down and stays put at either end', () => {
    expect(
      rulesReducer([backend, data], { type: 'move', id: 'b', offset: -1 }).map((r) => r.id),
    ).toEqual(['b', 'a'])
    const rules = [backend, data]
    expect(rulesReducer(rules, { type: 'move', id: 'a', offset: -1 })).toBe(rules)
  })

  it('drops the tag key when a tag rule becomes a role rule and keeps the pattern', () => {
    const [rule] = rulesReducer([backend], { type: 'update', id: 'a', patch: { kind: 'role' } })
    expect(rule.match).toEqual({ kind: 'role', pattern: 'backend' })
  })

  it('marks incomplete fields with what to fill in', () => {
    const empty: MappingRule = {
      id: 'x',
      recipient: ' ',
      match: { kind: 'tag', key: '', pattern: '' },
    }
    expect(validateRules([empty]).map((p) => p.field)).toEqual(['key', 'pattern', 'recipient'])
    expect(validateRules([backend, data])).toEqual([])
  })

  it('sends only complete rules for live coverage, in order', () => {
    const empty: MappingRule = { id: 'x', recipient: '', match: { kind: 'role', pattern: '' } }
    expect(completeRules([data, empty, backend])).toEqual({ version: 1, rules: [data, backend] })
  })
})
