// @ts-check
// Builds the CLI and its engine process to JavaScript in out/cli/ (esbuild, one bundle each, npm
// packages included but DuckDB's native binding), and tells whether that build is older than its
// sources. Plain JavaScript, because bin/cur-lens.js runs the check on every start, before anything
// is built: it only stats files. `node scripts/cli-build.js` builds now.
import { mkdirSync, readdirSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where the build goes, under the project root (core/worker/node-worker.ts names it too). */
export const CLI_OUT_DIR = join('out', 'cli')
const ENTRIES = { main: 'cli/main.ts', 'engine-main': 'core/worker/engine-main.ts' }
const OUTPUTS = Object.keys(ENTRIES).map((name) => join(CLI_OUT_DIR, `${name}.js`))
/**
 * What the build reads: an edit, an added or a removed file here makes it stale. npm rewrites
 * node_modules/.package-lock.json whenever it changes node_modules.
 */
const SOURCES = [
  'core',
  'cli',
  'package.json',
  'node_modules/.package-lock.json',
  'scripts/cli-build.js',
]
// Bundled, @duckdb/node-api loads in a third of the time it takes as a package imported from an
// ES module (no CommonJS export scan, no module resolution per file); it loads the native binding
// with require(), which an ES module lacks.
const EXTERNAL = ['@duckdb/node-bindings']
const REQUIRE = `import { createRequire as createRequire_ } from 'node:module'
const require = createRequire_(import.meta.url)`

/**
 * 'missing', 'stale' (a source, or a folder's list of files, changed after the build started) or
 * 'fresh'.
 * @param {string} root the project folder
 * @returns {'missing' | 'stale' | 'fresh'}
 */
export function cliBuildState(root) {
  const stats = OUTPUTS.map((file) => statSync(join(root, file), { throwIfNoEntry: false }))
  if (stats.some((stat) => !stat)) return 'missing'
  const built = Math.min(...stats.map((stat) => stat?.mtimeMs ?? 0))
  return SOURCES.some((source) => changedSince(join(root, source), built)) ? 'stale' : 'fresh'
}

/**
 * Whether the file, or the folder or anything under it, changed after `time`; a path that does not
 * exist (no hidden lockfile, say) has not.
 * @param {string} path
 * @param {number} time
 * @returns {boolean}
 */
function changedSince(path, time) {
  const stat = statSync(path, { throwIfNoEntry: false })
  if (!stat) return false
  if (stat.mtimeMs > time) return true
  if (!stat.isDirectory()) return false
  return readdirSync(path).some((name) => changedSince(join(path, name), time))
}

/**
 * Builds both bundles into out/cli/.
 * @param {string} root the project folder
 */
export async function buildCli(root) {
  const started = Date.now() / 1000
  const { build } = await import('esbuild')
  const result = await build({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outdir: CLI_OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    banner: { js: REQUIRE },
    write: false,
    logLevel: 'error',
  })
  mkdirSync(join(root, CLI_OUT_DIR), { recursive: true })
  for (const file of result.outputFiles) {
    // Written whole under another name, then renamed: a CLI starting meanwhile, or a second build
    // running at the same time, reads the old file or the new one, never half of one.
    const temporary = `${file.path}.${process.pid}.tmp`
    writeFileSync(temporary, file.contents)
    // Dated when the build started, so a source saved during the build leaves it stale.
    utimesSync(temporary, started, started)
    renameSync(temporary, file.path)
  }
}

/**
 * Builds when the build is missing or stale, saying so once through `log`; returns the CLI's path.
 * @param {string} root the project folder
 * @param {(line: string) => void} log
 * @returns {Promise<string>}
 */
export async function ensureCliBuild(root, log) {
  const state = cliBuildState(root)
  if (state !== 'fresh') {
    const why = state === 'missing' ? 'first run' : 'its sources changed'
    log(`Building the CLI to out/cli/ (${why}; about a second)…`)
    await buildCli(root)
  }
  return join(root, CLI_OUT_DIR, 'main.js')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now()
  await buildCli(fileURLToPath(new URL('..', import.meta.url)))
  console.log(`CLI built to out/cli/ in ${Math.round(performance.now() - started)} ms`)
}
