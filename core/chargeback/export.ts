// exportChargeback(): the chargeback as files finance opens in Excel, each written atomically:
// chargeback-summary.csv (one row per recipient and per kept bucket), chargeback-allocations.csv
// (each shared bucket's rule and where it went), optionally statement-<recipient>.csv and the
// workbook chargeback.xlsx (workbook.ts), and chargeback-metadata.json naming the source files with
// their SHA-256, the period, basis and rules, so the statement can be reproduced. Nothing
// time-dependent is written: same inputs, same bytes.
// Exporting again into the same folder removes the statements (and workbook) the previous export
// listed in its metadata and this one did not write, so no stale statement is left for a department
// head; no other file is ever removed.
import { mkdir, readFile, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { CurLensError } from '../errors/curlens-error.js'
import type { AttributedRows } from '../rows/attributed-rows.js'
import { writeFileAtomic } from '../files/atomic-write.js'
import { toExcelCsv } from '../format/excel-csv.js'
import type { XlsxTable } from '../format/xlsx.js'
import { statementFileNames } from './file-names.js'
import {
  chargebackMetadata,
  describeSources,
  describeUsageLogs,
  type ExportFiles,
  type LoadedLogFiles,
} from './metadata.js'
import { checkRequest } from './request.js'
import { chargeback } from './statements.js'
import { allocationsTable, statementTable, summaryTable } from './tables.js'
import { chargebackWorkbook, exportDate } from './workbook.js'
import { zipFiles } from '../format/zip.js'
import type {
  ChargebackDownload,
  ChargebackDownloadRequest,
  ChargebackResult,
  ExportRequest,
  ExportResult,
} from '../api.js'

export const SUMMARY_FILE = 'chargeback-summary.csv'
export const ALLOCATIONS_FILE = 'chargeback-allocations.csv'
export const METADATA_FILE = 'chargeback-metadata.json'
export const WORKBOOK_FILE = 'chargeback.xlsx'
/** What statementFileNames() writes: nothing else is taken for an earlier statement. */
const STATEMENT_FILE = /^statement-[A-Za-z0-9._-]+\.csv$/

/** One exported file, named within the export's folder. */
export interface ExportFile {
  name: string
  data: string | Uint8Array
}

/** Amounts are plain numbers in the CSV. */
const csv = (table: XlsxTable) =>
  toExcelCsv(
    table.columns.map((c) => ({ name: c.name, type: c.type === 'text' ? 'text' : 'number' })),
    table.rows,
  )

/**
 * The export's files in the order they are written, the metadata last, and the figures in them.
 * A statement handed to a department head lists every line, whatever the preview showed.
 */
export async function chargebackFiles(
  rows: AttributedRows,
  request: Omit<ExportRequest, 'outDir'>,
  logs?: LoadedLogFiles,
): Promise<{ files: ExportFile[]; chargeback: ChargebackResult }> {
  const checked = checkRequest(request)
  const result = await chargeback(rows, { ...request, linesPerStatement: undefined })
  const { dataset } = rows
  const sources = await describeSources(dataset)
  const usageLogs = await describeUsageLogs(logs)
  const files: ExportFile[] = [
    { name: SUMMARY_FILE, data: csv(summaryTable(result)) },
    { name: ALLOCATIONS_FILE, data: csv(allocationsTable(result)) },
  ]
  const listed: ExportFiles = {
    summary: SUMMARY_FILE,
    allocations: ALLOCATIONS_FILE,
    statements: [],
  }
  if (request.perRecipient) {
    const names = statementFileNames(result.statements.map((s) => s.recipient))
    for (const [i, statement] of result.statements.entries()) {
      files.push({ name: names[i], data: csv(statementTable(statement, result)) })
      listed.statements.push({
        recipient: statement.recipient,
        kind: statement.kind,
        file: names[i],
      })
    }
  }
  if (request.xlsx) listed.workbook = WORKBOOK_FILE
  const metadata = chargebackMetadata(result, checked, dataset, sources, listed, usageLogs)
  if (request.xlsx) {
    const workbook = await chargebackWorkbook(result, metadata, dataset.info.billingPeriods)
    files.push({ name: WORKBOOK_FILE, data: workbook })
  }
  files.push({ name: METADATA_FILE, data: `${JSON.stringify(metadata, null, 2)}\n` })
  return { files, chargeback: result }
}

/**
 * The export as one file for a browser to save (web mode): the workbook, or a zip of the CSVs
 * (statements too with `perRecipient`) and the metadata. Same inputs, same bytes.
 */
export async function chargebackDownload(
  rows: AttributedRows,
  request: ChargebackDownloadRequest,
  logs?: LoadedLogFiles,
): Promise<ChargebackDownload> {
  if (request?.as !== 'xlsx' && request?.as !== 'zip') {
    throw new CurLensError('INVALID_QUERY', 'A chargeback downloads as "xlsx" or "zip".')
  }
  const { as, ...rest } = request
  const { files, chargeback: result } = await chargebackFiles(
    rows,
    { ...rest, xlsx: as === 'xlsx' },
    logs,
  )
  const name = `chargeback-${result.period}.${as}`
  const data =
    as === 'xlsx'
      ? (files.find((f) => f.name === WORKBOOK_FILE)!.data as Uint8Array)
      : zipFiles(files, exportDate(result.period, rows.dataset.info.billingPeriods))
  return { name, base64: Buffer.from(data).toString('base64'), chargeback: result }
}

export async function exportChargeback(
  rows: AttributedRows,
  request: ExportRequest,
  logs?: LoadedLogFiles,
): Promise<ExportResult> {
  if (typeof request.outDir !== 'string' || request.outDir.trim() === '') {
    throw new CurLensError('INVALID_QUERY', 'Choose a folder to export the chargeback to.')
  }
  const outDir = resolve(request.outDir)
  const { files: contents, chargeback: result } = await chargebackFiles(rows, request, logs)
  try {
    await mkdir(outDir, { recursive: true })
  } catch (e) {
    throw new CurLensError(
      'WRITE_FAILED',
      `Cannot create the folder ${outDir}: ${(e as Error).message}`,
      {
        file: outDir,
        cause: e,
      },
    )
  }
  const previous = await previousFiles(outDir)
  const files: string[] = []
  for (const { name, data } of contents) {
    const path = join(outDir, name)
    await writeFileAtomic(path, data)
    files.push(path)
  }
  const written = new Set(contents.map((f) => f.name))
  const removed: string[] = []
  for (const file of previous.filter((f) => !written.has(f))) {
    const path = join(outDir, file)
    await rm(path, { force: true }).catch((e: unknown) => {
      throw new CurLensError(
        'WRITE_FAILED',
        `The export is complete, but the old file ${path} could not be removed ` +
          `(${(e as Error).message}). Close it if it is open, then export again.`,
        { file: path, cause: e },
      )
    })
    removed.push(path)
  }
  return { files, removed, chargeback: result }
}

/**
 * Statement files and the workbook the metadata of an earlier export in `outDir` lists (names
 * checked: no paths).
 */
async function previousFiles(outDir: string): Promise<string[]> {
  let metadata: unknown
  try {
    metadata = JSON.parse(await readFile(join(outDir, METADATA_FILE), 'utf8'))
  } catch {
    return []
  }
  const files = (metadata as { files?: { statements?: unknown; workbook?: unknown } } | null)?.files
  const statements = Array.isArray(files?.statements) ? (files.statements as unknown[]) : []
  return [
    ...statements
      .map((s) => (s as { file?: unknown } | null)?.file)
      .filter((f): f is string => typeof f === 'string' && STATEMENT_FILE.test(f)),
    ...(files?.workbook === WORKBOOK_FILE ? [WORKBOOK_FILE] : []),
  ]
}
