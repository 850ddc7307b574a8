// Argument shapes of every method served over IPC (SECURITY.md item 17: validate what arrives).
// The API modules check values in depth; this rejects calls with extra, missing or ill-typed
// arguments, and anything that is not plain JSON, before they reach main or the engine.
import type { CurLensApi, DesktopApi } from '../../core/api.js'

type ArgKind = 'object' | 'string' | 'string?'

/** The compiler keeps this in step with the API: a missing or extra method is a type error. */
const ARGUMENTS = {
  openSources: ['object'],
  cancel: ['string'],
  currentDataset: [],
  summary: [],
  modelCoverage: [],
  breakdown: ['object'],
  tokenUnitCosts: ['object'],
  tagKeys: [],
  lineItems: ['object'],
  checkRules: ['object', 'string', 'string?'],
  chargeback: ['object'],
  exportChargeback: ['object'],
  saveWorkspace: ['string', 'object'],
  loadWorkspace: ['string'],
  loadRules: ['string'],
  demoPaths: [],
  chooseSources: ['string'],
  chooseExportFolder: [],
  recentSources: [],
  appInfo: [],
} satisfies Record<keyof (CurLensApi & DesktopApi), ArgKind[]>

const MAX_DEPTH = 32

/** A reason the invocation is malformed, or undefined when it may be served. */
export function checkInvocation(request: unknown): string | undefined {
  if (!isRecord(request)) return 'An invocation must be an object.'
  const { method, args } = request
  if (typeof method !== 'string' || !Object.hasOwn(ARGUMENTS, method))
    return `Unknown API method: ${String(method)}`
  if (!Array.isArray(args)) return `${method}: arguments must be an array.`
  const kinds: ArgKind[] = ARGUMENTS[method as keyof typeof ARGUMENTS]
  if (args.length > kinds.length) return `${method}: too many arguments.`
  for (const [i, kind] of kinds.entries()) {
    const arg: unknown = args[i]
    const ok =
      kind === 'object'
        ? isRecord(arg)
        : kind === 'string'
          ? typeof arg === 'string'
          : arg === undefined || typeof arg === 'string'
    if (!ok)
      return `${method}: argument ${i + 1} must be ${kind === 'object' ? 'an object' : 'a string'}.`
  }
  return isPlainJson(args, 0) ? undefined : `${method}: arguments must be plain JSON.`
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
