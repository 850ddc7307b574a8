// Usage logs against the bill: per group (day, model, principal or user), the Bedrock tokens and cost
// billed (token-priced lines: usage amount × pricing unit) beside the tokens the logs recorded and
// their own cost estimate, with the drifts and the causes the data supports. Both sides are exact
// sums from the engine, by token type, so that cache tokens logged as input show. Filters apply to
// both sides (log-filters.ts); a filter the logs cannot apply (service, tag, …) is refused, since
// applied to the bill alone it would show drift that is not there.
import { DRIFT_THRESHOLD, RECONCILE_DIMENSIONS } from '../api-values.js'
import type {
  DriftCause,
  Filter,
  GroupValue,
  ReconcileDimension,
  ReconcileRequest,
  ReconcileResult,
  ReconcileRow,
} from '../api.js'
import { CurLensError } from '../errors/curlens-error.js'
import { formatUnits, parseUnits } from '../format/exact-money.js'
import type { AttributedRows, ReadOptions } from '../rows/attributed-rows.js'
import { dimensionRead, SqlParamBag } from '../rows/dimensions.js'
import { validateFilters } from '../rows/grouped-rows.js'
import { resolveNames } from '../rows/resolve-names.js'
import { LOG_TOKEN_COLUMNS } from '../rows/usage-split.js'
import { LOG_COLUMNS, logConditions, logGaps, loggedCallsCte } from './log-filters.js'

type Side = { keys: GroupValue[]; token_type: string | null; tokens: string }
type Billed = Side & { cost: string }
type Logged = Side & { estimate: string | null; crossed: number }

interface Group {
  keys: GroupValue[]
  billed: Map<string | null, { cost: bigint; tokens: bigint }>
  logged: Map<string | null, bigint>
  estimate: bigint | null
  crossed: number
}

export function validateReconcileRequest(request: ReconcileRequest): ReconcileDimension[] {
  const by = request?.by ?? ['day', 'model']
  if (!Array.isArray(by) || by.length === 0 || new Set(by).size !== by.length) {
    throw invalid('reconcile groups by one or more different dimensions.')
  }
  for (const d of by) {
    if (!(RECONCILE_DIMENSIONS as readonly string[]).includes(d)) {
      throw invalid(
        `reconcile cannot group by ${JSON.stringify(d)}; use ${RECONCILE_DIMENSIONS.join(', ')}.`,
      )
    }
  }
  validateFilters(request.filters)
  const gaps = logGaps(request.filters ?? [])
  if (gaps.length > 0) {
    throw invalid(
      `reconcile cannot filter by ${gaps.join(', ')}: the usage logs do not say it, so the bill ` +
        `and the logs would not cover the same calls. Filter by ${Object.keys(LOG_COLUMNS).join(', ')} ` +
        'or log-tag:<key> instead.',
    )
  }
  return by
}

export async function reconcile(
  rows: AttributedRows,
  request: ReconcileRequest,
  options: ReadOptions = {},
): Promise<ReconcileResult> {
  const by = validateReconcileRequest(request)
  const { filters = [] } = await resolveNames(rows, { filters: request.filters }, options.signal)
  const keyNames = by.map((_, i) => `key_${i}`)
  const billed = await rows.read<Billed & Record<string, GroupValue>>(
    {
      columns: [
        ...by.map((d, i) => ({ name: keyNames[i], read: dimensionRead(d) })),
        { name: 'token_type', read: { column: 'token_type' } },
      ],
      filters,
      metrics: ['unblended', 'tokens'],
      billsTokens: true,
    },
    (groups) => `SELECT
  ${keyNames.map((k) => `CAST(${k} AS VARCHAR) AS ${k}`).join(', ')}, token_type,
  CAST(COALESCE(unblended, 0) AS DECIMAL(38, 10)) AS cost,
  CAST(COALESCE(tokens, 0) AS DECIMAL(38, 0)) AS tokens
FROM (${groups})`,
    {},
    options,
  )
  const logged = await readLogged(rows, by, filters, options.signal)
  const groups = new Map<string, Group>()
  const group = (keys: GroupValue[]) => {
    const id = JSON.stringify(keys)
    let found = groups.get(id)
    if (!found) {
      found = { keys, billed: new Map(), logged: new Map(), estimate: null, crossed: 0 }
      groups.set(id, found)
    }
    return found
  }
  const keysOf = (r: Record<string, unknown>) => keyNames.map((k) => (r[k] ?? null) as GroupValue)
  for (const r of billed) {
    const g = group(keysOf(r)).billed
    const before = g.get(r.token_type) ?? { cost: 0n, tokens: 0n }
    g.set(r.token_type, {
      cost: before.cost + parseUnits(r.cost),
      tokens: before.tokens + BigInt(r.tokens),
    })
  }
  for (const r of logged) {
    const g = group(keysOf(r))
    g.logged.set(r.token_type, (g.logged.get(r.token_type) ?? 0n) + BigInt(r.tokens))
    if (r.estimate !== null) g.estimate = (g.estimate ?? 0n) + parseUnits(r.estimate)
    g.crossed += Number(r.crossed)
  }
  const dayAt = by.indexOf('day')
  const result = [...groups.values()].map(toRow)
  result.sort(
    (a, b) =>
      (dayAt >= 0 ? String(a.keys[dayAt]).localeCompare(String(b.keys[dayAt])) : 0) ||
      compare(parseUnits(b.billedCost), parseUnits(a.billedCost)) ||
      JSON.stringify(a.keys).localeCompare(JSON.stringify(b.keys)),
  )
  return { by, rows: result, total: toRow(totalOf([...groups.values()])) }
}

/** The logs' tokens by group and token type, with their estimate and cross-region calls. */
async function readLogged(
  rows: AttributedRows,
  by: ReconcileDimension[],
  filters: readonly Filter[],
  signal?: AbortSignal,
): Promise<Logged[]> {
  const bag = new SqlParamBag()
  const calls = await loggedCallsCte(rows.engine, bag, signal)
  const conditions = logConditions(filters, bag, true)
  const types = Object.entries(LOG_TOKEN_COLUMNS)
    .map(([type, column]) => `('${type}', c.${column})`)
    .join(', ')
  return rows.engine.query<Logged>(
    `WITH ${calls},
typed AS (
  SELECT
    ${Object.values(LOG_COLUMNS)
      .filter((column) => column !== 'token_type')
      .map((column) => `c.${column},`)
      .join('\n    ')}
    c.log_tags,
    t.token_type,
    t.tokens,
    -- Once per call: the estimate and the cross-region flag ride on its input row.
    CASE WHEN t.token_type = 'input' THEN c.est_cost_usd END AS estimate,
    CASE WHEN t.token_type = 'input' AND c.cross_region IN ('geo', 'global') THEN 1 ELSE 0 END
      AS crossed
  FROM calls AS c, (VALUES ${types}) AS t(token_type, tokens)
)
SELECT
  ${by.map((d, i) => `CAST(${LOG_COLUMNS[d]} AS VARCHAR) AS key_${i}`).join(', ')},
  token_type,
  CAST(COALESCE(sum(tokens), 0) AS DECIMAL(38, 0)) AS tokens,
  CAST(sum(estimate) AS DECIMAL(38, 10)) AS estimate,
  CAST(sum(crossed) AS INTEGER) AS crossed
FROM typed
WHERE ${conditions.length ? conditions.join('\n  AND ') : 'true'}
GROUP BY ALL`,
    bag.params,
    { signal },
  )
}

function totalOf(groups: Group[]): Group {
  const total: Group = {
    keys: [],
    billed: new Map(),
    logged: new Map(),
    estimate: null,
    crossed: 0,
  }
  for (const g of groups) {
    for (const [type, b] of g.billed) {
      const before = total.billed.get(type) ?? { cost: 0n, tokens: 0n }
      total.billed.set(type, { cost: before.cost + b.cost, tokens: before.tokens + b.tokens })
    }
    for (const [type, t] of g.logged) total.logged.set(type, (total.logged.get(type) ?? 0n) + t)
    if (g.estimate !== null) total.estimate = (total.estimate ?? 0n) + g.estimate
    total.crossed += g.crossed
  }
  return total
}

function toRow(g: Group): ReconcileRow {
  const billedCost = sumOf([...g.billed.values()].map((b) => b.cost))
  const billedTokens = sumOf([...g.billed.values()].map((b) => b.tokens))
  const loggedTokens = sumOf([...g.logged.values()])
  const tokenDrift = billedTokens === 0n ? null : ratio(loggedTokens, billedTokens) - 1
  const costDrift =
    g.estimate === null || billedCost === 0n ? null : ratio(g.estimate, billedCost) - 1
  const beyond = (drift: number | null) => drift !== null && Math.abs(drift) > DRIFT_THRESHOLD
  const billedOf = (type: string) => g.billed.get(type)?.tokens ?? 0n
  const loggedOf = (type: string) => g.logged.get(type) ?? 0n
  const billedCache = billedOf('cache-read') + billedOf('cache-write')
  const loggedCache = loggedOf('cache-read') + loggedOf('cache-write')
  const cacheAsInput =
    exceeds(loggedOf('input'), billedOf('input')) && exceeds(billedCache, loggedCache)
  // A token type billed with none logged: calls the logs lack, unless they logged it as input.
  const unlogged = [...g.billed].some(
    ([type, b]) =>
      b.tokens > 0n && loggedOf(type!) === 0n && !(cacheAsInput && type!.startsWith('cache')),
  )
  const causes: DriftCause[] = []
  if (unlogged || (tokenDrift !== null && tokenDrift < -DRIFT_THRESHOLD)) {
    causes.push('calls-missing')
  }
  if (cacheAsInput) causes.push('cache-as-input')
  if (beyond(costDrift) && !beyond(tokenDrift)) causes.push('list-price')
  if (beyond(costDrift) && g.crossed > 0) causes.push('cross-region')
  const flagged = beyond(tokenDrift) || beyond(costDrift) || causes.length > 0
  return {
    keys: g.keys,
    billedCost: formatUnits(billedCost),
    billedTokens: billedTokens.toString(),
    loggedTokens: loggedTokens.toString(),
    estimatedCost: g.estimate === null ? null : formatUnits(g.estimate),
    tokenDrift: rounded(tokenDrift),
    costDrift: rounded(costDrift),
    flagged,
    causes,
  }
}

/** `a` above `b` by more than the threshold. */
function exceeds(a: bigint, b: bigint): boolean {
  return a > 0n && (b === 0n || ratio(a, b) - 1 > DRIFT_THRESHOLD)
}

/** a / b as a number, from exact integers, to about 12 significant digits. */
function ratio(a: bigint, b: bigint): number {
  const scale = 10n ** 12n
  return Number((a * scale) / b) / 1e12
}

function rounded(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1e6) / 1e6
}

function sumOf(values: bigint[]): bigint {
  return values.reduce((a, b) => a + b, 0n)
}

function compare(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function invalid(message: string): CurLensError {
  return new CurLensError('INVALID_QUERY', message)
}
