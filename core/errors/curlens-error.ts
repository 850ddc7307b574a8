// Errors that cross the API boundary. Every expected failure is a CurLensError with a code from a
// closed list and a message a user can act on; the bridge serializes code, message and file so the
// front end can rebuild it (Electron's invoke keeps only `message`).

export type ErrorCode =
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'FILE_EMPTY'
  | 'FILE_CORRUPT'
  | 'FILE_TRUNCATED'
  | 'FILE_TOO_LARGE'
  | 'NOT_A_CUR_FILE'
  | 'NOT_A_USAGE_LOG'
  | 'LOG_LINES_UNREADABLE'
  | 'OTHER_ACCOUNT'
  | 'NO_ACCOUNT'
  | 'MISSING_COLUMN'
  | 'SPREADSHEET_DAMAGE'
  | 'BILLING_PERIOD_INFERRED'
  | 'COLUMNS_NOT_READ'
  | 'MAP_NOT_JSON'
  | 'MIXED_FORMATS'
  | 'NO_COST_FILES'
  | 'NOT_IN_MANIFEST'
  | 'MISSING_FROM_EXPORT'
  | 'SEVERAL_DELIVERIES'
  | 'UNSAFE_ARCHIVE'
  | 'ENGINE_CRASHED'
  | 'CANCELLED'
  | 'NO_DATASET'
  | 'INVALID_QUERY'
  | 'INVALID_RULES'
  | 'INVALID_WORKSPACE'
  | 'WRITE_FAILED'
  | 'FILE_LOCKED'
  | 'QUERY_FAILED'
  | 'INTERNAL'

export interface SerializedError {
  code: ErrorCode
  message: string
  file?: string
  stack?: string
}

export class CurLensError extends Error {
  readonly code: ErrorCode
  readonly file?: string

  constructor(code: ErrorCode, message: string, options: { file?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause })
    this.name = 'CurLensError'
    this.code = code
    this.file = options.file
  }

  toJSON(): SerializedError {
    return { code: this.code, message: this.message, file: this.file, stack: this.stack }
  }

  static fromJSON(e: SerializedError): CurLensError {
    const error = new CurLensError(e.code, e.message, { file: e.file })
    if (e.stack) error.stack = e.stack
    return error
  }
}

/** The error a cancelled operation ends with, wherever it was cancelled. */
export function cancelledError(): CurLensError {
  return new CurLensError('CANCELLED', 'The operation was cancelled.')
}

/** Anything thrown becomes a CurLensError; unknown failures keep their message under INTERNAL. */
export function toCurLensError(e: unknown): CurLensError {
  if (e instanceof CurLensError) return e
  const message = e instanceof Error ? e.message : String(e)
  return new CurLensError('INTERNAL', message, { cause: e })
}
