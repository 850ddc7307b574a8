// Saves what the API made (a workbook, a zip, a CSV) as a browser download: web mode has no folder
// dialog, so the browser asks where, or puts it in Downloads. The bytes never leave the page.
import type { FileDownload } from '../../../core/api.js'

const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  zip: 'application/zip',
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has taken the bytes once the click is handled; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** A file the API returned as base64 (FileDownload), typed by its extension. */
export function saveDownload(file: FileDownload): void {
  const binary = atob(file.base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  const extension = file.name.split('.').pop() ?? ''
  saveBlob(new Blob([bytes], { type: TYPES[extension] ?? 'application/octet-stream' }), file.name)
}
