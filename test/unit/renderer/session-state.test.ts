import { describe, expect, it } from 'vitest'
import type { OpenResult } from '../../../core/api.js'
import { describeError } from '../../../renderer/src/model/errors.js'
import {
  INITIAL_SESSION,
  sessionReducer,
  type SessionState,
} from '../../../renderer/src/model/session-state.js'

const info: OpenResult = {
  format: 'cur2-parquet',
  files: [],
  rows: 10,
  billingPeriods: ['2026-07'],
  currency: 'USD',
  hasPrincipal: true,
  problems: [],
}

function started(from: SessionState = { ...INITIAL_SESSION, phase: 'start' }): SessionState {
  return sessionReducer(from, { type: 'openStarted', jobId: 'job-1', paths: ['/cur'] })
}

describe('session', () => {
  it('starts on the overview when a report is already open, else on the start screen', () => {
    const ready = sessionReducer(INITIAL_SESSION, { type: 'probed', dataset: { info, paths: [] } })
    expect(ready).toMatchObject({ phase: 'ready', screen: 'overview', generation: 1 })
    expect(sessionReducer(INITIAL_SESSION, { type: 'probed', dataset: null }).phase).toBe('start')
  })

  it('shows progress only for the running job', () => {
    const state = started()
    const event = { jobId: 'job-1', phase: 'reading' as const, percentage: 40 }
    expect(sessionReducer(state, { type: 'progress', event, at: 0 }).job?.progress).toEqual(event)
    const stale = sessionReducer(state, {
      type: 'progress',
      event: { ...event, jobId: 'old' },
      at: 0,
    })
    expect(stale.job?.progress).toBeNull()
  })

  it("estimates the time left from the phase's pace, once there is one", () => {
    const at = (state: SessionState, percentage: number, ms: number, phase = 'converting') =>
      sessionReducer(state, {
        type: 'progress',
        event: { jobId: 'job-1', phase: phase as 'converting', percentage },
        at: ms,
      })
    const early = at(started(), 1, 1000)
    expect(early.job?.timeLeftMs).toBeNull()
    // 25% in 4 s of this phase: 12 s to go.
    const paced = at(early, 25, 5000)
    expect(paced.job?.timeLeftMs).toBe(12_000)
    // A new phase starts its own clock.
    expect(at(paced, 50, 6000, 'indexing').job?.timeLeftMs).toBeNull()
  })

  it("follows the open dataset's cache build, not an older one's", () => {
    const ready = sessionReducer(started(), { type: 'openSucceeded', jobId: 'job-1', info })
    const caching = (jobId: string, percentage: number) =>
      sessionReducer(ready, {
        type: 'progress',
        event: { jobId, phase: 'caching', percentage },
        at: 0,
      })
    expect(caching('job-1', 40).caching).toBe(40)
    expect(caching('job-0', 40).caching).toBeNull()
    expect(caching('job-1', 100).caching).toBeNull()
  })

  it('opens the overview with the new dataset when the load succeeds', () => {
    const state = sessionReducer(started(), { type: 'openSucceeded', jobId: 'job-1', info })
    expect(state).toMatchObject({ phase: 'ready', screen: 'overview', job: null })
    expect(state.dataset).toEqual({ info, paths: ['/cur'] })
  })

  it('returns to the start screen with the error when the load fails', () => {
    const error = describeError({ code: 'FILE_NOT_FOUND', message: 'No such folder', file: '/cur' })
    const state = sessionReducer(started(), { type: 'openFailed', jobId: 'job-1', error })
    expect(state).toMatchObject({ phase: 'start', job: null, openError: error })
    expect(state.lastAttempt).toEqual(['/cur'])
  })

  it('goes back to the open report when a new load is cancelled', () => {
    const ready = sessionReducer(INITIAL_SESSION, {
      type: 'probed',
      dataset: { info, paths: ['/a'] },
    })
    const loading = started(ready)
    expect(loading.job?.from).toBe('ready')
    const cancelling = sessionReducer(loading, { type: 'cancelRequested', jobId: 'job-1' })
    expect(cancelling.job?.cancelling).toBe(true)
    const back = sessionReducer(cancelling, { type: 'openCancelled', jobId: 'job-1' })
    expect(back).toMatchObject({ phase: 'ready', job: null })
    expect(back.dataset?.paths).toEqual(['/a'])
  })

  it('ignores the answer of a load that was replaced by another', () => {
    const first = started()
    const second = sessionReducer(first, { type: 'openStarted', jobId: 'job-2', paths: ['/b'] })
    const late = sessionReducer(second, { type: 'openSucceeded', jobId: 'job-1', info })
    expect(late).toBe(second)
  })

  it('navigates between screens only while a report is open', () => {
    const start = { ...INITIAL_SESSION, phase: 'start' as const }
    expect(sessionReducer(start, { type: 'navigate', screen: 'tags' })).toBe(start)
    const ready = sessionReducer(INITIAL_SESSION, { type: 'probed', dataset: { info, paths: [] } })
    expect(sessionReducer(ready, { type: 'navigate', screen: 'tags' }).screen).toBe('tags')
  })
})
