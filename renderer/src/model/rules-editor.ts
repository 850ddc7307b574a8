// The mapping-rules table as state: rules in precedence order (first match wins), edited one field
// at a time, reordered by moving a rule up or down. Validation says which rule is incomplete so the
// table can mark it; coverage is only requested for rules that are complete.
import type { MappingRule, MappingRules, RuleMatch } from '../../../core/api.js'

export type RuleKind = RuleMatch['kind']

export const RULE_KINDS: readonly RuleKind[] = [
  'tag',
  'role',
  'person',
  'principal',
  'account',
  'user',
  'log-tag',
]

export const RULE_KIND_LABELS: Record<RuleKind, string> = {
  tag: 'Tag value',
  role: 'Role or user',
  person: 'Person or session',
  principal: 'Principal ARN',
  account: 'Account',
  user: 'User (usage logs)',
  'log-tag': 'Log tag value',
}

/** Whether a rule of this kind names a key (a tag or a log tag) beside its pattern. */
export function isKeyedKind(kind: RuleKind): kind is 'tag' | 'log-tag' {
  return kind === 'tag' || kind === 'log-tag'
}

export interface RulePatch {
  recipient?: string
  kind?: RuleKind
  pattern?: string
  key?: string
}

export type RulesAction =
  | { type: 'add'; id: string; kind?: RuleKind; key?: string }
  | { type: 'remove'; id: string }
  | { type: 'move'; id: string; offset: -1 | 1 }
  | { type: 'update'; id: string; patch: RulePatch }
  | { type: 'replace'; rules: MappingRule[] }

function matchFor(kind: RuleKind, pattern: string, key: string): RuleMatch {
  return isKeyedKind(kind) ? { kind, key, pattern } : { kind, pattern }
}

function applyPatch(rule: MappingRule, patch: RulePatch): MappingRule {
  const kind = patch.kind ?? rule.match.kind
  const pattern = patch.pattern ?? rule.match.pattern
  const key = patch.key ?? ('key' in rule.match ? rule.match.key : '')
  return {
    ...rule,
    recipient: patch.recipient ?? rule.recipient,
    match: matchFor(kind, pattern, key),
  }
}

export function rulesReducer(rules: MappingRule[], action: RulesAction): MappingRule[] {
  switch (action.type) {
    case 'add':
      return [
        ...rules,
        {
          id: action.id,
          recipient: '',
          match: matchFor(action.kind ?? 'tag', '', action.key ?? ''),
        },
      ]
    case 'remove':
      return rules.filter((r) => r.id !== action.id)
    case 'move': {
      const from = rules.findIndex((r) => r.id === action.id)
      const to = from + action.offset
      if (from < 0 || to < 0 || to >= rules.length) return rules
      const next = [...rules]
      ;[next[from], next[to]] = [next[to], next[from]]
      return next
    }
    case 'update':
      return rules.map((r) => (r.id === action.id ? applyPatch(r, action.patch) : r))
    case 'replace':
      return action.rules
  }
}

export interface RuleProblem {
  id: string
  field: 'recipient' | 'pattern' | 'key'
  message: string
}

export function validateRules(rules: readonly MappingRule[]): RuleProblem[] {
  const problems: RuleProblem[] = []
  for (const rule of rules) {
    if ('key' in rule.match && !rule.match.key.trim())
      problems.push({ id: rule.id, field: 'key', message: 'Choose the tag key' })
    if (!rule.match.pattern.trim())
      problems.push({
        id: rule.id,
        field: 'pattern',
        message: 'Enter a value or pattern (* matches anything)',
      })
    if (!rule.recipient.trim())
      problems.push({ id: rule.id, field: 'recipient', message: 'Enter who pays' })
  }
  return problems
}

export function toMappingRules(rules: readonly MappingRule[]): MappingRules {
  return { version: 1, rules: [...rules] }
}

/** Rules that can be sent to the engine (complete ones), for live coverage while editing. */
export function completeRules(rules: readonly MappingRule[]): MappingRules {
  const incomplete = new Set(validateRules(rules).map((p) => p.id))
  return toMappingRules(rules.filter((r) => !incomplete.has(r.id)))
}
