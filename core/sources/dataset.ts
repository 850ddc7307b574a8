// An open dataset: the locked-down engine holding the normalized `cur` view over the files one
// openSources call loaded, plus what was learned while loading. Closing it closes the engine and
// removes its private work directory (spill files and caches hold client data), after closing
// what was built on it (the attributed rows), which it owns.
import type { OpenResult } from '../api.js'
import type { Engine } from '../engine/duckdb.js'
import type { ExportCache } from './open-cache.js'

export interface Dataset {
  engine: Engine
  info: OpenResult
  /** Private per-load folder (spill files, converted CSV, caches); removed on close. */
  workDirectory: string
  /** The export's place in the persistent cache; absent when nothing may be kept. */
  cache?: ExportCache
  /** Makes `resource` part of the dataset: closed, in reverse order, before the engine. */
  own(resource: { close(): Promise<void> }): void
  close(): Promise<void>
}
