// The figures and aligned text tables that `cur-lens report` and `cur-lens diff` print: each metric
// rounded for reading (money to the cent, usage to 4 decimals at most, tokens and counts whole),
// figures trimmed for CSV, and columns padded to one width with the figures right-aligned.
import type { Metric } from '../core/api.js'
import { METRICS } from '../core/api-values.js'
import { decimalText } from './decimal-text.js'

/** Money to the cent, usage to 4 decimals at most, tokens and counts whole. */
export const FIGURES: Record<Metric, (value: string) => string> = Object.fromEntries(
  METRICS.map((m) => [
    m,
    m === 'tokens' || m === 'count' ? decimalText(0) : decimalText(2, m === 'usage' ? 4 : 2),
  ]),
) as Record<Metric, (value: string) => string>

/** Trailing zeros trimmed: 142.3 rather than 142.3000000000. */
export function csvNumber(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value
}

/**
 * An aligned table with an optional total line under a rule. `rightAligned` says which columns are
 * figures; by default every column whose body cells all read as numbers.
 */
export function textTable(
  header: string[],
  body: string[][],
  options: { total?: string[]; rightAligned?: (column: number) => boolean } = {},
): string {
  const { total } = options
  const rows = total ? [header, ...body, total] : [header, ...body]
  const widths = header.map((_, c) => Math.max(...rows.map((r) => r[c].length)))
  const numeric = (c: number) => body.length > 0 && body.every((r) => /^[-+]?[\d,.]+$/.test(r[c]))
  const right = options.rightAligned ?? numeric
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (right(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd()
  const rule = widths.map((w) => '-'.repeat(w)).join('  ')
  return `${[line(header), ...body.map(line), ...(total ? [rule, line(total)] : [])].join('\n')}\n`
}
