// The engine reads every timestamp in UTC, whatever the time zone of the machine it runs on: a user
// in India and one in California get the same usage hours and billing months from one file.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const CHILD = fileURLToPath(new URL('./time-zone-child.ts', import.meta.url))

describe('the engine on a machine in another time zone', () => {
  it.each(['Asia/Kolkata', 'America/Los_Angeles'])(
    'reads instants and plain timestamps in UTC under TZ=%s',
    async (zone) => {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', CHILD], {
        env: { ...process.env, TZ: zone },
      })
      expect(JSON.parse(stdout)).toEqual({
        zone: 'UTC',
        usage_start: '2026-07-01 00:00:00',
        no_offset: '2026-07-01 00:00:00+00',
      })
    },
  )
})
