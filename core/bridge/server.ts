// Serves an API object by method name. The set of callable methods is the object's own function
// properties, so no front end keeps a hand-written list of channels.
import { toCurLensError, CurLensError } from '../errors/curlens-error.js'
import type { Invocation, InvokeResult } from './protocol.js'

export function serveApi(api: object): (invocation: Invocation) => Promise<InvokeResult> {
  const methods = new Set(
    Object.keys(api).filter((k) => typeof (api as Record<string, unknown>)[k] === 'function'),
  )
  return async ({ method, args }) => {
    try {
      if (typeof method !== 'string' || !methods.has(method) || !Array.isArray(args)) {
        throw new CurLensError('INVALID_QUERY', `Unknown API method: ${String(method)}`)
      }
      const fn = (api as Record<string, (...a: unknown[]) => Promise<unknown>>)[method]
      return { ok: true, value: await fn(...args) }
    } catch (e) {
      return { ok: false, error: toCurLensError(e).toJSON() }
    }
  }
}
