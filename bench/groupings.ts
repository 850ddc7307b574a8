// The regroupings the benchmark times, on the CUR Lens side and as hand-written raw SQL.
import type { BreakdownQuery } from '../core/api.js'

export const BENCH_GROUPINGS: { name: string; query: BreakdownQuery }[] = [
  { name: 'group by role', query: { dimensions: ['role'], metric: 'unblended' } },
  {
    name: 'group by tag iamPrincipal/team',
    query: { dimensions: ['tag:iamPrincipal/team'], metric: 'unblended' },
  },
  { name: 'group by model', query: { dimensions: ['model'], metric: 'unblended' } },
  {
    name: 'group by team and model',
    query: { dimensions: ['tag:iamPrincipal/team', 'model'], metric: 'unblended' },
  },
]
