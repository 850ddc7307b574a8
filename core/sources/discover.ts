// Turns the paths a user picked (files and/or folders) into the files to inspect. Folders are walked
// recursively; hidden and marker files (".x", "_SUCCESS"), manifests and symbolic links are not cost
// files. A file named like a cost file (.parquet, .csv, .gz, .zip) or with no extension at all (Athena
// parts) is a candidate: its contents decide, later, whether it is one. The export's manifests then
// decide which deliveries of a month load (see manifests.ts).
import { readdir, stat } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { CurLensError } from '../errors/curlens-error.js'
import type { SourceLimits } from './limits.js'
import { applyManifests } from './manifests.js'
import { messages } from './messages.js'

export interface Candidate {
  path: string
  bytes: number
  /** Picked by the user as a file (not found in a folder): an unknown format is then an error. */
  explicit: boolean
}

export interface Discovery {
  /** The paths as the user gave them, resolved. */
  inputs: string[]
  candidates: Candidate[]
  problems: CurLensError[]
  /**
   * What the engine may read: each file picked or found, never a whole folder. DuckDB's allow-list
   * grants writing as well as reading, so a folder entry would let the engine write into the
   * user's export folder.
   */
  readPaths: string[]
}

const COST_EXTENSION = /\.(parquet|csv|gz|zip)$/i
const MANIFEST = /manifest[^/]*\.json$/i

export async function discover(paths: string[], limits: SourceLimits): Promise<Discovery> {
  const found: Discovery = {
    inputs: paths.map((p) => resolve(p)),
    candidates: [],
    problems: [],
    readPaths: [],
  }
  const manifests: string[] = []
  for (const input of paths) {
    const path = resolve(input)
    const info = await stat(path).catch((e: NodeJS.ErrnoException) => e)
    if (info instanceof Error) {
      found.problems.push(statProblem(path, info))
    } else if (info.isDirectory()) {
      await walkFolder(path, found, manifests, limits)
    } else if (MANIFEST.test(path)) {
      manifests.push(path)
    } else {
      found.readPaths.push(path)
      found.candidates.push({ path, bytes: info.size, explicit: true })
    }
  }
  // A file picked both on its own and inside a picked folder is read once.
  const unique = new Map(found.candidates.map((c) => [c.path, c]))
  const selection = await applyManifests([...unique.values()], [...new Set(manifests)])
  found.candidates = selection.candidates
  found.problems.push(...selection.problems)
  found.readPaths = [...new Set([...found.readPaths, ...found.candidates.map((c) => c.path)])]
  return found
}

function statProblem(path: string, e: NodeJS.ErrnoException): CurLensError {
  if (e.code === 'ENOENT' || e.code === 'ENOTDIR') {
    return new CurLensError('FILE_NOT_FOUND', messages.fileNotFound(path), { file: path })
  }
  return new CurLensError('FILE_UNREADABLE', messages.unreadable(path, e.message), {
    file: path,
    cause: e,
  })
}

async function walkFolder(
  root: string,
  found: Discovery,
  manifests: string[],
  limits: SourceLimits,
) {
  const before = found.candidates.length
  const pending = [root]
  let seen = 0
  while (pending.length > 0) {
    const folder = pending.pop()!
    const entries = await readdir(folder, { withFileTypes: true }).catch(
      (e: NodeJS.ErrnoException) => e,
    )
    if (entries instanceof Error) {
      found.problems.push(statProblem(folder, entries))
      continue
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name.startsWith('_')) continue
      const path = join(folder, entry.name)
      if (entry.isDirectory()) pending.push(path)
      if (!entry.isFile()) continue
      if (++seen > limits.maxFolderFiles) {
        throw new CurLensError(
          'FILE_TOO_LARGE',
          messages.tooManyFiles(root, limits.maxFolderFiles),
          {
            file: root,
          },
        )
      }
      if (MANIFEST.test(entry.name)) {
        manifests.push(path)
        continue
      }
      if (COST_EXTENSION.test(entry.name) || !basename(path).includes('.')) {
        const info = await stat(path)
        found.candidates.push({ path, bytes: info.size, explicit: false })
      }
    }
  }
  if (found.candidates.length === before) {
    found.problems.push(
      new CurLensError('NO_COST_FILES', messages.noCostFiles(root), { file: root }),
    )
  }
}
