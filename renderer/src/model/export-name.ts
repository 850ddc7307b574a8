// A name for what is open, for the app bar: the export's folder name as AWS wrote it. A file
// inside `<export>/data/BILLING_PERIOD=…/` is named after `<export>`.
import { fileName } from './errors.js'

function segments(path: string): string[] {
  return path.split(/[\\/]+/).filter((s) => s.length > 0)
}

function nameOf(path: string): string {
  const parts = segments(path)
  const data = parts.findIndex(
    (part, i) => part === 'data' && (parts[i + 1] ?? '').startsWith('BILLING_PERIOD='),
  )
  if (data > 0) return parts[data - 1]
  const period = parts.findIndex((part) => part.startsWith('BILLING_PERIOD='))
  if (period > 0) return parts[period - 1]
  return fileName(path)
}

export function exportName(paths: readonly string[]): string {
  if (paths.length === 0) return 'Cost and Usage Report'
  const names = [...new Set(paths.map(nameOf))]
  return names.length === 1 ? names[0] : `${names[0]} + ${names.length - 1} more`
}
