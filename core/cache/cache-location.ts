// Where CUR Lens keeps what it builds on open, so an unchanged export reopens warm: the OS's
// per-user cache folder (Linux: $XDG_CACHE_HOME or ~/.cache; macOS: ~/Library/Caches; Windows:
// %LOCALAPPDATA%), or CUR_LENS_CACHE_DIR on every OS. The folder holds copies of billing data, so
// its location is shown to the user and everything in it can be listed and removed.
import { homedir } from 'node:os'
import { join } from 'node:path'

export const CACHE_DIR_VARIABLE = 'CUR_LENS_CACHE_DIR'

export function cacheLocation(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const chosen = env[CACHE_DIR_VARIABLE]?.trim()
  if (chosen) return chosen
  if (platform === 'win32')
    return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'CUR Lens', 'Cache')
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'CUR Lens')
  const xdg = env.XDG_CACHE_HOME?.trim()
  // The XDG spec ignores a relative XDG_CACHE_HOME.
  return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.cache'), 'cur-lens')
}
