// The fixed values of the API contract, each listed once: metrics, cost bases, shared-cost buckets
// and their treatments, statement line details, rule match kinds, tag sources, the SQL console's
// limits, and every method with the shape of its arguments. Pure data with no imports but types,
// so the renderer, the CLI, the bridges and core all read the same lists; api.ts derives its
// unions from them.
import type { CurLensApi, DesktopApi } from './api.js'

export const COST_METRICS = ['unblended', 'net', 'amortized', 'ondemand'] as const
/** `count`: the number of line items in each group. */
export const METRICS = [...COST_METRICS, 'usage', 'tokens', 'count'] as const
/** The bases a chargeback or rule check can be computed on (`net`: net unblended). */
export const BASES = ['unblended', 'net', 'amortized'] as const

/** Shared cost, in the order buckets are taken out of direct cost (tax first, unmatched last). */
export const SHARED_BUCKETS = ['unmatched', 'shared-roles', 'tax', 'fees', 'credits'] as const
export const SHARED_METHODS = ['keep', 'proportional', 'even', 'fixed'] as const
export const LINE_DETAILS = ['principal', 'person', 'role', 'account', 'none'] as const
/** `user` and `log-tag` read the usage logs' split of Bedrock cost (see `openUsageLogs`). */
export const MATCH_KINDS = [
  'principal',
  'role',
  'person',
  'account',
  'tag',
  'user',
  'log-tag',
] as const
/** What `reconcile` groups by. */
export const RECONCILE_DIMENSIONS = ['day', 'model', 'principal', 'user'] as const
/**
 * Why logged and billed figures may differ: calls the logs lack (billed tokens with no records),
 * cache tokens logged as input, list against billed price (discounts, credits), cross-region uplift.
 */
export const DRIFT_CAUSES = [
  'calls-missing',
  'cache-as-input',
  'list-price',
  'cross-region',
] as const
/** A drift beyond this fraction (5 %) is flagged. */
export const DRIFT_THRESHOLD = 0.05
/** Source prefixes of normalized tag keys, in the order tag keys are listed. */
export const TAG_SOURCES = [
  'iamPrincipal',
  'resourceTags',
  'accountTag',
  'userAttribute',
  'costCategory',
] as const

/**
 * The SQL console's bounds: rows per page by default, rows per page or CSV export at most, and the
 * seconds a query may run by default and at most.
 */
export const SQL_LIMITS = {
  pageSize: 1_000,
  maxRows: 100_000,
  timeoutSeconds: 600,
  maxTimeoutSeconds: 3_600,
} as const

/** An argument's shape as it crosses a bridge; the API modules check the values in depth. */
export type ArgumentKind = 'object' | 'string' | 'string?' | 'boolean'

/** Every method of the API with its arguments; the compiler keeps it in step with api.ts. */
export const CURLENS_API_ARGUMENTS = {
  openSources: ['object'],
  cancel: ['string'],
  currentDataset: [],
  summary: [],
  modelCoverage: [],
  breakdown: ['object'],
  principalLabels: ['object'],
  tokenUnitCosts: ['object'],
  tagKeys: [],
  lineItems: ['object'],
  checkRules: ['object', 'string', 'string?'],
  chargeback: ['object'],
  exportChargeback: ['object'],
  exportFocus: ['object'],
  downloadChargeback: ['object'],
  saveWorkspace: ['string', 'object'],
  loadWorkspace: ['string'],
  loadRules: ['string'],
  parseRules: ['string', 'string'],
  demoPaths: [],
  breakdownXlsx: ['object'],
  runSql: ['object'],
  sqlCsv: ['object'],
  sqlSchema: [],
  cacheStatus: [],
  rowsCache: ['boolean'],
  clearCache: [],
  setCacheEnabled: ['boolean'],
  openComparison: ['object'],
  currentComparison: [],
  closeComparison: [],
  compare: ['object'],
  compareLines: ['object'],
  openUsageLogs: ['object'],
  usageLogs: [],
  reconcile: ['object'],
} as const satisfies Record<keyof CurLensApi, readonly ArgumentKind[]>

/** What only the desktop shell serves beside the API. */
export const DESKTOP_API_ARGUMENTS = {
  chooseSources: ['string'],
  chooseExportFolder: [],
  recentSources: [],
  appInfo: [],
} as const satisfies Record<keyof DesktopApi, readonly ArgumentKind[]>

export const API_ARGUMENTS = { ...CURLENS_API_ARGUMENTS, ...DESKTOP_API_ARGUMENTS }
