// Readable labels for principals, shown beside the ARN or role name they stand for: "SSO: DataScience",
// "IAM user alice", "API key BedrockAPIKey-ab12", "service role AppRole", "gateway role …", and when
// each was last seen (its latest usage start). A label only names a group: the groups stay the ARNs
// or role names, so two principals are never merged, whatever their labels. A gateway role is an
// assumed role with at least GATEWAY_MIN_SESSIONS distinct sessions in the export (one role calling
// for many people), or one named as such (gateway, litellm, llm-proxy). Reads the complete lookup.
import type { Filter, PrincipalLabel, PrincipalLabelsRequest } from '../api.js'
import { CurLensError } from '../errors/curlens-error.js'
import type { AttributedRows } from './attributed-rows.js'
import { SqlParamBag, dimensionRead, isSplitColumn } from './dimensions.js'
import { rowConditions } from './grouped-rows.js'
import { parsePrincipalArn, type Principal } from './principal-arn.js'
import { resolveNames } from './resolve-names.js'

/** Distinct sessions of one assumed role from which it counts as a gateway role. */
export const GATEWAY_MIN_SESSIONS = 10
/** Values one request may label at most. */
export const MAX_LABELS = 10_000

const LEVEL_COLUMNS = { principal: 'principal_arn', role: 'principal_role' } as const

/** What a principal's label says: its kind and name, then (for the full ARN) its session. */
export function principalLabel(
  principal: Principal,
  sessions: number,
  level: 'principal' | 'role',
): string {
  const who = (name: string, session: string | null) =>
    level === 'principal' && session ? `${name} · ${session}` : name
  const role = principal.role ?? ''
  switch (principal.kind) {
    case 'sso':
      return who(`SSO: ${principal.permissionSet}`, principal.session)
    case 'iam-user':
      return `IAM user ${principal.user}`
    case 'api-key':
      return `API key ${principal.user}`
    case 'agentcore':
      return who(`AgentCore role ${role}`, principal.session)
    case 'root':
      return `root user ${principal.account}`
    case 'federated':
      return level === 'principal' ? `federated user ${principal.user}` : 'federated users'
    case 'assumed-role': {
      const gateway = sessions >= GATEWAY_MIN_SESSIONS || principal.note !== null
      return who(`${gateway ? 'gateway role' : 'service role'} ${role}`, principal.session)
    }
    default:
      return principal.display
  }
}

function checkRequest(request: PrincipalLabelsRequest): void {
  const { level, values } = request ?? {}
  if (!Object.hasOwn(LEVEL_COLUMNS, level)) {
    throw new CurLensError('INVALID_QUERY', 'Principal labels are for level principal or role.')
  }
  if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) {
    throw new CurLensError('INVALID_QUERY', 'Principal labels need a list of values (text).')
  }
  if (values.length > MAX_LABELS) {
    throw new CurLensError('INVALID_QUERY', `At most ${MAX_LABELS} principals at a time.`)
  }
}

/** The label of each value the export knows, by value; values it does not know are left out. */
export async function labelsOf(
  rows: AttributedRows,
  level: 'principal' | 'role',
  values: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, string>> {
  if (values.length === 0) return new Map()
  await rows.complete(signal)
  // One row per ARN: an assumed role's ARNs in an account are its sessions.
  const found = await rows.engine.query<{ value: string; arn: string; sessions: string | number }>(
    `WITH counted AS (
  SELECT
    principal_arn,
    role,
    count(*) OVER (PARTITION BY kind, role, account) AS in_account,
    count(*) OVER (PARTITION BY kind, role) AS in_export
  FROM principal_dim
)
SELECT
  ${level === 'principal' ? 'principal_arn' : 'role'} AS value,
  any_value(principal_arn ORDER BY principal_arn) AS arn,
  max(${level === 'principal' ? 'in_account' : 'in_export'}) AS sessions
FROM counted
WHERE list_contains($values, ${level === 'principal' ? 'principal_arn' : 'role'})
GROUP BY 1`,
    { values: [...values] },
    { signal },
  )
  return new Map(
    found.map((r) => [
      r.value,
      principalLabel(parsePrincipalArn(r.arn), Number(r.sessions), level),
    ]),
  )
}

/**
 * Latest usage start (ISO, UTC) of each value's line items under `filters`, less the filters on
 * the usage logs' split (`user`, `log-tag:<key>`): a line item is not one user's, so a label's last
 * seen is its principal's, whichever user the report is filtered to.
 */
async function lastSeenOf(
  rows: AttributedRows,
  level: 'principal' | 'role',
  values: readonly string[],
  filters: Filter[] | undefined,
  signal?: AbortSignal,
): Promise<Map<string, string | null>> {
  if (values.length === 0) return new Map()
  const bag = new SqlParamBag()
  const column = LEVEL_COLUMNS[level]
  const conditions = [
    ...rowConditions(
      filters?.filter((f) => !isSplitColumn(dimensionRead(f.dimension).column)),
      bag,
    ),
    `list_contains(${bag.bind('values', [...values])}, ${column})`,
  ]
  const found = await rows.engine.query<{ value: string; last_seen: string | null }>(
    `SELECT ${column} AS value, strftime(max(usage_start), '%Y-%m-%dT%H:%M:%SZ') AS last_seen
FROM attribution_rows
WHERE ${conditions.join('\n  AND ')}
GROUP BY 1`,
    bag.params,
    { signal },
  )
  return new Map(found.map((r) => [r.value, r.last_seen]))
}

/** Labels and last-seen times of a list's principals or roles (the ones the export knows). */
export async function principalLabels(
  rows: AttributedRows,
  request: PrincipalLabelsRequest,
  signal?: AbortSignal,
): Promise<PrincipalLabel[]> {
  checkRequest(request)
  const values = [...new Set(request.values)]
  const { filters } = await resolveNames(rows, { filters: request.filters }, signal)
  const labels = await labelsOf(rows, request.level, values, signal)
  const seen = await lastSeenOf(rows, request.level, values, filters, signal)
  return values
    .filter((v) => labels.has(v))
    .map((value) => ({ value, label: labels.get(value)!, lastSeen: seen.get(value) ?? null }))
}
