// How drill-down columns read: engine column names (snake_case) as headings people recognize,
// which columns hold money (shown in the currency), and a sensible width for each.

const ACRONYMS = new Set(['arn', 'id', 'ri', 'sp', 'az', 'sku'])

/** `principal_arn` → "Principal ARN", `usage_start` → "Usage start". */
export function columnTitle(name: string): string {
  const words = name
    .split(/[_\s]+/)
    .filter((w) => w.length > 0)
    .map((w) => (ACRONYMS.has(w.toLowerCase()) ? w.toUpperCase() : w.toLowerCase()))
  if (words.length === 0) return name
  const [first, ...rest] = words
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(' ')
}

/** Cost columns; usage quantities are not money even though they are amounts. */
export function isMoneyColumn(name: string): boolean {
  return /(^|_)(cost|fee)(_|$)/i.test(name) || /_cost$/i.test(name)
}

export function columnWidth(name: string): number {
  if (/arn|principal|resource|description|product_name|source_file|tags/i.test(name)) return 320
  if (/usage_type|operation|service|model|line_item_type/i.test(name)) return 220
  if (/start|end|date|time/i.test(name)) return 180
  return 150
}
