// Every bridge checks what arrives before serving it (SECURITY.md item 17): Electron's IPC, the
// web server and the engine host. This rejects calls to unknown methods, with extra, missing or
// ill-typed arguments (the shapes listed in api-values.ts), and anything that is not plain JSON;
// the API modules then check the values in depth.
import { API_ARGUMENTS, type ArgumentKind } from '../api-values.js'

const MAX_DEPTH = 32

/** A reason the invocation is malformed, or undefined when it may be served. */
export function checkInvocation(request: unknown): string | undefined {
  if (!isRecord(request)) return 'An invocation must be an object.'
  const { method, args } = request
  if (typeof method !== 'string' || !Object.hasOwn(API_ARGUMENTS, method))
    return `Unknown API method: ${String(method)}`
  if (!Array.isArray(args)) return `${method}: arguments must be an array.`
  const kinds: readonly ArgumentKind[] = API_ARGUMENTS[method as keyof typeof API_ARGUMENTS]
  if (args.length > kinds.length) return `${method}: too many arguments.`
  for (const [i, kind] of kinds.entries()) {
    const arg: unknown = args[i]
    if (!ARGUMENT_CHECKS[kind](arg))
      return `${method}: argument ${i + 1} must be ${ARGUMENT_WORDS[kind]}.`
  }
  return isPlainJson(args, 0) ? undefined : `${method}: arguments must be plain JSON.`
}

const ARGUMENT_CHECKS: Record<ArgumentKind, (arg: unknown) => boolean> = {
  object: (arg) => isRecord(arg),
  string: (arg) => typeof arg === 'string',
  'string?': (arg) => arg === undefined || typeof arg === 'string',
  boolean: (arg) => typeof arg === 'boolean',
}

const ARGUMENT_WORDS: Record<ArgumentKind, string> = {
  object: 'an object',
  string: 'a string',
  'string?': 'a string',
  boolean: 'true or false',
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isPlainJson(value: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH) return false
  if (value === null || value === undefined) return true
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true
    case 'number':
      return Number.isFinite(value)
    case 'object': {
      if (Array.isArray(value)) return value.every((v) => isPlainJson(v, depth + 1))
      const proto: unknown = Object.getPrototypeOf(value)
      if (proto !== Object.prototype && proto !== null) return false
      return Object.values(value).every((v) => isPlainJson(v, depth + 1))
    }
    default:
      return false
  }
}
