// The read queries screens share, keyed by the open dataset so that opening another report
// refreshes them. Each follows "latest request wins" (see use-request); a superseded breakdown is
// cancelled in the engine, so a slow grouping never delays the one the user asked for next.
import type { BreakdownQuery, BreakdownResult, SummaryResult } from '../../../core/api.js'
import { useApi } from '../api/ApiProvider.js'
import { useRequest, type RequestView } from '../api/use-request.js'
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
