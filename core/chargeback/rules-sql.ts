// Compiles mapping rules into one SQL CASE over chargeback's summed line items (line-query.ts): the
// first rule that matches gives its (1-based) index. Patterns are bound parameters (`*` becomes
// LIKE's `%`, with `%`, `_` and `\` escaped), so rule text never reaches the SQL. A rule of kind
// principal, person, role or account reads the column of the report dimension of that name (the
// closed map in core/attribution). The same CASE applies to every line item of the period, months
// before tags existed included.
import type { SqlParams } from '../engine/duckdb.js'
import { FLAT_DIMENSION_COLUMNS } from '../rows/dimensions.js'
import type { MappingRules } from '../api.js'

export interface CompiledSql {
  sql: string
  params: SqlParams
}

/** `*` is the only wildcard; LIKE's own metacharacters in the pattern match literally. */
export function likePattern(pattern: string): string {
  return pattern.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*/g, '%')
}

/** How the rules' values are read: a column of the row sources, a tag's or a log tag's value. */
export interface RuleColumns {
  column(name: string): string
  tag(key: string): string
  logTag(key: string): string
}

/**
 * `CASE WHEN principal_role LIKE $rule_1 ESCAPE '\' THEN 1 … END`: the index of the first matching
 * rule, NULL when none matches.
 */
export function compileRuleIndex(rules: MappingRules, columns: RuleColumns): CompiledSql {
  const params: SqlParams = {}
  if (rules.rules.length === 0) return { sql: 'CAST(NULL AS INTEGER)', params }
  const whens = rules.rules.map((rule, i) => {
    const n = i + 1
    params[`rule_${n}`] = likePattern(rule.match.pattern)
    const { match } = rule
    const column =
      match.kind === 'tag'
        ? columns.tag(match.key)
        : match.kind === 'log-tag'
          ? columns.logTag(match.key)
          : columns.column(FLAT_DIMENSION_COLUMNS[match.kind])
    return `    WHEN ${column} LIKE $rule_${n} ESCAPE '\\' THEN ${n}`
  })
  return { sql: `CASE\n${whens.join('\n')}\n  END`, params }
}
