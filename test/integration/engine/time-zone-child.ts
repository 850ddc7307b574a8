// Child process for the time zone test: opens an engine under the TZ it was started with and prints
// how an instant with an offset reads as the plain timestamps the normalized view holds.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openEngine } from '../../../core/engine/duckdb.js'

const work = await mkdtemp(join(tmpdir(), 'cur-lens-tz-'))
const engine = await openEngine({ readPaths: [], readDirectories: [], workDirectory: work })
const [row] = await engine.query(
  `SELECT current_setting('TimeZone') AS zone,
          CAST(CAST(CAST($instant AS TIMESTAMPTZ) AS TIMESTAMP) AS VARCHAR) AS usage_start,
          CAST(CAST($local AS TIMESTAMPTZ) AS VARCHAR) AS no_offset`,
  { instant: '2026-07-01T02:00:00+02:00', local: '2026-07-01 00:00:00' },
)
await engine.close()
await rm(work, { recursive: true, force: true })
process.stdout.write(`${JSON.stringify(row)}\n`)
