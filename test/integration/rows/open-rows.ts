// The attributed rows of real files, as the engine process makes them on open: the dataset from
// core/sources and its rows from core/rows, closed together.
import { attributeRows, type AttributedRows } from '../../../core/rows/attributed-rows.js'
import type { Base } from '../../../core/rows/grouped-rows.js'
import { openDataset } from '../../../core/sources/index.js'

export type OpenRows = AttributedRows & { close(): Promise<void> }

export async function openRows(paths: string[]): Promise<OpenRows> {
  const dataset = await openDataset(paths)
  try {
    const rows = await attributeRows(dataset)
    return { ...rows, close: () => dataset.close() }
  } catch (e) {
    await dataset.close()
    throw e
  }
}

/** The same rows, every grouped read forced to one base: the files or the cache. */
export function readingFrom<T extends AttributedRows>(rows: T, base: Base): T {
  return {
    ...rows,
    read: (read, outer, params, options) => rows.read(read, outer, params, { ...options, base }),
  }
}
