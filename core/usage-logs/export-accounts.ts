// The accounts of the open cost export, the ones whose logs belong with it: every usage and payer
// account in `cur`. A log record of any other account is left out of usage_log, with a problem.
import type { Engine } from '../engine/duckdb.js'

export async function costExportAccounts(engine: Engine): Promise<string[]> {
  const rows = await engine.query<{ account: string }>(
    `SELECT DISTINCT account FROM (
       SELECT usage_account_id AS account FROM cur
       UNION ALL SELECT payer_account_id FROM cur)
     WHERE account IS NOT NULL ORDER BY account`,
  )
  return rows.map((r) => r.account)
}
