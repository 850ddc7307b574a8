import { describe, expect, it } from 'vitest'
import {
  initialRequestState,
  requestReducer,
  type RequestState,
} from '../../../renderer/src/model/request-state.js'
import { describeError } from '../../../renderer/src/model/errors.js'

type State = RequestState<string>

describe('latest request wins', () => {
  it('shows the answer to the newest request even when an older one answers later', () => {
    let state: State = initialRequestState()
    state = requestReducer(state, { type: 'start', id: 1 })
    state = requestReducer(state, { type: 'start', id: 2 })
    state = requestReducer(state, { type: 'success', id: 2, data: 'by model' })
    state = requestReducer(state, { type: 'success', id: 1, data: 'by service' })
    expect(state.data).toBe('by model')
    expect(state.loading).toBe(false)
  })

  it('keeps the previous data visible while the next request runs', () => {
    let state: State = initialRequestState()
    state = requestReducer(state, { type: 'start', id: 1 })
    state = requestReducer(state, { type: 'success', id: 1, data: 'first' })
    state = requestReducer(state, { type: 'start', id: 2 })
    expect(state).toMatchObject({ data: 'first', loading: true })
  })

  it('ignores a failure of a request that is no longer current', () => {
    let state: State = initialRequestState()
    state = requestReducer(state, { type: 'start', id: 1 })
    state = requestReducer(state, { type: 'start', id: 2 })
    state = requestReducer(state, {
      type: 'failure',
      id: 1,
      error: describeError(new Error('late')),
    })
    expect(state.error).toBeUndefined()
    expect(state.loading).toBe(true)
  })

  it('reports a failure of the current request and clears it on the next success', () => {
    let state: State = initialRequestState()
    state = requestReducer(state, { type: 'start', id: 1 })
    state = requestReducer(state, {
      type: 'failure',
      id: 1,
      error: describeError(new Error('boom')),
    })
    expect(state.error?.message).toBe('boom')
    state = requestReducer(state, { type: 'start', id: 2 })
    state = requestReducer(state, { type: 'success', id: 2, data: 'ok' })
    expect(state.error).toBeUndefined()
  })
})
