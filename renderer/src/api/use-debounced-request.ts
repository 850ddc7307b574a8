// A request whose arguments change as the user types (rules, settings): it runs once they have been
// still for `delay` ms, compared by content, so live previews do not query the engine on every
// keystroke. The arguments reach `run` as they are; their JSON text is only the key.
import { useEffect, useRef, useState } from 'react'
import { useRequest, type RequestView } from './use-request.js'

export function useDebouncedRequest<A, T>(
  scope: string,
  args: A | null,
  delay: number,
  run: (args: A) => Promise<T>,
): RequestView<T> {
  const key = args === null ? null : `${scope}:${JSON.stringify(args)}`
  const latest = useRef(args)
  const [settled, setSettled] = useState({ key, args })
  useEffect(() => {
    latest.current = args
  })
  useEffect(() => {
    const timer = setTimeout(() => setSettled({ key, args: latest.current }), delay)
    return () => clearTimeout(timer)
  }, [key, delay])
  return useRequest(settled.key, () =>
    settled.args === null ? Promise.reject(new Error('No request')) : run(settled.args),
  )
}
