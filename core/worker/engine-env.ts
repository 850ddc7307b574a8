// The environment the engine process gets, whichever shell starts it: only what it needs (paths,
// temp folders, the locale, where the demo export and the persistent cache are), never the rest,
// because DuckDB reads proxy settings from variables such as HTTP_PROXY.
import { CACHE_DIR_VARIABLE } from '../cache/cache-location.js'

const KEPT_VARIABLES = [
  'PATH',
  'HOME',
  'TMPDIR',
  'TEMP',
  'TMP',
  'LANG',
  'NODE_ENV',
  'SystemRoot',
  'USERPROFILE',
  'LOCALAPPDATA',
  'XDG_CACHE_HOME',
  CACHE_DIR_VARIABLE,
  'CURLENS_RESOURCES',
]

export function engineEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    KEPT_VARIABLES.flatMap((k) => (env[k] === undefined ? [] : [[k, env[k] as string]])),
  )
}
