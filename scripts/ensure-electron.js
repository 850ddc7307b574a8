#!/usr/bin/env node
// `npm run app` / `npm run dist` step 1: make sure the Electron binary is present. Install scripts
// are off in this project (.npmrc ignore-scripts), so the electron package arrives without its
// binary; fetch it once with the package's own installer (checksums verified against the package),
// or explain what to do when the network does not allow it.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

function electronDir() {
  try {
    return dirname(require.resolve('electron/package.json'))
  } catch {
    return undefined
  }
}

function binaryPresent(dir) {
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return false
  return existsSync(join(dir, 'dist', readFileSync(pathFile, 'utf8').trim()))
}

const dir = electronDir()
if (!dir) {
  console.error('The electron package is missing: run `npm install` first.')
  process.exit(1)
}
if (binaryPresent(dir)) process.exit(0)

const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
console.log(`Fetching the Electron ${version} binary (first launch only)…`)
const result = spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'inherit' })
if (result.status === 0 && binaryPresent(dir)) process.exit(0)

console.error(`
Could not fetch the Electron ${version} binary (the download from GitHub failed or is blocked).
The desktop app cannot start without it. You can:
  - run \`node node_modules/electron/install.js\` again on a network that reaches github.com,
    or point it at a mirror: ELECTRON_MIRROR=https://<mirror>/electron/ node node_modules/electron/install.js
  - or copy an Electron ${version} zip for this platform into the cache named by electron_config_cache
    and run the installer again (it verifies the zip against node_modules/electron/checksums.json);
  - or use the same app in your browser, with no download: \`npm run serve\` (cur-lens serve).`)
process.exit(1)
