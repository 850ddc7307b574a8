import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

// js-yaml, app-builder-lib and builder-util come with electron-builder: the same parser and
// schema check that `electron-builder` runs before it packages anything.
const require = createRequire(import.meta.url)
const yaml = require('js-yaml') as { load(text: string): unknown }
const config = yaml.load(
  readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8'),
) as Record<string, unknown>

describe('the packaging config', () => {
  it('passes electron-builder’s own schema validation', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>
    }
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (on: boolean) => unknown }
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('sets every fuse SECURITY.md section 1 asks for', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    })
  })

  it('packs the app in an asar, with DuckDB unpacked so its native library loads', () => {
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toContain('node_modules/@duckdb/**')
  })

  it('names the app and ships the demo data beside it', () => {
    expect(config.appId).toBe('dev.curlens.app')
    expect(config.productName).toBe('CUR Lens')
    expect(config.extraResources).toEqual([
      expect.objectContaining({ from: 'resources/demo', to: 'demo' }),
    ])
  })

  it('builds AppImage and deb, dmg and nsis', () => {
    const targets = (key: string) => (config[key] as { target: string | string[] }).target
    expect(targets('linux')).toEqual(['AppImage', 'deb'])
    expect(targets('mac')).toBe('dmg')
    expect(targets('win')).toBe('nsis')
  })

  it('never publishes anywhere', () => {
    expect(config.publish).toBeNull()
  })
})
