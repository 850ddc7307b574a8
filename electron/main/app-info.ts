// Versions for DesktopApi.appInfo, which the renderer's About dialog shows. DuckDB's version comes
// from the package's manifest, so main never loads the native DuckDB library (only the engine does).
import type { DesktopApi } from '../../core/api.js'

export type AppInfo = Awaited<ReturnType<DesktopApi['appInfo']>>

/** `@duckdb/node-api` versions read `<duckdb version>-r.<release>`. */
export function duckdbVersion(load: (id: string) => unknown): string {
  try {
    const { version } = load('@duckdb/node-api/package.json') as { version?: unknown }
    return typeof version === 'string' ? version.replace(/-r\.\d+$/, '') : 'unknown'
  } catch {
    return 'unknown'
  }
}
