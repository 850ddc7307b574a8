// A cost export opened in a spreadsheet and saved again is no longer the export: the spreadsheet
// writes dates as it displays them (`00:00.0`, `6/1/2026 0:00`) and long account ids in scientific
// notation (`8.91377E+11`), and the originals cannot be recovered from what it saved. Such a file is
// refused, saying so, rather than read with wrong dates or merged accounts.
import { CurLensError } from '../errors/curlens-error.js'
import { messages } from './messages.js'

/** How spreadsheets write a date and time they have reformatted (minutes:seconds, m/d/y, d.m.y). */
const SPREADSHEET_TIMESTAMP = [
  /^\d{1,2}:\d{2}(\.\d+)?$/,
  /^\d{1,2}\/\d{1,2}\/\d{2,4}( \d{1,2}:\d{2}(:\d{2})?( ?[AP]M)?)?$/i,
  /^\d{1,2}\.\d{1,2}\.\d{2,4}( \d{1,2}:\d{2}(:\d{2})?)?$/,
]

/** An account id a spreadsheet took for a number and wrote in scientific notation. */
export const SPREADSHEET_ACCOUNT = /^\d(\.\d+)?E\+\d+$/i

/** SQL regular expression of SPREADSHEET_ACCOUNT, for a check over converted values. */
export const SPREADSHEET_ACCOUNT_SQL = '^[0-9](\\.[0-9]+)?[eE]\\+[0-9]+$'

export function isSpreadsheetTimestamp(value: string): boolean {
  return SPREADSHEET_TIMESTAMP.some((form) => form.test(value.trim()))
}

/** The refusal of a file whose `column` holds `value`, as a spreadsheet writes it. */
export function spreadsheetDamage(
  file: string,
  column: string,
  value: string,
  kind: 'date' | 'account',
  line?: number,
): CurLensError {
  const message = messages.spreadsheetDamage(file, column, value, kind, line)
  return new CurLensError('SPREADSHEET_DAMAGE', message, { file })
}
