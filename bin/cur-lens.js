#!/usr/bin/env node
// @ts-check
// Runs the CLI built to JavaScript in out/cli/. Install scripts are off, so nothing is built at
// install: when the build is missing or older than its sources, it is built first (about a second,
// said once on stderr), so `npx cur-lens` works right after `npm install` and after every edit.
import { fileURLToPath, pathToFileURL } from 'node:url'
import { ensureCliBuild } from '../scripts/cli-build.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const main = await ensureCliBuild(root, (line) => process.stderr.write(`${line}\n`))
await import(pathToFileURL(main).href)
