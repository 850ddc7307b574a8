// The dataset's totals, computed on open in the one scan that also profiles it: the row count and
// the four money columns, each row's value exactly as the `cur` view computes it, summed by file and
// by the staged columns the summary's dimensions read. It holds a few thousand rows at most; the
// summary, the billing periods and the product-name lookup read it instead of the files.
// `cur_rollup` gives it the view's dimension names: file, billing period, line item type, service
// and currency.
import type { Normalization } from './normalize/normalization.js'
import { selectList } from './normalize/normalization.js'

export const TOTALS_TABLE = 'cur_totals'
export const ROLLUP_VIEW = 'cur_rollup'

const MONEY_COLUMNS = ['unblended_cost', 'net_unblended_cost', 'amortized_cost', 'ondemand_cost']
const DIMENSIONS = ['billing_period', 'line_item_type', 'service', 'currency']

/** `withFirstRow` keeps each group's first row number (for the product-name lookup). */
export function createTotalsSql(normalization: Normalization, withFirstRow: boolean): string {
  const sums = MONEY_COLUMNS.map((m) => `sum(${normalization.columns[m]}) AS ${m}`)
  const firstRow = withFirstRow ? ',\n  min(file_row_number) AS first_row' : ''
  return `CREATE TABLE ${TOTALS_TABLE} AS
SELECT source_file, ${normalization.summaryInputs.join(', ')},
  count(*) AS rows,
  ${sums.join(',\n  ')}${firstRow}
FROM cur_raw
GROUP BY ALL`
}

/** `staged` is the totals table as the view stages its rows (with the product names joined in). */
export function createRollupSql(normalization: Normalization, staged: string): string {
  return `CREATE VIEW ${ROLLUP_VIEW} AS
SELECT source_file,
  ${selectList(normalization, DIMENSIONS)},
  rows, ${MONEY_COLUMNS.join(', ')}
FROM (${staged})`
}
