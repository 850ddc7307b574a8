import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { createApi } from '../../core/create-api.js'

const DEMO = fileURLToPath(new URL('../../resources/demo', import.meta.url))
let api: ReturnType<typeof createApi> | undefined

afterEach(async () => {
  await api?.close()
  api = undefined
})

describe('the core API session', () => {
  it('answers the summary of the opened export, then attribution queries', async () => {
    api = createApi({ emit: () => {} })
    await api.openSources({ paths: [DEMO] })
    const summary = await api.summary()
    expect(summary.reconciliation.matches).toBe(true)
    const teams = await api.breakdown({
      dimensions: ['tag:iamPrincipal/team'],
      metric: 'unblended',
      filters: [{ dimension: 'service', values: ['Amazon Bedrock'] }],
    })
    // resources/demo/README.md: Bedrock by team.
    expect(Object.fromEntries(teams.rows.map((r) => [String(r.keys[0]), r.value]))).toEqual({
      backend: '142.3000000000',
      data: '89.5000000000',
      frontend: '23.1000000000',
      null: '5.4000000000',
    })
  })

  it('tells a window opened later which export is open, with its files and problems', async () => {
    api = createApi({ emit: () => {} })
    expect(await api.currentDataset()).toBeNull()
    const info = await api.openSources({ paths: [DEMO] })
    const current = await api.currentDataset()
    expect(current).toEqual({ info, paths: [DEMO] })
    expect(current?.info.hasPrincipal).toBe(true)
    expect(current?.info.files.length).toBeGreaterThan(0)
  })

  it('cancels a superseded breakdown by its job id and keeps answering the next one', async () => {
    api = createApi({ emit: () => {} })
    await api.openSources({ paths: [DEMO] })
    const superseded = api.breakdown({
      dimensions: ['principal'],
      metric: 'unblended',
      jobId: 'old',
    })
    await api.cancel('old')
    await expect(superseded).rejects.toMatchObject({ code: 'CANCELLED' })
    const next = await api.breakdown({ dimensions: ['service'], metric: 'unblended', jobId: 'new' })
    expect(next.rows.length).toBeGreaterThan(0)
  })

  it('never leaves a comparison attached to an export that another open replaced meanwhile', async () => {
    api = createApi({ emit: () => {} })
    await api.openSources({ paths: [DEMO] })
    for (let i = 0; i < 3; i++) {
      // The comparison starts against the open export; a second open replaces it before or after.
      const comparing = api.openComparison({ paths: [DEMO] }).then(
        () => 'opened',
        (e: { code?: string; message?: string }) => e,
      )
      await api.openSources({ paths: [DEMO] })
      const outcome = await comparing
      if (outcome !== 'opened') {
        expect(outcome).toMatchObject({
          code: 'CANCELLED',
          message: expect.stringMatching(/another export was opened/i),
        })
      }
      // Opened first, it was closed with the export it was opened against; opened last, refused.
      expect(await api.currentComparison()).toBeNull()
    }
  })
})
