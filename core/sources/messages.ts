// Every user-facing text of core/sources, in one place. Each message names the file and says what is
// wrong with it in the user's words; the CurLensError code carries the machine-readable part.
import type { SourceFormat } from '../api.js'

const FORMAT_LABELS: Record<SourceFormat, string> = {
  'cur2-parquet': 'CUR 2.0 Parquet',
  'cur2-csv': 'CUR 2.0 CSV',
  'cur1-csv': 'legacy CUR CSV',
  'cur1-parquet': 'legacy CUR Parquet (Athena)',
  focus: 'FOCUS',
}

export function formatLabel(format: SourceFormat): string {
  return FORMAT_LABELS[format]
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024).toLocaleString('en-US')} MB`
}

export const messages = {
  fileNotFound: (file: string) => `${file} does not exist.`,
  unreadable: (file: string, detail: string) => `${file} cannot be read: ${sentence(detail)}`,
  fileEmpty: (file: string) => `${file} is empty.`,
  tooManyFiles: (folder: string, limit: number) =>
    `${folder} holds more than ${limit.toLocaleString('en-US')} files; pick the export folder itself.`,
  noCostFiles: (folder: string) =>
    `${folder} holds no cost files (Parquet, CSV, .csv.gz or .zip exports).`,
  parquetCorrupt: (file: string, detail: string) =>
    `${file} is not a readable Parquet file (truncated or corrupt): ${sentence(engineReason(detail))}`,
  notParquet: (file: string) =>
    `${file} is named like a Parquet file but is not one (truncated, corrupt or another format).`,
  notGzip: (file: string) => `${file} is named like a gzip file but is not gzip-compressed.`,
  gzipTruncated: (file: string) =>
    `${file} is truncated: the gzip data ends early, so part of the export is missing. Download it again.`,
  gzipCorrupt: (file: string, detail: string) =>
    `${file} is a damaged gzip file: ${sentence(detail)}`,
  decompressedTooLarge: (file: string, limit: number) =>
    `${file} expands to more than ${megabytes(limit)}; it was not loaded (possible decompression bomb).`,
  ratioTooHigh: (file: string, ratio: number) =>
    `${file} compresses more than ${ratio}:1, far beyond any cost export; it was not loaded (possible decompression bomb).`,
  zipTooManyEntries: (file: string, limit: number) =>
    `${file} holds more than ${limit.toLocaleString('en-US')} entries; it was not loaded.`,
  zipCorrupt: (file: string, detail: string) =>
    `${file} is not a readable zip archive: ${sentence(detail)}`,
  zipEncrypted: (file: string, entry: string) =>
    `${file} holds an encrypted entry (${entry}); encrypted archives are not supported.`,
  unsafeArchive: (file: string, detail: string) =>
    `${file} holds an entry with an unsafe path (${detail}); the archive was not opened.`,
  zipWithoutCsv: (file: string) => `${file} holds no CSV file.`,
  notACostExport: (file: string) =>
    `${file} is not a cost export: no CUR 2.0, legacy CUR or FOCUS columns were found in its header.`,
  missingColumns: (file: string, format: SourceFormat, columns: string[]) =>
    `${file} looks like a ${formatLabel(format)} file but lacks the column${columns.length > 1 ? 's' : ''} ${columns.join(', ')}.`,
  rowCountMismatch: (file: string, expected: number, loaded: number) =>
    `${file} has ${expected.toLocaleString('en-US')} data rows but ${loaded.toLocaleString('en-US')} were read; it may be truncated or damaged.`,
  csvUnreadable: (file: string, detail: string) =>
    `${file} could not be read as CSV: ${sentence(csvReason(detail))}`,
  mixedFormats: (groups: { label: string; files: string[] }[]) =>
    `The selection mixes export formats: ${groups
      .map((g) => `${g.label} (${listFiles(g.files)})`)
      .join('; ')}. Open one export at a time.`,
  mixedExports: (exports: { name: string; files: string[] }[]) =>
    `The selection holds more than one CUR 2.0 export: ${exports
      .map((e) => `"${e.name}" (${listFiles(e.files)})`)
      .join('; ')}. Open one export at a time.`,
  nothingLoaded: (count: number) =>
    `None of the ${count} files could be loaded; see the problems listed for each.`,
  cancelled: () => 'Opening the files was cancelled.',
  notInManifest: (period: string, manifest: string, files: string[]) =>
    `${period} holds ${count(files.length, 'file')} that its manifest (${manifest}) does not list, so ${files.length > 1 ? 'they were' : 'it was'} not loaded: ${listFiles(files)}. The manifest lists the month's latest delivery; the others are earlier ones.`,
  missingFromExport: (period: string, manifest: string, files: string[]) =>
    `${period} lacks ${count(files.length, 'file')} that its manifest (${manifest}) lists: ${listFiles(files)}. The totals shown do not include ${files.length > 1 ? 'them' : 'it'}.`,
  severalDeliveries: (period: string, deliveries: string[]) =>
    `${period} holds files in ${deliveries.length} delivery folders (${listFiles(deliveries)}) and no manifest names the current one, so all were loaded: if they are deliveries of the same month, it is counted ${deliveries.length} times.`,
  manifestUnreadable: (manifest: string, detail: string) =>
    `${manifest} is not a readable manifest (${detail}); the files were loaded without it.`,
}

/** DuckDB's reason without its error class and the SQL excerpt it appends (`LINE 1: …`). */
export function engineReason(detail: string): string {
  const [reason] = detail.split(/\n|\s+LINE \d+:/)
  return reason.replace(/^[A-Za-z ]*Error: /, '').trim()
}

/**
 * DuckDB's CSV reader error as "line N: what is wrong", in words, without the original line (it can
 * be megabytes long) and the reader options DuckDB appends; any other error as engineReason.
 */
export function csvReason(detail: string): string {
  const [first, second = '', third = ''] = detail.split('\n')
  const line = /CSV Error on Line: (\d+)/.exec(first)
  if (!line) return engineReason(detail)
  const reason = (second.startsWith('Original Line:') ? third : second).trim()
  const value =
    /^Error when converting column "(.*)"\. Could not convert string "(.*)" to '(\w+)/.exec(reason)
  if (value) {
    const [, column, text, type] = value
    return `line ${line[1]}: "${text}" in column ${column} is not ${TYPE_WORDS[type] ?? type}`
  }
  const fields = /^Expected Number of Columns: (\d+) Found: (\d+)/.exec(reason)
  if (fields) return `line ${line[1]}: the row does not have the header's ${fields[1]} fields`
  return `line ${line[1]}: ${reason}`
}

const TYPE_WORDS: Record<string, string> = {
  DECIMAL: 'a number',
  DOUBLE: 'a number',
  TIMESTAMP: 'a date and time',
}

/** A detail that ends a message, ending as a sentence does. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`
}

function listFiles(files: string[]): string {
  const shown = files.slice(0, 3).join(', ')
  return files.length > 3 ? `${shown} and ${files.length - 3} more` : shown
}
