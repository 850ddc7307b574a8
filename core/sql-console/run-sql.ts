// One page of a console query: the request's bounds, the statement check, then the query streamed
// on its own connection. Each page is a fresh run that skips the pages before it: no cursor stays
// open between calls, so nothing holds the engine while the user reads.
import { SQL_LIMITS } from '../api-values.js'
import type { SqlRequest, SqlResult } from '../api.js'
import type { AttributedRows } from '../rows/attributed-rows.js'
import { DOCUMENTED_VIEW_NAMES } from './documented-views.js'
import { readPage } from './page-reader.js'
import { checkSqlText, timeoutSeconds, wholeNumber } from './request-bounds.js'
import { checkConsoleStatement } from './statement-check.js'
import { withTimeLimit } from './time-limit.js'

/** How long the rows after a page are counted, for the total. */
const COUNT_FOR_MS = 1000
const MAX_PAGE = 1_000_000

export async function runSql(
  rows: AttributedRows,
  request: SqlRequest,
  signal: AbortSignal,
): Promise<SqlResult> {
  const sql = checkSqlText(request?.sql)
  // cur_attributed joins the lookups row by row: they must hold every key.
  await rows.complete(signal)
  const page = wholeNumber('page', request.page, 0, MAX_PAGE, 0)
  const pageSize = wholeNumber(
    'pageSize',
    request.pageSize,
    1,
    SQL_LIMITS.maxRows,
    SQL_LIMITS.pageSize,
  )
  const seconds = timeoutSeconds(request.timeoutSeconds)
  const { ordered } = await checkConsoleStatement(rows.engine, sql, DOCUMENTED_VIEW_NAMES)
  return withTimeLimit(seconds, signal, (limited) =>
    rows.engine.streamSelect(sql, { signal: limited }, async (stream) => {
      const skip = page * pageSize
      const { rows, seen, ended } = await readPage(stream, skip, pageSize, COUNT_FOR_MS)
      return {
        columns: stream.columns,
        rows,
        page,
        pageSize,
        ...(ended ? { totalRows: seen } : {}),
        truncated: seen > skip + rows.length,
        ordered,
      }
    }),
  )
}
