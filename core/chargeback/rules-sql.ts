// Compiles mapping rules into one SQL CASE over `cur_attributed`: the first rule that matches a line
// item gives its (1-based) index. Patterns are bound parameters (`*` becomes LIKE's `%`, with `%`,
// `_` and `\` escaped), so rule text never reaches the SQL; columns come from a closed map.
// The same CASE runs over every line item of the period, months before tags existed included.
import type { SqlParams } from '../engine/duckdb.js'
import type { MappingRules, RuleMatch } from './types.js'

const MATCH_COLUMNS: Record<Exclude<RuleMatch['kind'], 'tag'>, string> = {
  principal: 'principal_arn',
  role: 'principal_role',
  person: 'principal_person',
  account: 'usage_account_id',
}

export interface CompiledSql {
  sql: string
  params: SqlParams
}

/** `*` is the only wildcard; LIKE's own metacharacters in the pattern match literally. */
export function likePattern(pattern: string): string {
  return pattern.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*/g, '%')
}

/**
 * `CASE WHEN principal_role LIKE $rule_1 ESCAPE '\' THEN 1 … END`: the index of the first matching
 * rule, NULL when none matches. Parameter names start with `prefix` so several compiled pieces can
 * share one query.
 */
export function compileRuleIndex(rules: MappingRules, prefix = 'rule'): CompiledSql {
  const params: SqlParams = {}
  if (rules.rules.length === 0) return { sql: 'CAST(NULL AS INTEGER)', params }
  const whens = rules.rules.map((rule, i) => {
    const n = i + 1
    params[`${prefix}_${n}`] = likePattern(rule.match.pattern)
    let column: string
    if (rule.match.kind === 'tag') {
      params[`${prefix}_${n}_key`] = rule.match.key
      column = `tags[$${prefix}_${n}_key]`
    } else {
      column = MATCH_COLUMNS[rule.match.kind]
    }
    return `    WHEN ${column} LIKE $${prefix}_${n} ESCAPE '\\' THEN ${n}`
  })
  return { sql: `CASE\n${whens.join('\n')}\n  END`, params }
}
