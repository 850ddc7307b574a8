// One load, one export: files of different formats, or of two different CUR 2.0 exports, are an
// error that names them (MIXED_FORMATS), never a silent union of unrelated bills.
import { CurLensError } from '../errors/curlens-error.js'
import { exportName, shapeKey, type Shape } from './classify.js'
import type { SourcePart } from './inspect.js'
import { formatLabel, messages } from './messages.js'

export function checkOneExport(parts: SourcePart[]): void {
  const formats = groupFiles(parts, (p) => shapeKey(p.shape))
  if (formats.size > 1) {
    const groups = [...formats.values()].map((g) => ({ label: label(g.shape), files: g.files }))
    throw new CurLensError('MIXED_FORMATS', messages.mixedFormats(groups), {
      file: groups[0].files[0],
    })
  }
  if (parts[0].shape.family !== 'cur2') return
  const exports = groupFiles(parts, (p) => exportName(p.file))
  if (exports.size > 1) {
    const list = [...exports].map(([name, g]) => ({ name: name ?? '', files: g.files }))
    throw new CurLensError('MIXED_FORMATS', messages.mixedExports(list), { file: list[0].files[0] })
  }
}

function label(shape: Shape): string {
  if (shape.format !== 'focus') return formatLabel(shape.format)
  return `${formatLabel(shape.format)} ${shape.container === 'csv' ? 'CSV' : 'Parquet'}`
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
