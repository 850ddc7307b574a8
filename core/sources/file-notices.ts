// What the user should know about files that did load: where a file's billing period came from when
// it has no column for it, the columns that look like tags, principals or costs that nothing reads,
// and the map cells that were not JSON. One notice of each kind per file (a zip's entries together),
// listed with the problems; files that failed to load are listed once, with their failure only.
import { CurLensError } from '../errors/curlens-error.js'
import { periodNotice } from './billing-period.js'
import type { SourcePart } from './inspect.js'
import { messages } from './messages.js'

export function fileNotices(parts: SourcePart[]): CurLensError[] {
  const byFile = new Map<string, SourcePart[]>()
  for (const part of parts) byFile.set(part.file, [...(byFile.get(part.file) ?? []), part])
  const notices: CurLensError[] = []
  for (const [file, own] of byFile) {
    const period = periodNotice(file, own[0].period)
    if (period) notices.push(period)
    const unread = [...new Set(own.flatMap((p) => p.unreadColumns))]
    if (unread.length > 0) {
      notices.push(
        new CurLensError('COLUMNS_NOT_READ', messages.columnsNotRead(file, unread), { file }),
      )
    }
    const cells = new Map<string, { rows: number; example: string }>()
    for (const found of own.flatMap((p) => p.mapsNotJson ?? [])) {
      const seen = cells.get(found.column)
      cells.set(found.column, {
        rows: (seen?.rows ?? 0) + found.rows,
        example: seen?.example ?? found.example,
      })
    }
    for (const [column, { rows, example }] of cells) {
      const message = messages.mapNotJson(file, column, rows, example)
      notices.push(new CurLensError('MAP_NOT_JSON', message, { file }))
    }
  }
  return notices
}
