// When the `_tagged` views switch from merging tags row by row to the tag sets (see index.ts). A
// query that reads tags waits for the switch, a few seconds after the attribution lookups, rather
// than merging row by row for its whole run, which on a large export takes many times longer.
import type { Dataset } from '../sources/dataset.js'

const switches = new WeakMap<Dataset, Promise<void>>()

/** `done` settles (never rejects) once the views read tag sets, or once they cannot. */
export function recordTagSetsSwitch(dataset: Dataset, done: Promise<void>): void {
  switches.set(dataset, done)
}

export function tagSetsSwitched(dataset: Dataset): Promise<void> {
  return switches.get(dataset) ?? Promise.resolve()
}
