// Errors as people read them: a title, the engine's message, the file when known, and what to do
// next. The engine's message is kept verbatim (it names files, rows and columns); the hint per
// code is the renderer's own.
import type { ErrorCode } from '../../../core/errors/curlens-error.js'

export interface ErrorInfo {
  code: ErrorCode | 'UNKNOWN'
  title: string
  message: string
  file?: string
  hint: string
}

const INTERNAL_HINT = 'Try again. If it keeps happening, reopen the files or restart CUR Lens.'

const TEXT: Partial<Record<ErrorCode, { title: string; hint: string }>> = {
  FILE_NOT_FOUND: {
    title: 'File or folder not found',
    hint: 'Check the path, or choose the export folder again.',
  },
  FILE_UNREADABLE: {
    title: 'File could not be read',
    hint: 'Check that you have permission to read it and that it is not open elsewhere.',
  },
  FILE_EMPTY: { title: 'File is empty', hint: 'Download the report part again from S3.' },
  FILE_CORRUPT: {
    title: 'File is damaged',
    hint: 'Download this part of the report again from S3; the other files still load.',
  },
  FILE_TRUNCATED: {
    title: 'File is incomplete',
    hint: 'The download was cut short. Download this part again from S3.',
  },
  FILE_TOO_LARGE: {
    title: 'File is too large',
    hint: 'Open fewer months at a time, or the Parquet version of the export.',
  },
  NOT_A_CUR_FILE: {
    title: 'Not a Cost and Usage Report',
    hint: 'Choose the files of a CUR 2.0, legacy CUR or FOCUS export.',
  },
  MISSING_COLUMN: {
    title: 'A required column is missing',
    hint: 'Check that the export includes the standard line item columns.',
  },
  MIXED_FORMATS: {
    title: 'Files from different export formats',
    hint: 'Open the files of one export at a time.',
  },
  NO_COST_FILES: {
    title: 'No cost files found',
    hint: 'Choose the export folder (it contains data/BILLING_PERIOD=…) or the report files.',
  },
  NOT_IN_MANIFEST: {
    title: 'Earlier delivery, not loaded',
    hint: 'Only the files the manifest lists are counted, so the month is not counted twice.',
  },
  MISSING_FROM_EXPORT: {
    title: 'Part of the export is missing',
    hint: 'Download the missing files again from S3, keeping the folders, and reopen the export.',
  },
  SEVERAL_DELIVERIES: {
    title: 'Several deliveries of one month',
    hint: 'Open the export folder with its metadata folder (the manifests say which delivery is current), or only the latest delivery.',
  },
  BILLING_PERIOD_INFERRED: {
    title: 'Billing period worked out',
    hint: 'The files have no billing period column; the period comes from their folder or usage dates, as the message says.',
  },
  COLUMNS_NOT_READ: {
    title: 'Columns not read',
    hint: 'These columns look like tags, principals or costs but are not part of the format CUR Lens reads: check they are not needed.',
  },
  MAP_NOT_JSON: {
    title: 'Cells that are not JSON',
    hint: 'Those cells were read as empty (no tags or product fields); the totals still reconcile.',
  },
  SPREADSHEET_DAMAGE: {
    title: 'Re-saved by a spreadsheet',
    hint: 'Open the original export as downloaded from AWS: a spreadsheet changes dates and account ids.',
  },
  UNSAFE_ARCHIVE: {
    title: 'Archive refused',
    hint: 'The archive looks unsafe (paths outside the folder or an extreme size). Extract it yourself and open the files.',
  },
  ENGINE_CRASHED: {
    title: 'The query engine stopped',
    hint: 'A file may be damaged. The engine has restarted: open the files again, leaving out the one named.',
  },
  CANCELLED: { title: 'Cancelled', hint: 'Nothing was changed.' },
  NO_DATASET: { title: 'No report is open', hint: 'Open files or a folder first.' },
  INVALID_QUERY: { title: 'This view cannot be computed', hint: 'Change the grouping or filters.' },
  INVALID_RULES: {
    title: 'The mapping rules need attention',
    hint: 'Fix the rules marked in the table, then preview again.',
  },
  INVALID_WORKSPACE: {
    title: 'Workspace file not recognized',
    hint: 'Choose a workspace saved by CUR Lens.',
  },
  WRITE_FAILED: {
    title: 'Could not write the files',
    hint: 'Choose a folder you can write to, with enough free space.',
  },
  FILE_LOCKED: {
    title: 'A file is open in another program',
    hint: 'Close the CSV in Excel (or the other program), then export again.',
  },
  QUERY_FAILED: {
    title: 'The query failed',
    hint: 'Try again; if it keeps failing, reopen the files.',
  },
  INTERNAL: { title: 'Something went wrong', hint: INTERNAL_HINT },
}

function hasCode(e: unknown): e is { code: string; message: string; file?: string } {
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e
}

export function describeError(e: unknown): ErrorInfo {
  if (hasCode(e)) {
    const code = e.code as ErrorCode
    const text = TEXT[code]
    return {
      code: text ? code : 'UNKNOWN',
      title: text?.title ?? 'Something went wrong',
      message: String(e.message),
      file: typeof e.file === 'string' && e.file ? e.file : undefined,
      hint: text?.hint ?? INTERNAL_HINT,
    }
  }
  const message = e instanceof Error ? e.message : String(e)
  return { code: 'UNKNOWN', title: 'Something went wrong', message, hint: INTERNAL_HINT }
}

export function isCancelled(e: unknown): boolean {
  return hasCode(e) && e.code === 'CANCELLED'
}

/** Short name of a file for a message: the last path segment. */
export function fileName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '')
  const at = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'))
  return at >= 0 ? trimmed.slice(at + 1) : trimmed
}
