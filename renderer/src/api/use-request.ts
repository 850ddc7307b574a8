// Runs an API request whenever its key changes; the newest request wins and older answers are
// dropped, while the last good data stays visible with `loading` set. A null key runs nothing.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react'
import { describeError } from '../model/errors.js'
import {
  initialRequestState,
  requestReducer,
  type RequestAction,
  type RequestState,
} from '../model/request-state.js'

export interface RequestView<T> extends RequestState<T> {
  reload(): void
}

export function useRequest<T>(key: string | null, run: () => Promise<T>): RequestView<T> {
  const [state, dispatch] = useReducer(
    requestReducer as (s: RequestState<T>, a: RequestAction<T>) => RequestState<T>,
    undefined,
    initialRequestState<T>,
  )
  const counter = useRef(0)
  const latestRun = useRef(run)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    latestRun.current = run
  })

  useEffect(() => {
    if (key === null) return
    counter.current += 1
    const id = counter.current
    dispatch({ type: 'start', id })
    latestRun.current().then(
      (data) => dispatch({ type: 'success', id, data }),
      (error: unknown) => dispatch({ type: 'failure', id, error: describeError(error) }),
    )
  }, [key, attempt])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return useMemo(() => ({ ...state, reload }), [state, reload])
}
