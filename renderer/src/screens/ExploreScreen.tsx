// Explore: group cost by up to three dimensions with filters, see it as bars and as a table with
// totals, and drill down from any row to its line items. Only the newest query's answer is shown.
import QueryStatsOutlined from '@mui/icons-material/QueryStatsOutlined'
import Alert from '@mui/material/Alert'
import Skeleton from '@mui/material/Skeleton'
import { useState } from 'react'
import type { Filter, GroupValue } from '../../../core/api.js'
import { METRIC_LABELS } from '../../../core/format/metric.js'
import { EmptyState } from '../components/EmptyState.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { PageHeader } from '../components/PageHeader.js'
import { SectionCard } from '../components/SectionCard.js'
import { dimensionLabel, isPrincipalLevel, OTHER_LABEL } from '../model/dimensions.js'
import { drilldownFilters } from '../model/drilldown.js'
import {
  activeFilters,
  effectiveStack,
  toBreakdownQuery,
  toChartQuery,
} from '../model/explore-state.js'
import type { BreakdownTableRow } from '../model/table-rows.js'
import { useFormats } from '../state/FormatProvider.js'
import { useSession } from '../state/SessionProvider.js'
import { useBreakdown, usePrincipalLabels } from '../state/use-queries.js'
import { BreakdownChart } from './explore/BreakdownChart.js'
import { BreakdownTable } from './explore/BreakdownTable.js'
import { DownloadWorkbookButton } from './explore/DownloadWorkbookButton.js'
import { DrilldownDialog } from './explore/DrilldownDialog.js'
import { ExploreControls } from './explore/ExploreControls.js'
import { FilterChips } from './explore/FilterChips.js'

interface Drilldown {
  title: string
  amount: string
  filters: Filter[]
  rowFilters: Filter[]
}

export function ExploreScreen() {
  const { explore, exploreDispatch, tagKeys, usageLogs, state } = useSession()
  const formats = useFormats()
  const [drilldown, setDrilldown] = useState<Drilldown | null>(null)
  const keys = tagKeys.data?.keys ?? []
  const table = useBreakdown(toBreakdownQuery(explore))
  const chartQuery = toChartQuery(explore)
  const series = useBreakdown(chartQuery)
  const chartResult = chartQuery ? series.data : table.data
  const filters = activeFilters(explore)
  const labels = usePrincipalLabels(table.data, filters)
  const stack = effectiveStack(explore)
  const dims = explore.dimensions
  const groupingText = dims.map((d) => dimensionLabel(d, keys)).join(' › ')
  const noPrincipal =
    state.dataset?.info.hasPrincipal === false &&
    dims.some((d) => isPrincipalLevel(d) && d !== 'account')

  const addFilter = (index: number, value: GroupValue) =>
    exploreDispatch({ type: 'addFilter', dimension: dims[index], value })

  const openRow = (row: BreakdownTableRow) => {
    const shown = (table.data?.rows ?? []).filter((r) => !r.other).map((r) => r.keys[0] ?? null)
    const rowFilters = drilldownFilters([], dims, row, shown)
    const title = dims
      .map((d, i) =>
        i === 0 && row.other ? OTHER_LABEL : formats.group(d, row.keys[i] ?? null, { short: true }),
      )
      .join(' · ')
    const amount = formats.metric(explore.metric).format(row.value)
    setDrilldown({ title, amount, rowFilters, filters: [...filters, ...rowFilters] })
  }

  return (
    <>
      <PageHeader
        title="Explore"
        subtitle="Group cost by up to three dimensions. Click a bar to filter to it, a row to see its line items."
      />
      <ExploreControls
        state={explore}
        dispatch={exploreDispatch}
        tagKeys={keys}
        logTagKeys={usageLogs.data?.logTagKeys ?? []}
      />
      <FilterChips filters={explore.filters} tagKeys={keys} dispatch={exploreDispatch} />
      {noPrincipal && (
        <Alert severity="info" variant="outlined" sx={{ mb: 2 }}>
          This export has no IAM principal column, so every row is “(no principal)”. Create a CUR
          2.0 export with “Include caller identity (IAM principal) allocation data” to split cost by
          who made the calls.
        </Alert>
      )}
      {table.error && <ErrorAlert error={table.error} onRetry={table.reload} sx={{ mb: 2 }} />}
      <SectionCard
        title={`${METRIC_LABELS[explore.metric]} by ${groupingText}`}
        subheader={
          explore.topN === null
            ? 'All groups'
            : `Top ${explore.topN} ${dimensionLabel(dims[0], keys).toLowerCase()} groups; the rest as “(other)”`
        }
        busy={(table.loading && Boolean(table.data)) || (series.loading && Boolean(series.data))}
        sx={{ mb: 2 }}
      >
        {!chartResult ? (
          <Skeleton variant="rounded" height={260} />
        ) : chartResult.rows.length === 0 ? (
          <EmptyState
            icon={<QueryStatsOutlined />}
            title="Nothing to show"
            body="No line items match these filters. Remove a filter or change the period."
          />
        ) : (
          <BreakdownChart
            result={chartResult}
            stack={stack}
            metric={explore.metric}
            labels={labels}
            onSelect={addFilter}
          />
        )}
      </SectionCard>
      <SectionCard
        title="Breakdown"
        subheader="Sort by any column"
        action={<DownloadWorkbookButton query={toBreakdownQuery(explore)} />}
        busy={table.loading && Boolean(table.data)}
        contentSx={{ p: 0, '&:last-child': { pb: 0 } }}
      >
        {!table.data ? (
          <Skeleton variant="rounded" height={240} sx={{ m: 2 }} />
        ) : (
          <BreakdownTable
            result={table.data}
            metric={explore.metric}
            tagKeys={keys}
            labels={labels}
            minAmount={explore.minAmount}
            onOpenRow={openRow}
            onFilterRow={(row) =>
              exploreDispatch({
                type: 'addFilters',
                filters: drilldownFilters([], dims.slice(0, 1), row, []),
              })
            }
          />
        )}
      </SectionCard>
      <DrilldownDialog
        title={drilldown?.title ?? ''}
        amount={drilldown?.amount}
        filters={drilldown?.filters ?? null}
        tagKeys={keys}
        onClose={() => setDrilldown(null)}
        onApplyFilters={
          drilldown
            ? () => {
                exploreDispatch({ type: 'addFilters', filters: drilldown.rowFilters })
                setDrilldown(null)
              }
            : undefined
        }
      />
    </>
  )
}
