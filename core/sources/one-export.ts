// One load, one export: files of different formats, or of two different CUR 2.0 exports, are an
// error that names them (MIXED_FORMATS), never a silent union of unrelated bills. Files that failed
// on their own are listed once, with their own problem, after the groups.
import { CurLensError } from '../errors/curlens-error.js'
import { exportName, shapeKey, type Shape } from './classify.js'
import type { SourcePart } from './inspect.js'
import { messages, shapeLabel } from './messages.js'

/** Whether the parts are of one format and (for CUR 2.0) one export. */
export function isOneExport(parts: SourcePart[]): boolean {
  return mixed(parts) === undefined
}

/** Throws MIXED_FORMATS when the parts are not one export; `problems` are the other files'. */
export function checkOneExport(parts: SourcePart[], problems: CurLensError[] = []): void {
  const found = mixed(parts)
  if (!found) return
  const others = problems.map((p) => `\n- ${p.message}`).join('')
  throw new CurLensError('MIXED_FORMATS', `${found.message}${others}`, { file: found.file })
}

function mixed(parts: SourcePart[]): { message: string; file: string } | undefined {
  const formats = groupFiles(parts, (p) => shapeKey(p.shape))
  if (formats.size > 1) {
    const groups = [...formats.values()].map((g) => ({
      label: shapeLabel(g.shape),
      files: g.files,
    }))
    return { message: messages.mixedFormats(groups), file: groups[0].files[0] }
  }
  if (parts[0].shape.family !== 'cur2') return undefined
  const exports = groupFiles(parts, (p) => exportName(p.file))
  if (exports.size <= 1) return undefined
  const list = [...exports].map(([name, g]) => ({ name: name ?? '', files: g.files }))
  return { message: messages.mixedExports(list), file: list[0].files[0] }
}

/** Files by key; parts without a key (a renamed CUR 2.0 file) are not compared. */
function groupFiles(parts: SourcePart[], keyOf: (part: SourcePart) => string | undefined) {
  const groups = new Map<string, { shape: Shape; files: string[] }>()
  for (const part of parts) {
    const key = keyOf(part)
    if (key === undefined) continue
    const group = groups.get(key) ?? { shape: part.shape, files: [] }
    if (!group.files.includes(part.file)) group.files.push(part.file)
    groups.set(key, group)
  }
  return groups
}
