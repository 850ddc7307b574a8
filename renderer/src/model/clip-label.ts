// Shortens a long label for a chart axis by cutting its middle, so both the start and the end
// (for principals, the person or session that tells two rows apart) stay readable.
export function clipMiddle(text: string, max: number): string {
  if (text.length <= max || max < 5) return text
  const head = Math.ceil((max - 1) * 0.4)
  const tail = max - 1 - head
  return `${text.slice(0, head)}…${text.slice(text.length - tail)}`
}
