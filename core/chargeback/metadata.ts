// What a chargeback export records so it can be reproduced: the period, basis and currency, the
// reconciliation, who the recipients are (rules or a dimension), the shared-cost treatments, the
// filters, and each source file with its SHA-256. The JSON sidecar and the workbook's metadata
// sheet both show this one object.
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
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
    files,
  }
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
