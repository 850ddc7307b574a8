// Zip archives whose bytes depend only on their files and one date: every entry carries that date
// (fflate), never the clock. Zip times are local DOS times, so the entries get a local date whose
// fields are the UTC date's: the same bytes in every time zone. DOS dates start in 1980.
import { strToU8, zipSync } from 'fflate'

export interface ZipEntry {
  name: string
  data: string | Uint8Array
}

export function zipFiles(entries: ZipEntry[], date: Date): Uint8Array {
  const mtime =
    date.getUTCFullYear() < 1980
      ? new Date(1980, 0, 1)
      : new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())
  const files: Record<string, Uint8Array> = {}
  for (const { name, data } of entries)
    files[name] = typeof data === 'string' ? strToU8(data) : data
  return zipSync(files, { level: 6, mtime })
}
