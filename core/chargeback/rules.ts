// Validation of mapping rules as they come from a file, a workspace or the API. Expected problems
// are values (a list of messages naming the rule and field), so a front end can show them all at
// once; `assertRules` turns them into one INVALID_RULES error for callers that just need rules.
import { MATCH_KINDS } from '../api-values.js'
import { CurLensError } from '../errors/curlens-error.js'
import type { KeyedMatchKind, MappingRule, MappingRules, RuleMatch } from '../api.js'

const MAX_RULES = 5000
const MAX_TEXT = 1024

/** Labels of shared buckets kept as their own line; a rule may not send cost to one of them. */
export const KEPT_LABELS = [
  '(unallocated)',
  '(untagged)',
  '(shared roles)',
  '(tax)',
  '(fees)',
  '(credits)',
] as const

export interface Validation<T> {
  value?: T
  errors: string[]
}

export function validateRules(input: unknown): Validation<MappingRules> {
  const errors: string[] = []
  if (!isObject(input))
    return { errors: ['The rules must be a JSON object with "version" and "rules".'] }
  if (typeof input.version === 'number' && input.version > 1) {
    return {
      errors: [
        `These rules use format version ${input.version}, made by a newer CUR Lens; this version reads version 1.`,
      ],
    }
  }
  if (input.version !== 1) errors.push('"version" must be 1.')
  unknownFields(input, ['version', 'rules'], 'The rules file', errors)
  if (!Array.isArray(input.rules)) {
    errors.push('"rules" must be a list of rules.')
    return { errors }
  }
  if (input.rules.length > MAX_RULES) errors.push(`At most ${MAX_RULES} rules are supported.`)
  const rules: MappingRule[] = []
  const seen = new Set<string>()
  input.rules.forEach((raw, index) => {
    const rule = validateRule(raw, index, errors)
    if (!rule) return
    if (seen.has(rule.id))
      errors.push(`${where(index, rule.id)}: the id is used by an earlier rule.`)
    seen.add(rule.id)
    rules.push(rule)
  })
  return errors.length ? { errors } : { value: { version: 1, rules }, errors }
}

/** The rules, or INVALID_RULES listing every problem. */
export function assertRules(input: unknown, file?: string): MappingRules {
  const { value, errors } = validateRules(input)
  if (!value) {
    const intro = file ? `The rules in ${file} are not valid` : 'The rules are not valid'
    throw new CurLensError('INVALID_RULES', `${intro}:\n- ${errors.join('\n- ')}`, { file })
  }
  return value
}

function validateRule(raw: unknown, index: number, errors: string[]): MappingRule | undefined {
  if (!isObject(raw)) {
    errors.push(`${where(index)}: must be an object with "id", "recipient" and "match".`)
    return undefined
  }
  const id = typeof raw.id === 'string' ? raw.id.trim() : ''
  const at = where(index, id || undefined)
  const before = errors.length
  if (!id) errors.push(`${at}: "id" must be a non-empty text.`)
  const recipient = typeof raw.recipient === 'string' ? raw.recipient.trim() : ''
  if (!recipient) errors.push(`${at}: "recipient" must be a non-empty text.`)
  if ((KEPT_LABELS as readonly string[]).includes(recipient)) {
    errors.push(`${at}: "${recipient}" is reserved for shared cost kept as its own line.`)
  }
  if (id.length > MAX_TEXT || recipient.length > MAX_TEXT) errors.push(`${at}: text is too long.`)
  unknownFields(raw, ['id', 'recipient', 'match'], at, errors)
  const match = validateMatch(raw.match, at, errors)
  return errors.length === before && match ? { id, recipient, match } : undefined
}

function validateMatch(raw: unknown, at: string, errors: string[]): RuleMatch | undefined {
  if (!isObject(raw)) {
    errors.push(
      `${at}: "match" must be an object such as {"kind": "role", "pattern": "BackendDev"}.`,
    )
    return undefined
  }
  const kind = raw.kind
  if (typeof kind !== 'string' || !(MATCH_KINDS as readonly string[]).includes(kind)) {
    errors.push(`${at}: "match.kind" must be one of ${MATCH_KINDS.join(', ')}.`)
    return undefined
  }
  const pattern = raw.pattern
  const patternOk = typeof pattern === 'string' && pattern !== '' && pattern.length <= MAX_TEXT
  if (!patternOk) errors.push(`${at}: "match.pattern" must be a non-empty text (* is a wildcard).`)
  if (kind === 'tag' || kind === 'log-tag') {
    const key = raw.key
    const keyOk = typeof key === 'string' && key.trim() !== '' && key.length <= MAX_TEXT
    const example = kind === 'tag' ? 'iamPrincipal/team' : 'team'
    if (!keyOk) errors.push(`${at}: a ${kind} match needs "match.key", e.g. "${example}".`)
    unknownFields(raw, ['kind', 'key', 'pattern'], `${at} match`, errors)
    return patternOk && keyOk
      ? { kind, key: (key as string).trim(), pattern: pattern as string }
      : undefined
  }
  unknownFields(raw, ['kind', 'pattern'], `${at} match`, errors)
  return patternOk
    ? { kind: kind as Exclude<RuleMatch['kind'], KeyedMatchKind>, pattern }
    : undefined
}

/** A rule's match in words, e.g. `role BackendDev`, `tag iamPrincipal/team = data*`. */
export function describeMatch(match: RuleMatch): string {
  return match.kind === 'tag' || match.kind === 'log-tag'
    ? `${match.kind} ${match.key} = ${match.pattern}`
    : `${match.kind} ${match.pattern}`
}

function where(index: number, id?: string): string {
  return id ? `Rule ${index + 1} ("${id}")` : `Rule ${index + 1}`
}

function unknownFields(
  obj: Record<string, unknown>,
  known: string[],
  at: string,
  errors: string[],
) {
  for (const key of Object.keys(obj)) {
    if (!known.includes(key)) errors.push(`${at}: unknown field "${key}".`)
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
