// Recently opened sources, newest first, in userData/recent.json. A missing or damaged file reads
// as an empty list (the list is a convenience, never worth an error), and writes are atomic so a
// crash mid-write cannot leave a half-written file.
import { readFile } from 'node:fs/promises'

const MAX_RECENT = 10

export interface RecentSources {
  list(): Promise<string[][]>
  add(paths: string[]): Promise<string[][]>
}

export function createRecentSources(
  file: string,
  writeAtomic: (file: string, data: string) => Promise<void>,
): RecentSources {
  async function list(): Promise<string[][]> {
    try {
      const parsed: unknown = JSON.parse(await readFile(file, 'utf8'))
      const entries = (parsed as { recent?: unknown })?.recent
      return Array.isArray(entries) ? entries.filter(isPathList).slice(0, MAX_RECENT) : []
    } catch {
      return []
    }
  }
  return {
    list,
    async add(paths) {
      if (!isPathList(paths)) return list()
      const key = JSON.stringify(paths)
      const next = [paths, ...(await list()).filter((p) => JSON.stringify(p) !== key)].slice(
        0,
        MAX_RECENT,
      )
      await writeAtomic(file, JSON.stringify({ version: 1, recent: next }, null, 2))
      return next
    },
  }
}

function isPathList(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((p) => typeof p === 'string' && p.length > 0)
  )
}
