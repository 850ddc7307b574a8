// The SQL console reads the usage logs as the documented view `usage_log`, listed in the schema
// with its columns' meanings once logs are loaded, and not before.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runSql } from '../../../core/sql-console/run-sql.js'
import { sqlSchema } from '../../../core/sql-console/schema.js'
import { USAGE_LOG_COLUMNS } from '../../../core/usage-logs/index.js'
import { openAttributedHandDataset, type HandRows } from '../rows/hand-built-cur.js'
import { CUR_ROWS, LOG_RECORDS, createUsageLog } from '../usage-logs/hand-built-logs.js'

let ds: HandRows

beforeEach(async () => {
  ds = await openAttributedHandDataset(CUR_ROWS)
})

afterEach(async () => {
  await ds.close()
})

const viewNames = async () => (await sqlSchema(ds)).views.map((v) => v.name)

describe('usage_log in the SQL console', () => {
  it('is listed only once logs are loaded, with every column and its meaning', async () => {
    expect(await viewNames()).toEqual(['cur', 'cur_attributed'])
    await createUsageLog(ds.engine, LOG_RECORDS)
    const view = (await sqlSchema(ds)).views.find((v) => v.name === 'usage_log')
    expect(view?.columns.map((c) => c.name)).toEqual(USAGE_LOG_COLUMNS.map((c) => c.name))
    expect(view?.columns.every((c) => c.meaning.length > 0)).toBe(true)
  })

  it('answers a query over the loaded records', async () => {
    await createUsageLog(ds.engine, LOG_RECORDS)
    const result = await runSql(
      ds,
      { sql: 'SELECT count(*) AS calls, sum(input_tokens) AS input FROM usage_log' },
      new AbortController().signal,
    )
    // Each call once, as the loader keeps it.
    const calls = new Map(LOG_RECORDS.map((r) => [r.request_id, r] as const).reverse())
    const input = [...calls.values()].reduce((sum, r) => sum + r.input_tokens, 0)
    expect(result.rows).toEqual([[String(calls.size), String(input)]])
  })
})
