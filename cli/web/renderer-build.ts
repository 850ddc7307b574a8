// Finds the web build of the renderer for `cur-lens serve`, building it first when it is missing
// and the sources and Vite are at hand (a source checkout). Otherwise it fails with the command to run.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export const BUILD_COMMAND = 'npx vite build --config renderer/vite.config.ts'

export interface RendererBuild {
  /** The project folder holding renderer/ and out/. */
  root: string
  log: (line: string) => void
}

export async function ensureRendererBuild({ root, log }: RendererBuild): Promise<string> {
  const outDir = join(root, 'out', 'renderer-web')
  if (existsSync(join(outDir, 'index.html'))) return outDir
  const config = join(root, 'renderer', 'vite.config.ts')
  const vite = resolveVite(root)
  if (!vite || !existsSync(config) || !existsSync(join(root, 'renderer', 'index.html'))) {
    throw new Error(
      `The web UI is not built (no ${outDir}). Run \`${BUILD_COMMAND}\` in ${root}, then try again.`,
    )
  }
  log(`Building the web UI once (${BUILD_COMMAND})…`)
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [vite, 'build', '--config', config, '--logLevel', 'warn'],
      {
        cwd: root,
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    )
    child.on('error', reject)
    child.on('exit', resolve)
  })
  if (code !== 0 || !existsSync(join(outDir, 'index.html'))) {
    throw new Error(
      `Building the web UI failed (exit code ${code}). Run \`${BUILD_COMMAND}\` in ${root} to see why.`,
    )
  }
  return outDir
}

function resolveVite(root: string): string | undefined {
  try {
    const manifest = createRequire(join(root, 'package.json')).resolve('vite/package.json')
    const bin = join(dirname(manifest), 'bin', 'vite.js')
    return existsSync(bin) ? bin : undefined
  } catch {
    return undefined
  }
}
