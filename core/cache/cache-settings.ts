// Whether CUR Lens may keep copies of billing data in its cache: one setting, in the cache folder
// itself (settings.json), so the desktop app, the web mode and the CLI all follow it. On unless the
// user turned it off; `--no-cache` and OpenRequest.cache turn it off for one open.
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../files/atomic-write.js'

const SETTINGS_FILE = 'settings.json'

export async function cacheAllowed(root: string): Promise<boolean> {
  try {
    const settings = JSON.parse(await readFile(join(root, SETTINGS_FILE), 'utf8'))
    return settings?.enabled !== false
  } catch {
    return true
  }
}

export async function allowCache(root: string, enabled: boolean): Promise<void> {
  await mkdir(root, { recursive: true })
  await writeFileAtomic(join(root, SETTINGS_FILE), `${JSON.stringify({ enabled }, null, 2)}\n`)
}
