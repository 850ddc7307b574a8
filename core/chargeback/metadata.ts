// What a chargeback export records so it can be reproduced: the period, basis and currency, the
// reconciliation, who the recipients are (rules or a dimension), the shared-cost treatments, the
// filters, and each source file with its SHA-256; with usage logs loaded, each log file with its
// SHA-256 and the user key, since `user` and `log-tag:` recipients depend on them. The JSON sidecar
// and the workbook's metadata sheet both show this one object.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { ChargebackResult, Statement } from '../api.js'
import { CurLensError } from '../errors/curlens-error.js'
import type { Dataset } from '../sources/dataset.js'
import type { CheckedRequest } from './request.js'

export interface SourceRecord {
  path: string
  bytes: number
  rows: number
  sha256: string
}

/** The usage logs loaded with the export: the request-metadata key read as the end user, and the files. */
export interface UsageLogsRecord {
  userKey: string
  files: { path: string; bytes: number; sha256: string }[]
}

/** The usage logs of the session, as the export is asked for. */
export interface LoadedLogFiles {
  userKey: string
  files: readonly string[]
}

export interface ExportFiles {
  summary: string
  allocations: string
  statements: { recipient: string; kind: Statement['kind']; file: string }[]
  /** The workbook, when one was written. */
  workbook?: string
}

export type ChargebackMetadata = ReturnType<typeof chargebackMetadata>

export function chargebackMetadata(
  result: ChargebackResult,
  checked: CheckedRequest,
  dataset: Dataset,
  sources: SourceRecord[],
  files: ExportFiles,
  usageLogs: UsageLogsRecord | null,
) {
  return {
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
    usageLogs,
    files,
  }
}

/** The loaded usage log files, sorted by path, each with its size and SHA-256; null without logs. */
export async function describeUsageLogs(
  logs: LoadedLogFiles | undefined,
): Promise<UsageLogsRecord | null> {
  if (!logs) return null
  const paths = [...new Set(logs.files)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const files = await Promise.all(
    paths.map(async (path) => {
      // The hash first: it names a file that cannot be read.
      const hash = await sha256(path)
      return { path, bytes: (await stat(path)).size, sha256: hash }
    }),
  )
  return { userKey: logs.userKey, files }
}

/** The dataset's files, sorted by path, each with its SHA-256. */
export async function describeSources(dataset: Dataset): Promise<SourceRecord[]> {
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
