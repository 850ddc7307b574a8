// Each test file gets its own empty persistent cache, so no test sees what another kept (nor the
// user's own cache), and the CLI and engine processes it starts inherit it. The CLI's background
// cache builds are off, so none outlives its test or writes into a folder being removed; the
// cache CLI test turns them on for itself.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { NO_BACKGROUND_VARIABLE } from '../cli/background-cache.js'
import { CACHE_DIR_VARIABLE } from '../core/cache/cache-location.js'

const folder = mkdtempSync(join(tmpdir(), 'cur-lens-test-cache-'))
process.env[CACHE_DIR_VARIABLE] = folder
process.env[NO_BACKGROUND_VARIABLE] = '1'

afterAll(() => rmSync(folder, { recursive: true, force: true }))
