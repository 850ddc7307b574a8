// The read queries screens share, keyed by the open dataset so that opening another report
// refreshes them. Each follows "latest request wins" (see use-request); a superseded breakdown is
// cancelled in the engine, so a slow grouping never delays the one the user asked for next.
import type {
  BreakdownQuery,
  BreakdownResult,
  Filter,
  PrincipalLabel,
  SummaryResult,
} from '../../../core/api.js'
import { useMemo } from 'react'
import { useApi } from '../api/ApiProvider.js'
import { useRequest, type RequestView } from '../api/use-request.js'
import {
  labelledValues,
  principalLabelLookup,
  type LabelledLevel,
  type PrincipalLabelLookup,
} from '../model/principal-labels.js'
import { useSession } from './SessionProvider.js'

export function useSummary(): RequestView<SummaryResult> {
  const api = useApi()
  const { state } = useSession()
  return useRequest(state.phase === 'ready' ? `summary:${state.generation}` : null, () =>
    api.summary(),
  )
}

export function useBreakdown(query: BreakdownQuery | null): RequestView<BreakdownResult> {
  const api = useApi()
  const { state } = useSession()
  const key =
    query && state.phase === 'ready'
      ? `${state.generation}.${state.logsVersion}:${JSON.stringify(query)}`
      : null
  return useRequest(
    key,
    (jobId) =>
      query ? api.breakdown({ ...query, jobId }) : Promise.reject(new Error('No breakdown query')),
    (jobId) => void api.cancel(jobId).catch(() => {}),
  )
}

/** Labels and last-seen times of a breakdown's principals and roles, once the API has them. */
export function usePrincipalLabels(
  result: BreakdownResult | undefined,
  filters: readonly Filter[],
): PrincipalLabelLookup {
  const principal = useLabels('principal', labelledValues(result, 'principal'), filters)
  const role = useLabels('role', labelledValues(result, 'role'), filters)
  return useMemo(
    () => principalLabelLookup({ principal: principal.data, role: role.data }),
    [principal.data, role.data],
  )
}

function useLabels(
  level: LabelledLevel,
  values: string[],
  filters: readonly Filter[],
): RequestView<PrincipalLabel[]> {
  const api = useApi()
  const { state } = useSession()
  const request = { level, values, filters: [...filters] }
  const key =
    values.length > 0 && state.phase === 'ready'
      ? `${state.generation}:labels:${JSON.stringify(request)}`
      : null
  return useRequest(key, () => api.principalLabels(request))
}
