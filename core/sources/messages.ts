// Every user-facing text of core/sources, in one place. Each message names the file and says what is
// wrong with it in the user's words; the CurLensError code carries the machine-readable part.
import type { SourceFormat } from '../api.js'
import type { Shape } from './classify.js'

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

/** The format as the files have it: FOCUS CSV and Parquet, legacy CUR CSV with Athena's names. */
export function shapeLabel(shape: Shape): string {
  if (shape.format === 'focus') {
    return `${formatLabel(shape.format)} ${shape.container === 'csv' ? 'CSV' : 'Parquet'}`
  }
  if (shape.format === 'cur1-csv' && shape.naming === 'snake') {
    return `${formatLabel(shape.format)} with Athena's column names`
  }
  return formatLabel(shape.format)
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
    `${file} is password-protected (${entry} is encrypted), so it cannot be read; unzip it with its password and open the CSV inside.`,
  unsafeArchive: (file: string, detail: string) =>
    `${file} holds an entry with an unsafe path (${detail}); the archive was not opened.`,
  badUtf16: (file: string, encoding: string) =>
    `${file} is saved as ${encoding.toUpperCase()} text but holds bytes that are not valid ${encoding.toUpperCase()}; save it again as UTF-8, or open the export as AWS wrote it.`,
  zipWithoutCsv: (file: string) => `${file} holds no CSV file.`,
  notACostExport: (file: string) =>
    `${file} is not a cost export: no CUR 2.0, legacy CUR or FOCUS columns were found in its header.`,
  missingColumns: (file: string, shape: Shape, columns: string[]) =>
    `${file} looks like a ${shapeLabel(shape)} file but lacks the column${columns.length > 1 ? 's' : ''} ${columns.join(columns.length > 2 ? ', ' : ' and ')}.`,
  periodFromFolder: (file: string, folder: string, month: string) =>
    `${file} has no billing period column, so its rows are counted in ${month}, the month its folder ${folder} names.`,
  periodFromUsage: (file: string) =>
    `${file} has no billing period column and is in no BILLING_PERIOD= folder, so each row is counted in the month its usage starts; usage billed in a later month is counted in the month it was used. Open the export's own folder to count it in the month billed.`,
  spreadsheetDamage: (
    file: string,
    column: string,
    value: string,
    kind: 'date' | 'account',
    line?: number,
  ) =>
    `${file} looks re-saved by a spreadsheet: ${column} holds "${shorten(value)}"${line ? ` on line ${line.toLocaleString('en-US')}` : ''}, as a spreadsheet displays ${kind === 'date' ? 'a date and time' : 'a 12-digit account id'}, and the export's own values cannot be recovered from it. Open the original export as downloaded from AWS.`,
  /** `place`: where in the file, e.g. "line 5" (CSV) or "row 5" (Parquet). */
  unreadableTimestamp: (file: string, column: string, value: string, place?: string) =>
    `${file}${place ? ` ${place}` : ''}: "${shorten(value)}" in column ${column} is not a date and time.`,
  columnsNotRead: (file: string, columns: string[]) =>
    `${file} has ${count(columns.length, 'column')} that look${columns.length === 1 ? 's' : ''} like tags, principals or costs but that CUR Lens does not read: ${listNames(columns)}. Their values are in no report, split or tag list; if they matter, open the export as AWS wrote it, or name them as its columns are named.`,
  mapNotJson: (file: string, column: string, rows: number, example: string) =>
    `${file} has ${count(rows, 'row')} whose ${column} cell holds text that is not a JSON object (such as "${shorten(example)}"); ${rows === 1 ? 'it is' : 'they are'} read as if the cell were empty, so the ${MAP_CONTENTS[column] ?? 'tags'} it would give ${rows === 1 ? 'that row are' : 'them are'} missing. Their costs count as usual.`,
  rowCountMismatch: (file: string, expected: number, loaded: number) =>
    `${file} has ${expected.toLocaleString('en-US')} data rows but ${loaded.toLocaleString('en-US')} were read; it may be truncated or damaged.`,
  unclosedQuote: (file: string, line: number) =>
    `${file} could not be read as CSV: line ${line.toLocaleString('en-US')}: a quoted field is never closed, so the rest of the file would be read as one value.`,
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
  const line = /CSV Error on Line: (\d+)/.exec(detail)?.[1]
  if (!line) return engineReason(detail)
  const value = csvValueError(detail)
  if (value) {
    return `line ${line}: "${value.value}" in column ${value.column} is not ${TYPE_WORDS[value.type] ?? value.type}`
  }
  const fields = /^Expected Number of Columns: (\d+) Found: (\d+)/m.exec(detail)
  if (fields) return `line ${line}: the row does not have the header's ${fields[1]} fields`
  for (const [pattern, words] of CSV_ERRORS)
    if (pattern.test(detail)) return `line ${line}: ${words}`
  const [, second = '', third = ''] = detail.split('\n')
  const reason = (second.startsWith('Original Line:') ? third : second).trim()
  return `line ${line}: ${reason}`
}

/** DuckDB's reasons for a CSV error, in words. */
const CSV_ERRORS: [RegExp, string][] = [
  [/^Value with unterminated quote found/m, 'a quoted field is never closed'],
  [/^Invalid unicode \(byte sequence mismatch\)/m, 'it holds bytes that are not UTF-8 text'],
]

/** A value DuckDB's CSV reader could not convert: where, which column, the value and the type. */
export function csvValueError(
  detail: string,
): { line: number; column: string; value: string; type: string } | undefined {
  const line = /CSV Error on Line: (\d+)/.exec(detail)?.[1]
  const value =
    /^Error when converting column "(.*)"\. Could not convert string "(.*)" to '(\w+)/m.exec(detail)
  if (!line || !value) return undefined
  return { line: Number(line), column: value[1], value: value[2], type: value[3] }
}

/** What a map column gives a row, for the messages about cells that are not JSON. */
const MAP_CONTENTS: Record<string, string> = {
  product: 'product attributes (such as the model)',
  SkuPriceDetails: 'model and token type',
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

/** A value from a file, cut to a length a message can show. */
function shorten(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`
}

function listNames(names: string[]): string {
  const shown = names.slice(0, 10).join(', ')
  return names.length > 10 ? `${shown} and ${names.length - 10} more` : shown
}

function listFiles(files: string[]): string {
  const shown = files.slice(0, 3).join(', ')
  return files.length > 3 ? `${shown} and ${files.length - 3} more` : shown
}
