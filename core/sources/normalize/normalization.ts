// One format's normalization: the expression of every `cur` column over that format's staged
// columns (see staging.ts). The `cur` view selects them all; the totals built on open (totals.ts)
// sum the money expressions grouped by `summaryInputs`, so the summary's figures are the view's own.
import { CUR_COLUMNS } from '../cur-columns.js'

export interface Normalization {
  /** Expression per `cur` column name, over staged column names. */
  columns: Record<string, string>
  /** The staged columns that billing_period, line_item_type, service and currency read. */
  summaryInputs: readonly string[]
  /** The staged columns that `tags` reads; `tag_set` is their hash. */
  tagInputs: readonly string[]
}

/** `SELECT <every cur column> FROM <from>`, in the documented column order. */
export function normalizedSelect(normalization: Normalization, from: string): string {
  return `SELECT\n  ${selectList(
    normalization,
    CUR_COLUMNS.map((c) => c.name),
  )}\nFROM ${from}`
}

/** `<expression> AS <name>` for each named `cur` column. */
export function selectList(normalization: Normalization, names: readonly string[]): string {
  return names
    .map((name) => {
      const expression = normalization.columns[name]
      if (expression === undefined) throw new Error(`No normalization for the column ${name}`)
      return `${expression} AS ${name}`
    })
    .join(',\n  ')
}

/**
 * `cur_tags_of(tag_inputs)`: the `tags` a row's raw tag columns merge into, as a macro, so that the
 * merge runs once per combination of tags (see core/rows/tag-sets.ts) and not on every row.
 * Input names come from the closed lists of the normalizations, never from a file.
 */
export function tagMacroSql(normalization: Normalization): string[] {
  const inputs = normalization.tagInputs
  const fields = inputs.map((name) => `struct_extract(tag_inputs, '${name}')`)
  return [
    `CREATE OR REPLACE MACRO cur_merge_tags(${inputs.join(', ')}) AS ${normalization.columns.tags}`,
    `CREATE OR REPLACE MACRO cur_tags_of(tag_inputs) AS cur_merge_tags(${fields.join(', ')})`,
  ]
}
