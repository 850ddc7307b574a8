import { DuckDBInstance } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rowObjectsJson } from '../../../core/engine/duckdb.js'

let instance: DuckDBInstance

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:')
})

afterAll(() => instance.closeSync())

/** Both readings of one result: DuckDB's own row objects, and the engine's built from columns. */
async function bothReadings(sql: string) {
  const connection = await instance.connect()
  try {
    const reader = await connection.runAndReadAll(sql)
    return { own: reader.getRowObjectsJson(), engine: rowObjectsJson(reader) }
  } finally {
    connection.closeSync()
  }
}

describe('rows as objects built from columns', () => {
  it('equal DuckDB row objects for every value type, NULLs and several chunks', async () => {
    const { own, engine } = await bothReadings(`
      SELECT i,
        CASE WHEN i % 3 = 0 THEN NULL ELSE 'text ' || i END AS text,
        CAST(i AS DECIMAL(38, 10)) / 7 AS money,
        CAST(i AS BIGINT) * 1000000000000 AS big,
        CAST(i AS HUGEINT) AS huge,
        i % 2 = 0 AS flag,
        i / 3 AS ratio,
        TIMESTAMP '2026-05-01' + INTERVAL (i) MINUTE AS at,
        DATE '2026-05-01' + CAST(i % 30 AS INTEGER) AS day,
        [i, i + 1] AS list,
        MAP {'team': 'ml', 'n': CAST(i AS VARCHAR)} AS tags,
        {'a': i, 'b': NULL} AS struct
      FROM range(5000) t(i)`)
    expect(engine).toHaveLength(5000)
    expect(engine).toEqual(own)
  })

  it('name duplicate and number-like columns as DuckDB does, in the same order', async () => {
    const { own, engine } = await bothReadings(`SELECT 1 AS a, 2 AS a, 3 AS "10", 4 AS b`)
    expect(engine).toEqual(own)
    expect(Object.keys(engine[0])).toEqual(Object.keys(own[0]))
  })

  it('give no rows for an empty result', async () => {
    const { own, engine } = await bothReadings(`SELECT 1 AS a WHERE false`)
    expect(engine).toEqual([])
    expect(own).toEqual([])
  })
})
