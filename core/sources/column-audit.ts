// Which columns of a file look like tags, principals or costs but are read by nothing: a tag column
// the normalization does not gather would leave every tag report "untagged" with no word why. Such a
// column is reported unless it is a standard column of its format (standard-columns.ts) that the
// normalization deliberately leaves unread, such as blended cost.
import type { Shape } from './classify.js'
import { athenaName, legacyTagKey, STAGED_COLUMNS } from './column-types.js'
import {
  CUR2_STANDARD_COLUMNS,
  FOCUS_STANDARD_COLUMNS,
  LEGACY_ONLY_COLUMNS,
} from './standard-columns.js'

const TAG_LIKE = /tag|^cost_?categor/i
const PRINCIPAL_LIKE = /principal|identity|user_?identifier/i
const COST_LIKE = /cost|amount/i

/** The columns of `columns` that look like a tag, principal or cost and that nothing reads. */
export function unreadColumns(shape: Shape, columns: string[]): string[] {
  const read = new Set(STAGED_COLUMNS[shape.family].map((c) => c.name.toLowerCase()))
  return columns.filter((column) => {
    if (!TAG_LIKE.test(column) && !PRINCIPAL_LIKE.test(column) && !COST_LIKE.test(column)) {
      return false
    }
    const name = shape.family === 'cur1' ? athenaName(column) : column
    if (read.has(name.toLowerCase())) return false
    if (shape.family === 'cur1' && legacyTagKey(column) !== undefined) return false
    return !isStandard(shape, name)
  })
}

function isStandard(shape: Shape, name: string): boolean {
  switch (shape.family) {
    case 'cur2':
      return CUR2_STANDARD_COLUMNS.has(name)
    case 'cur1':
      return (
        CUR2_STANDARD_COLUMNS.has(name) ||
        LEGACY_ONLY_COLUMNS.has(name) ||
        name.startsWith('product_')
      )
    case 'focus':
      return FOCUS_STANDARD_COLUMNS.has(name)
  }
}
