// exportChargeback(): the chargeback as files finance opens in Excel, each written atomically:
// chargeback-summary.csv (one row per recipient and per kept bucket), chargeback-allocations.csv
// (each shared bucket's rule and where it went), optionally statement-<recipient>.csv, and
// chargeback-metadata.json naming the source files with their SHA-256, the period, basis and rules,
// so the statement can be reproduced. Nothing time-dependent is written: same inputs, same bytes.
// Exporting again into the same folder removes the statements the previous export listed in its
// metadata and this one did not write, so no stale statement is left for a department head; no
// other file is ever removed.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, readFile, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { CurLensError } from '../errors/curlens-error.js'
import type { AttributedRows } from '../rows/attributed-rows.js'
import type { Dataset } from '../sources/dataset.js'
import { writeFileAtomic } from '../files/atomic-write.js'
import { toExcelCsv, type CsvCell, type CsvColumn } from '../format/excel-csv.js'
import { statementFileNames } from './file-names.js'
import { checkRequest } from './request.js'
import { chargeback } from './statements.js'
import type {
  ChargebackResult,
  ExportRequest,
  ExportResult,
  LineDetail,
  Statement,
} from '../api.js'

export const SUMMARY_FILE = 'chargeback-summary.csv'
export const ALLOCATIONS_FILE = 'chargeback-allocations.csv'
export const METADATA_FILE = 'chargeback-metadata.json'
/** What statementFileNames() writes: nothing else is taken for an earlier statement. */
const STATEMENT_FILE = /^statement-[A-Za-z0-9._-]+\.csv$/

const text = (name: string): CsvColumn => ({ name, type: 'text' })
const number = (name: string): CsvColumn => ({ name, type: 'number' })

const SUMMARY_COLUMNS = [
  text('recipient'),
  text('kind'),
  text('period'),
  text('basis'),
  number('direct'),
  number('shared'),
  number('total'),
]
const ALLOCATION_COLUMNS = [
  text('bucket'),
  text('treatment'),
  number('bucket_amount'),
  text('recipient'),
  number('amount'),
  text('description'),
]
/** The statement's principal column is named after the level its lines name. */
const statementColumns = (lineDetail: LineDetail) => [
  text('recipient'),
  text('period'),
  text('basis'),
  text('section'),
  text('service'),
  text('model'),
  text(lineDetail === 'none' ? 'principal' : lineDetail),
  text('rule'),
  text('description'),
  number('amount'),
]

export async function exportChargeback(
  rows: AttributedRows,
  request: ExportRequest,
): Promise<ExportResult> {
  if (typeof request.outDir !== 'string' || request.outDir.trim() === '') {
    throw new CurLensError('INVALID_QUERY', 'Choose a folder to export the chargeback to.')
  }
  const checked = checkRequest(request)
  // A statement handed to a department head lists every line, whatever the preview showed.
  const result = await chargeback(rows, { ...request, linesPerStatement: undefined })
  const { dataset } = rows
  const sources = await describeSources(dataset)
  const outDir = resolve(request.outDir)
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
  const previous = await previousStatements(outDir)
  const files: string[] = []
  const write = async (name: string, content: string) => {
    const path = join(outDir, name)
    await writeFileAtomic(path, content)
    files.push(path)
  }
  await write(SUMMARY_FILE, summaryCsv(result))
  await write(ALLOCATIONS_FILE, allocationsCsv(result))
  const statements: { recipient: string; kind: Statement['kind']; file: string }[] = []
  if (request.perRecipient) {
    const names = statementFileNames(result.statements.map((s) => s.recipient))
    for (const [i, statement] of result.statements.entries()) {
      await write(names[i], statementCsv(statement, result))
      statements.push({ recipient: statement.recipient, kind: statement.kind, file: names[i] })
    }
  }
  const metadata = {
    tool: 'CUR Lens',
    metadataVersion: 1,
    period: result.period,
    basis: result.basis,
    currency: dataset.info.currency,
    billTotal: result.billTotal,
    recipientsTotal: result.recipientsTotal,
    unallocated: result.unallocated,
    reconciles: result.reconciles,
    recipientsBy: 'rules' in checked.source ? 'rules' : checked.source.by,
    rules: 'rules' in checked.source ? checked.source.rules : null,
    shared: checked.treatments,
    sharedRoles: checked.sharedRoles,
    lineDetail: checked.lineDetail,
    filters: checked.filters,
    allocations: result.allocations.map(({ shares: _, ...a }) => a),
    sources,
    files: { summary: SUMMARY_FILE, allocations: ALLOCATIONS_FILE, statements },
  }
  await write(METADATA_FILE, `${JSON.stringify(metadata, null, 2)}\n`)
  const written = new Set(statements.map((s) => s.file))
  const removed: string[] = []
  for (const file of previous.filter((f) => !written.has(f))) {
    const path = join(outDir, file)
    await rm(path, { force: true }).catch((e: unknown) => {
      throw new CurLensError(
        'WRITE_FAILED',
        `The export is complete, but the old statement ${path} could not be removed ` +
          `(${(e as Error).message}). Close it if it is open, then export again.`,
        { file: path, cause: e },
      )
    })
    removed.push(path)
  }
  return { files, removed, chargeback: result }
}

/** Statement files the metadata of an earlier export in `outDir` lists (names checked: no paths). */
async function previousStatements(outDir: string): Promise<string[]> {
  let metadata: unknown
  try {
    metadata = JSON.parse(await readFile(join(outDir, METADATA_FILE), 'utf8'))
  } catch {
    return []
  }
  const listed = (metadata as { files?: { statements?: unknown } } | null)?.files?.statements
  if (!Array.isArray(listed)) return []
  return listed
    .map((s) => (s as { file?: unknown } | null)?.file)
    .filter((f): f is string => typeof f === 'string' && STATEMENT_FILE.test(f))
}

function summaryCsv(result: ChargebackResult): string {
  const rows: CsvCell[][] = result.statements.map((s) => [
    s.recipient,
    s.kind,
    s.period,
    s.basis,
    s.direct,
    s.shared,
    s.total,
  ])
  return toExcelCsv(SUMMARY_COLUMNS, rows)
}

function allocationsCsv(result: ChargebackResult): string {
  const rows: CsvCell[][] = result.allocations.flatMap((a) =>
    a.shares.map((share) => [
      a.bucket,
      a.treatment.method,
      a.amount,
      share.recipient,
      share.amount,
      a.description,
    ]),
  )
  return toExcelCsv(ALLOCATION_COLUMNS, rows)
}

/** Lines (adding up to direct, or to the kept amount), direct, each shared share, total. */
function statementCsv(s: Statement, result: ChargebackResult): string {
  const head = [s.recipient, s.period, s.basis]
  const rows: CsvCell[][] = s.lines.map((l) => [
    ...head,
    'line',
    l.service,
    l.model,
    l.principal,
    l.rule ?? null,
    null,
    l.amount,
  ])
  rows.push([...head, 'direct', null, null, null, null, 'Direct cost', s.direct])
  for (const share of s.sharedByBucket) {
    const allocation = result.allocations.find((a) => a.bucket === share.bucket)
    rows.push([
      ...head,
      'shared',
      null,
      null,
      null,
      null,
      allocation?.description ?? share.bucket,
      share.amount,
    ])
  }
  rows.push([...head, 'total', null, null, null, null, 'Total', s.total])
  return toExcelCsv(statementColumns(result.lineDetail), rows)
}

async function describeSources(dataset: Dataset) {
  const files = [...dataset.info.files].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  )
  return Promise.all(
    files.map(async (f) => ({
      path: f.path,
      bytes: f.bytes,
      rows: f.rows,
      sha256: await sha256(f.path),
    })),
  )
}

function sha256(path: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha256')
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolvePromise(hash.digest('hex')))
      .on('error', (e) =>
        reject(
          new CurLensError(
            'FILE_UNREADABLE',
            `Cannot read ${path} to record its SHA-256: ${e.message}`,
            {
              file: path,
              cause: e,
            },
          ),
        ),
      )
  })
}
