// Where the bundled demo export lives: resources/demo beside the source tree, or the folder the
// packaged app names in CURLENS_RESOURCES (set by Electron main from process.resourcesPath).
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

export function demoPaths(): string[] {
  const root =
    process.env.CURLENS_RESOURCES ?? fileURLToPath(new URL('../resources', import.meta.url))
  return [join(root, 'demo')]
}
