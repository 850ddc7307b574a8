// How every output names the group of line items without a value for a dimension: the CLI's
// tables, the breakdown workbook and the app's tables and charts all show the same words.
import type { Dimension } from '../api.js'

const PRINCIPAL_DIMENSIONS: readonly Dimension[] = ['principal', 'person', 'role']

/** `(untagged)`, `(unallocated)` (no logged end user), `(no principal)` or `(unknown)`. */
export function emptyGroupLabel(dimension: Dimension): string {
  if (dimension.startsWith('tag:') || dimension.startsWith('log-tag:')) return '(untagged)'
  if (dimension === 'user') return '(unallocated)'
  return PRINCIPAL_DIMENSIONS.includes(dimension) ? '(no principal)' : '(unknown)'
}
