// A Parquet log (Langfuse's default export format) as JSON lines the line reader takes: the engine
// may read only its own work directory after opening, so the file is copied there first, and
// DuckDB writes its rows (maps as JSON objects) next to it. A file larger than the largest file
// the sources decompress (SourceLimits.maxDecompressedBytes) is not copied, and a file DuckDB
// cannot read is not loaded: each is a problem naming it.
import { randomUUID } from 'node:crypto'
import { copyFile, open, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Engine } from '../engine/duckdb.js'
import { CurLensError } from '../errors/curlens-error.js'
import { engineReason, messages } from '../sources/messages.js'
import { sqlString } from '../sources/sql-text.js'
import { logMessages } from './messages.js'

export async function isParquet(path: string): Promise<boolean> {
  const handle = await open(path, 'r')
  try {
    const { bytesRead, buffer } = await handle.read(Buffer.alloc(4), 0, 4, 0)
    return bytesRead === 4 && buffer.toString('latin1') === 'PAR1'
  } finally {
    await handle.close()
  }
}

/** Writes the rows of `path` as JSON lines in the work directory; returns their path. */
export async function parquetAsJsonLines(
  engine: Engine,
  path: string,
  workDirectory: string,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<string> {
  const { size } = await stat(path)
  if (size > maxBytes) {
    throw new CurLensError('FILE_TOO_LARGE', logMessages.parquetTooLarge(path, size, maxBytes), {
      file: path,
    })
  }
  const copy = join(workDirectory, `usage-log-${randomUUID()}.parquet`)
  const lines = join(workDirectory, `usage-log-${randomUUID()}.jsonl`)
  try {
    await copyFile(path, copy)
    await engine.query(
      `COPY (SELECT * FROM read_parquet($file)) TO ${sqlString(lines)} (FORMAT json)`,
      { file: copy },
      { signal },
    )
    return lines
  } catch (e) {
    await rm(lines, { force: true })
    if (e instanceof CurLensError) throw e
    const detail = e instanceof Error ? e.message : String(e)
    throw new CurLensError('FILE_CORRUPT', messages.parquetCorrupt(path, engineReason(detail)), {
      file: path,
    })
  } finally {
    await rm(copy, { force: true })
  }
}
