// Rule coverage: how much of the period's cost each mapping rule matches (first match wins) and how
// much no rule matches. Sums are exact DECIMAL, so matched plus unmatched equals the total.
import type { Basis, MappingRules, RulesCoverage } from '../api.js'
import type { RowSource } from '../rows/dimensions.js'
import type { Dataset } from '../sources/dataset.js'
import { itemsCte } from './line-query.js'
import { formatUnits, parseUnits, sum } from '../format/exact-money.js'
import { assertRules } from './rules.js'

export async function checkRules(
  dataset: Dataset,
  rules: MappingRules,
  basis: Basis,
  period?: string,
  options: { rowSource?: RowSource } = {},
): Promise<RulesCoverage> {
  const checked = assertRules(rules)
  const items = await itemsCte(dataset, {
    source: { rules: checked },
    basis,
    period: period === 'all' ? undefined : period,
    // Coverage names no principal: grouping by every ARN as well would only multiply the groups.
    lineDetail: 'none',
    rowSource: options.rowSource,
  })
  const rows = await dataset.engine.query<{
    rule_index: number | null
    amount: string
    line_items: string | number
  }>(
    `WITH ${items.sql}
SELECT rule_index, sum(cost) AS amount, sum(line_items) AS line_items
FROM items
GROUP BY rule_index`,
    items.params,
  )
  const byIndex = new Map(rows.map((r) => [r.rule_index, r]))
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
    total: formatUnits(sum(rows.map((r) => parseUnits(r.amount)))),
  }
}
