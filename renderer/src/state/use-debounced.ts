// A value that follows its input only after the input has been still for `delay` ms, so live
// previews do not query the engine on every keystroke.
import { useEffect, useState } from 'react'

export function useDebounced<T>(value: T, delay: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay)
    return () => clearTimeout(timer)
  }, [value, delay])
  return settled
}
