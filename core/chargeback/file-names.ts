// File names for per-recipient statements: readable where the recipient name is already safe,
// otherwise a slug plus a short hash of the name, so that two recipients never share a file, even
// on case-insensitive file systems, and no name can escape the output folder.
import { createHash } from 'node:crypto'

const MAX_SLUG = 60

/** One file name per recipient, in the same order (the same name twice still gets two files). */
export function statementFileNames(recipients: string[]): string[] {
  const slugs = recipients.map((name) => {
    const slug = name
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, MAX_SLUG)
    return { name, slug, changed: slug !== name }
  })
  // Changed names always get a hash; unchanged ones only when another differs from them by case.
  const counts = new Map<string, number>()
  for (const s of slugs) {
    if (!s.changed) counts.set(s.slug.toLowerCase(), (counts.get(s.slug.toLowerCase()) ?? 0) + 1)
  }
  const names: string[] = []
  const used = new Set<string>()
  for (const s of slugs) {
    const needsHash = s.changed || s.slug === '' || counts.get(s.slug.toLowerCase())! > 1
    const hash = createHash('sha256').update(s.name).digest('hex').slice(0, 8)
    let file = `statement-${needsHash ? [s.slug, hash].filter(Boolean).join('-') : s.slug}.csv`
    for (let n = 2; used.has(file.toLowerCase()); n++)
      file = file.replace(/(-\d+)?\.csv$/, `-${n}.csv`)
    used.add(file.toLowerCase())
    names.push(file)
  }
  return names
}
