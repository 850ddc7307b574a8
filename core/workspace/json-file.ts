// Reading and writing the small JSON files a user keeps (workspaces, rules): read errors become
// typed errors naming the file, and writes are atomic with a stable layout (2-space, final newline).
import { readFile } from 'node:fs/promises'
import { CurLensError } from '../errors/curlens-error.js'
import { writeFileAtomic } from '../files/atomic-write.js'

/** Parsed JSON, or FILE_NOT_FOUND / FILE_UNREADABLE, or `invalidCode` when it is not JSON. */
export async function readJsonFile(
  path: string,
  invalidCode: 'INVALID_RULES' | 'INVALID_WORKSPACE',
): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT')
      throw new CurLensError('FILE_NOT_FOUND', `${path} does not exist.`, { file: path })
    throw new CurLensError('FILE_UNREADABLE', `Cannot read ${path}: ${(e as Error).message}`, {
      file: path,
      cause: e,
    })
  }
  return parseJsonText(text, path, invalidCode)
}

/** The JSON of a file's text (read here, or uploaded in web mode), or `invalidCode` naming it. */
export function parseJsonText(
  text: string,
  name: string,
  invalidCode: 'INVALID_RULES' | 'INVALID_WORKSPACE',
): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (e) {
    throw new CurLensError(invalidCode, `${name} is not valid JSON: ${(e as Error).message}`, {
      file: name,
      cause: e,
    })
  }
}

export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`)
}
