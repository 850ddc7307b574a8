// @ts-check
// One query on raw DuckDB in a fresh process, for the bench's whole-process figures: plain
// JavaScript that loads DuckDB the quickest way Node offers (require: no ES module interop), opens an
// in-memory instance with the CUR Lens engine's threads and memory limit, runs the SQL given as its
// argument and prints the rows as JSON. Its time is the floor a fresh process pays for the answer.
import { createRequire } from 'node:module'

/** @type {typeof import('@duckdb/node-api')} */
const duckdb = createRequire(import.meta.url)('@duckdb/node-api')

const instance = await duckdb.DuckDBInstance.create(':memory:', {
  threads: '2',
  memory_limit: '1500MB',
})
const connection = await instance.connect()
const reader = await connection.runAndReadAll(process.argv[2])
process.stdout.write(JSON.stringify(reader.getRowsJson()))
