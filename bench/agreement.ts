// Whether CUR Lens and raw DuckDB returned the same answer: the same groups with the same sums, to
// the cent. Model groupings compare only their grand total: CUR Lens names models from usage types,
// which raw SQL groups by as they are.
export interface Answer {
  name: string
  groups?: Record<string, number>
}

export function agreement(a: Answer, b: Answer | undefined): string {
  if (!a.groups || !b?.groups) return ''
  const total = (g: Record<string, number>) => Object.values(g).reduce((s, v) => s + v, 0)
  if (Math.abs(total(a.groups) - total(b.groups)) > 0.01) return 'TOTALS DIFFER'
  if (a.name.includes('model')) return 'same total'
  const keys = new Set([...Object.keys(a.groups), ...Object.keys(b.groups)])
  for (const k of keys) {
    if (Math.abs((a.groups[k] ?? 0) - (b.groups[k] ?? 0)) > 0.01) return `DIFFERS at ${k}`
  }
  return 'same groups and sums'
}
