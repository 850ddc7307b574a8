import { describe, expect, it } from 'vitest'
import { exportName } from '../../../renderer/src/model/export-name.js'

describe('export name', () => {
  it('is the folder name when a folder is opened', () => {
    expect(exportName(['/home/ana/cur/acme-cur2/'])).toBe('acme-cur2')
  })

  it('is the export folder for a file inside data/BILLING_PERIOD=…', () => {
    expect(
      exportName(['/x/acme-cur2/data/BILLING_PERIOD=2026-07/acme-cur2-00001.snappy.parquet']),
    ).toBe('acme-cur2')
  })

  it('counts further exports and falls back to a generic name', () => {
    expect(exportName(['/x/one', '/y/two', '/z/three'])).toBe('one + 2 more')
    expect(exportName([])).toBe('Cost and Usage Report')
  })

  it('does not count two files of the same export twice', () => {
    const part = (n: number) => `/x/acme/data/BILLING_PERIOD=2026-0${n}/acme-0000${n}.parquet`
    expect(exportName([part(7), part(8)])).toBe('acme')
  })
})
