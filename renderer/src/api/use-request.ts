// Runs an API request whenever its key changes; the newest request wins and older answers are
// dropped, while the last good data stays visible with `loading` set. A null key runs nothing.
// Each request gets a job id; when a newer one supersedes it, `cancel` lets the engine stop it.
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

export function useRequest<T>(
  key: string | null,
  run: (jobId: string) => Promise<T>,
  cancel?: (jobId: string) => void,
): RequestView<T> {
  const [state, dispatch] = useReducer(
    requestReducer as (s: RequestState<T>, a: RequestAction<T>) => RequestState<T>,
    undefined,
    initialRequestState<T>,
  )
  const counter = useRef(0)
  const latestRun = useRef(run)
  const latestCancel = useRef(cancel)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    latestRun.current = run
    latestCancel.current = cancel
  })

  useEffect(() => {
    if (key === null) return
    counter.current += 1
    const id = counter.current
    dispatch({ type: 'start', id })
    const jobId = `request-${id}-${Math.random().toString(36).slice(2)}`
    let settled = false
    latestRun
      .current(jobId)
      .then(
        (data) => dispatch({ type: 'success', id, data }),
        (error: unknown) => dispatch({ type: 'failure', id, error: describeError(error) }),
      )
      .finally(() => (settled = true))
    return () => {
      if (!settled) latestCancel.current?.(jobId)
    }
  }, [key, attempt])

  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  return useMemo(() => ({ ...state, reload }), [state, reload])
}
