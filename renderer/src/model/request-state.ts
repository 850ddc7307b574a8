// Latest request wins: every request gets an increasing id and only the newest one may change the
// state. A slow answer to an older grouping is dropped, while the previous data stays on screen
// (with `loading` set) until the newest answer arrives.
import type { ErrorInfo } from './errors.js'

export interface RequestState<T> {
  data: T | undefined
  error: ErrorInfo | undefined
  loading: boolean
  latest: number
}

export type RequestAction<T> =
  | { type: 'start'; id: number }
  | { type: 'success'; id: number; data: T }
  | { type: 'failure'; id: number; error: ErrorInfo }

export function initialRequestState<T>(): RequestState<T> {
  return { data: undefined, error: undefined, loading: false, latest: 0 }
}

export function requestReducer<T>(
  state: RequestState<T>,
  action: RequestAction<T>,
): RequestState<T> {
  switch (action.type) {
    case 'start':
      if (action.id <= state.latest) return state
      return { ...state, loading: true, latest: action.id }
    case 'success':
      if (action.id !== state.latest) return state
      return { data: action.data, error: undefined, loading: false, latest: state.latest }
    case 'failure':
      if (action.id !== state.latest) return state
      return { ...state, error: action.error, loading: false }
  }
}
