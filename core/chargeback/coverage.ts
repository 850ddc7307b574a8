// Rule coverage: how much of the period's cost each mapping rule matches (first match wins) and how
// much no rule matches. Sums are exact DECIMAL, so matched plus unmatched equals the total.
import type { Basis, MappingRules, RulesCoverage } from '../api.js'
import type { AttributedRows, ReadOptions } from '../rows/attributed-rows.js'
import { itemsRead } from './line-query.js'
import { formatUnits, parseUnits, sum } from '../format/exact-money.js'
import { assertRules } from './rules.js'

export async function checkRules(
  rows: AttributedRows,
  rules: MappingRules,
  basis: Basis,
  period?: string,
  options: { base?: ReadOptions['base'] } = {},
): Promise<RulesCoverage> {
  const checked = assertRules(rules)
  const items = await itemsRead(rows, {
    source: { rules: checked },
    basis,
    period: period === 'all' ? undefined : period,
    // Coverage names no principal: grouping by every ARN as well would only multiply the groups.
    lineDetail: 'none',
  })
  const matched = await rows.read<{
    rule_index: number | null
    amount: string
    line_items: string | number
  }>(
    items.read,
    (groups) => `WITH ${items.ctes(groups)}
SELECT rule_index, sum(cost) AS amount, sum(line_items) AS line_items
FROM items
GROUP BY rule_index`,
    items.params,
    options,
  )
  const byIndex = new Map(matched.map((r) => [r.rule_index, r]))
  const unmatched = byIndex.get(null)
  const coverage = checked.rules.map((rule, i) => {
    const row = byIndex.get(i + 1)
    return {
      ruleId: rule.id,
      recipient: rule.recipient,
      matchedCost: formatUnits(row ? parseUnits(row.amount) : 0n),
      rows: Number(row?.line_items ?? 0),
    }
  })
  return {
    rules: coverage,
    unmatched: formatUnits(unmatched ? parseUnits(unmatched.amount) : 0n),
    unmatchedRows: Number(unmatched?.line_items ?? 0),
    total: formatUnits(sum(matched.map((r) => parseUnits(r.amount)))),
  }
}
