// Vitest global setup: builds the CLI and its engine (out/cli/) when missing or older than their
// sources, once before any test. Tests start them as users do, from the built JavaScript, and must
// run today's sources even when one test file is run on its own.
import { fileURLToPath } from 'node:url'
import { ensureCliBuild } from '../scripts/cli-build.js'

export default async function setup() {
  await ensureCliBuild(fileURLToPath(new URL('..', import.meta.url)), (line) => console.log(line))
}
