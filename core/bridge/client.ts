// Builds a typed API client over any transport: a Proxy that turns `api.method(...args)` into one
// invocation and re-throws failures as CurLensError with their code and file.
import { CurLensError } from '../errors/curlens-error.js'
import type { Invoke } from './protocol.js'

export function createApiClient<T extends object>(invoke: Invoke): T {
  return new Proxy({} as T, {
    get(_target, method) {
      if (typeof method !== 'string' || method === 'then') return undefined
      return async (...args: unknown[]) => {
        const result = await invoke({ method, args })
        if (result.ok) return result.value
        throw CurLensError.fromJSON(result.error)
      }
    },
  })
}
