import { describe, expect, it } from 'vitest'
import { assertRules, validateRules } from '../../../core/chargeback/rules.js'
import { compileRuleIndex, likePattern } from '../../../core/chargeback/rules-sql.js'
import type { MappingRules } from '../../../core/api.js'

const good: MappingRules = {
  version: 1,
  rules: [
    { id: 'backend', recipient: 'backend', match: { kind: 'role', pattern: 'BackendDev' } },
    {
      id: 'team-tag',
      recipient: 'data',
      match: { kind: 'tag', key: 'iamPrincipal/team', pattern: 'data*' },
    },
  ],
}

describe('validating mapping rules', () => {
  it('accepts well-formed rules and keeps their order', () => {
    const { value, errors } = validateRules(good)
    expect(errors).toEqual([])
    expect(value?.rules.map((r) => r.id)).toEqual(['backend', 'team-tag'])
  })

  it('reports every problem as a value, naming the rule', () => {
    const { value, errors } = validateRules({
      version: 1,
      rules: [
        { id: 'a', recipient: '', match: { kind: 'role', pattern: 'X' } },
        { id: 'a', recipient: 'b', match: { kind: 'colour', pattern: 'X' } },
        { id: 'c', recipient: 'c', match: { kind: 'tag', pattern: 'X' } },
        { id: 'd', recipient: '(tax)', match: { kind: 'role', pattern: '' } },
        { id: 'e', recipent: 'typo', match: { kind: 'role', pattern: 'X' } },
      ],
    })
    expect(value).toBeUndefined()
    expect(errors).toEqual([
      'Rule 1 ("a"): "recipient" must be a non-empty text.',
      'Rule 2 ("a"): "match.kind" must be one of principal, role, person, account, tag, user, log-tag.',
      'Rule 3 ("c"): a tag match needs "match.key", e.g. "iamPrincipal/team".',
      'Rule 4 ("d"): "(tax)" is reserved for shared cost kept as its own line.',
      'Rule 4 ("d"): "match.pattern" must be a non-empty text (* is a wildcard).',
      'Rule 5 ("e"): "recipient" must be a non-empty text.',
      'Rule 5 ("e"): unknown field "recipent".',
    ])
  })

  it('flags a duplicated id', () => {
    const rule = good.rules[0]
    expect(validateRules({ version: 1, rules: [rule, rule] }).errors).toEqual([
      'Rule 2 ("backend"): the id is used by an earlier rule.',
    ])
  })

  it('refuses a newer format version clearly, and junk', () => {
    expect(validateRules({ version: 2, rules: [] }).errors[0]).toMatch(/version 2.*newer CUR Lens/)
    expect(validateRules([]).errors).toHaveLength(1)
    expect(validateRules({ version: 1 }).errors).toEqual(['"rules" must be a list of rules.'])
  })

  it('throws INVALID_RULES with all messages through assertRules', () => {
    expect(() => assertRules({ version: 1, rules: [{}] }, 'team.json')).toThrow(
      expect.objectContaining({ code: 'INVALID_RULES', file: 'team.json' }),
    )
  })
})

describe('compiling rules to SQL', () => {
  it('turns * into % and makes LIKE metacharacters literal', () => {
    expect(likePattern('Backend*')).toBe('Backend%')
    expect(likePattern('100%_done\\*')).toBe('100\\%\\_done\\\\%')
  })

  it('builds one CASE with bound patterns, in precedence order', () => {
    const { sql, params } = compileRuleIndex(good, {
      column: (name) => name,
      tag: (key) => `tag_value_of(${key})`,
      logTag: (key) => `log_tag_value_of(${key})`,
    })
    expect(sql).toBe(
      [
        'CASE',
        "    WHEN principal_role LIKE $rule_1 ESCAPE '\\' THEN 1",
        "    WHEN tag_value_of(iamPrincipal/team) LIKE $rule_2 ESCAPE '\\' THEN 2",
        '  END',
      ].join('\n'),
    )
    expect(params).toEqual({
      rule_1: 'BackendDev',
      rule_2: 'data%',
    })
  })
})
