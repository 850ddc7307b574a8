// An export's Manifest.json files name the data files of each billing period's current delivery
// (CUR 2.0: `dataFiles`; legacy CUR: `reportKeys`). A folder synced from S3 can hold several
// deliveries of one month: an export set to create new files on each refresh keeps every one, each
// in its own folder, and loading them all would count the month several times. So in a billing
// period that a manifest lists, a file found in a folder loads only when the manifest lists it; the
// others are reported as not loaded, and the files the manifest lists but the folder lacks are
// reported as missing, all of them when none was found (a month left out of a download would
// otherwise vanish from the totals unnoticed). Files match by their last folder and name, a .gz or
// .zip suffix aside (a file someone unpacked still matches). Everything else loads as before: a
// period no manifest lists, a file outside any period folder (a flattened download), a file the user
// picked by itself, and the files of a period none of which its manifest lists (a download that
// cannot be matched to it). When such a period holds files in more than one delivery folder, that
// is reported: they may be one month counted several times, and nothing here says which delivery is
// current.
import { readFile, stat } from 'node:fs/promises'
import { dirname, sep } from 'node:path'
import { CurLensError } from '../errors/curlens-error.js'
import { PERIOD_FOLDER } from './billing-period.js'
import type { Candidate } from './discover.js'
import { messages } from './messages.js'

/** Far above any real manifest (a column list and a few thousand file names). */
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024

interface Place {
  /** The billing period folder's name. */
  period: string
  /** Local paths only: the period folder itself. */
  periodPath: string
  /** `<folder>/<name>`, as the path has it. */
  tail: string
  /** The tail without a .gz or .zip suffix: what a file and a manifest entry match on. */
  id: string
  /** The folder inside the period folder that holds the file, if any (one delivery's folder). */
  delivery?: string
}

/** What one period's manifest lists. */
interface Listing {
  manifest: string
  /** Each listed file's id, and its tail as the manifest wrote it. */
  ids: Map<string, string>
  /** The manifest sits in the period's own folder (not in one delivery's folder). */
  periodLevel: boolean
}

/** Where a path (local, or an S3 key) sits, when it is inside a billing period folder. */
function placeOf(path: string): Place | undefined {
  const segments = path.split(/[\\/]/)
  let index = segments.length - 2
  while (index >= 0 && !PERIOD_FOLDER.test(segments[index])) index--
  if (index < 0) return undefined
  const tail = segments.slice(-2).join('/')
  return {
    period: segments[index],
    periodPath: segments.slice(0, index + 1).join(sep),
    tail,
    id: tail.replace(/\.(gz|zip)$/i, ''),
    delivery: index < segments.length - 2 ? segments[index + 1] : undefined,
  }
}

export interface ManifestSelection {
  candidates: Candidate[]
  problems: CurLensError[]
}

/** The candidates the manifests let load, and what they left out or found missing. */
export async function applyManifests(
  candidates: Candidate[],
  manifests: string[],
): Promise<ManifestSelection> {
  const problems: CurLensError[] = []
  const listings = new Map<string, Listing>()
  for (const manifest of manifests) {
    const scope = scopeOf(manifest)
    if (!scope) continue
    const files = await listedFiles(manifest).catch((e: unknown) => {
      problems.push(manifestProblem(manifest, e))
      return []
    })
    const listing = listingOf(manifest, scope.period, files)
    if (listing.ids.size === 0) continue
    const current = listings.get(scope.periodPath)
    if (!current || preferred(listing, current)) listings.set(scope.periodPath, listing)
  }
  const kept: Candidate[] = []
  /** Every period folder that any candidate sits in, picked one by one or not. */
  const opened = new Set<string>()
  const byPeriod = new Map<string, { place: Place; candidate: Candidate }[]>()
  for (const candidate of candidates) {
    const place = placeOf(candidate.path)
    if (place) opened.add(place.periodPath)
    if (!place || candidate.explicit) {
      kept.push(candidate)
      continue
    }
    const group = byPeriod.get(place.periodPath) ?? []
    group.push({ place, candidate })
    byPeriod.set(place.periodPath, group)
  }
  for (const [periodPath, found] of byPeriod) {
    const listing = listings.get(periodPath)
    const listed = listing ? found.filter((f) => listing.ids.has(f.place.id)) : []
    if (!listing || listed.length === 0) {
      kept.push(...found.map((f) => f.candidate))
      const deliveries = [
        ...new Set(found.map((f) => f.place.delivery ?? '(the month folder itself)')),
      ].sort()
      if (deliveries.length > 1) {
        const message = messages.severalDeliveries(periodPath, deliveries)
        problems.push(new CurLensError('SEVERAL_DELIVERIES', message, { file: periodPath }))
      }
      continue
    }
    kept.push(...listed.map((f) => f.candidate))
    const unlisted = found.filter((f) => !listing.ids.has(f.place.id)).map((f) => f.candidate.path)
    if (unlisted.length > 0) {
      const message = messages.notInManifest(periodPath, listing.manifest, unlisted)
      problems.push(new CurLensError('NOT_IN_MANIFEST', message, { file: periodPath }))
    }
    const present = new Set(listed.map((f) => f.place.id))
    const missing = [...listing.ids].filter(([id]) => !present.has(id)).map(([, tail]) => tail)
    if (missing.length > 0) {
      const message = messages.missingFromExport(periodPath, listing.manifest, missing)
      problems.push(new CurLensError('MISSING_FROM_EXPORT', message, { file: periodPath }))
    }
  }
  for (const [periodPath, listing] of listings) {
    if (opened.has(periodPath)) continue
    const message = messages.missingFromExport(periodPath, listing.manifest, [
      ...listing.ids.values(),
    ])
    problems.push(new CurLensError('MISSING_FROM_EXPORT', message, { file: periodPath }))
  }
  kept.sort((a, b) => a.path.localeCompare(b.path))
  return { candidates: kept, problems }
}

/** The data files a manifest lists; a JSON file that lists none (another kind of manifest) lists []. */
async function listedFiles(manifest: string): Promise<string[]> {
  if ((await stat(manifest)).size > MAX_MANIFEST_BYTES) throw new Error('too large')
  const json: unknown = JSON.parse(await readFile(manifest, 'utf8'))
  if (typeof json !== 'object' || json === null) return []
  const { dataFiles, reportKeys } = json as { dataFiles?: unknown; reportKeys?: unknown }
  const files = Array.isArray(dataFiles) ? dataFiles : Array.isArray(reportKeys) ? reportKeys : []
  return files.filter((f): f is string => typeof f === 'string')
}

/**
 * The local period folder whose data a manifest describes: the one it sits in (legacy CUR, or a
 * delivery's folder inside it), or for CUR 2.0 the `data` twin of its `metadata/<period>` folder.
 */
function scopeOf(manifest: string): { period: string; periodPath: string } | undefined {
  const segments = dirname(manifest).split(/[\\/]/)
  let index = segments.length - 1
  while (index >= 0 && !PERIOD_FOLDER.test(segments[index])) index--
  if (index < 0) return undefined
  const folders = segments.slice(0, index + 1)
  if (folders[index - 1] === 'metadata') folders[index - 1] = 'data'
  return { period: segments[index], periodPath: folders.join(sep) }
}

/** The files a manifest lists in its own period. */
function listingOf(manifest: string, period: string, files: string[]): Listing {
  const periodLevel = PERIOD_FOLDER.test(dirname(manifest).split(/[\\/]/).pop() ?? '')
  const ids = new Map<string, string>()
  for (const file of files) {
    const place = placeOf(file)
    if (place?.period === period) ids.set(place.id, place.tail)
  }
  return { manifest, ids, periodLevel }
}

/**
 * Of two manifests listing one period: the one in the period's own folder (legacy CUR also keeps a
 * copy in each delivery's folder), else the one listing the later delivery folder (CUR 2.0 names
 * them by time: `2026-04-16T15:24:15.653Z-<execution id>`).
 */
function preferred(candidate: Listing, current: Listing): boolean {
  if (candidate.periodLevel !== current.periodLevel) return candidate.periodLevel
  const last = (listing: Listing) => [...listing.ids.keys()].sort().pop() ?? ''
  return last(candidate) > last(current)
}

function manifestProblem(manifest: string, e: unknown): CurLensError {
  const detail = e instanceof Error ? e.message : String(e)
  return new CurLensError('FILE_CORRUPT', messages.manifestUnreadable(manifest, detail), {
    file: manifest,
    cause: e,
  })
}
