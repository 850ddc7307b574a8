// The bill at a glance: total for the period and whether it reconciles to the files, cost by month,
// the top services, Bedrock's share, and the top principals and models behind Bedrock (with a notice
// when some Bedrock cost is on models CUR Lens does not know).
import AutoAwesomeOutlined from '@mui/icons-material/AutoAwesomeOutlined'
import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import { useState } from 'react'
import type { BreakdownQuery, Dimension, Filter, SummaryResult } from '../../../core/api.js'
import { displayShare } from '../../../core/format/decimal.js'
import { formatPercent } from '../../../core/format/number.js'
import { formatPeriodRange } from '../../../core/format/period.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { KpiCard } from '../components/KpiCard.js'
import { PageHeader } from '../components/PageHeader.js'
import { PeriodSelect } from '../components/PeriodSelect.js'
import { SectionCard } from '../components/SectionCard.js'
import { useFormats } from '../state/FormatProvider.js'
import { useSession } from '../state/SessionProvider.js'
import { useBreakdown, useSummary } from '../state/use-queries.js'
import { MonthlyCostChart } from './overview/MonthlyCostChart.js'
import { ProblemsBanner } from './overview/ProblemsBanner.js'
import { ReconciliationChip } from './overview/ReconciliationChip.js'
import { TopGroupsCard } from './overview/TopGroupsCard.js'
import { UnknownModelsNotice } from './overview/UnknownModelsNotice.js'

const BEDROCK = 'Amazon Bedrock'

const NO_PRINCIPAL =
  'No line item here names an IAM principal. Create a CUR 2.0 export with “Include caller identity (IAM principal) allocation data” to see who made the calls (usage from April 2026 on).'
const NO_PRINCIPAL_COLUMN =
  'This format has no principal column, so costs cannot be split by who made the calls.'

function periodTotals(summary: SummaryResult, period: string | null) {
  if (period === null)
    return { unblended: summary.totals.unblended, amortized: summary.totals.amortized }
  const month = summary.byMonth.find((m) => m.period === period)
  return month ? { unblended: month.unblended, amortized: month.amortized } : undefined
}

export function OverviewScreen() {
  const { state, actions } = useSession()
  const formats = useFormats()
  const summary = useSummary()
  const [period, setPeriod] = useState<string | null>(null)
  const dataset = state.dataset
  if (!dataset) return null

  const periodFilter: Filter[] = period ? [{ dimension: 'month', values: [period] }] : []
  const bedrockFilters: Filter[] = [...periodFilter, { dimension: 'service', values: [BEDROCK] }]
  const query = (dimension: Dimension, filters: Filter[], topN: number): BreakdownQuery => ({
    dimensions: [dimension],
    metric: 'unblended',
    filters,
    topN,
  })
  const data = summary.data
  const totals = data ? periodTotals(data, period) : undefined
  const periods = data?.billingPeriods ?? dataset.info.billingPeriods
  const reconciliation = data?.reconciliation

  return (
    <>
      <PageHeader
        title="Overview"
        subtitle={`Your bill for ${period ? formats.period(period) : formatPeriodRange(periods, formats.locale)}, from the files you opened.`}
        actions={
          <PeriodSelect
            periods={periods}
            value={period}
            onChange={setPeriod}
            testId="overview-period"
            sx={{ minWidth: 180 }}
          />
        }
      />
      {dataset.info.problems.length > 0 && !state.problemsDismissed && (
        <ProblemsBanner problems={dataset.info.problems} onClose={actions.dismissProblems} />
      )}
      {summary.error && (
        <ErrorAlert error={summary.error} onRetry={summary.reload} sx={{ mb: 3 }} />
      )}
      <UnknownModelsNotice />
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'repeat(4, 1fr)' },
          mb: 2,
        }}
      >
        <KpiCard
          label="Bill total (unblended)"
          value={totals ? formats.money.format(totals.unblended) : undefined}
          valueTestId="overview-total"
          footer={reconciliation && <ReconciliationChip reconciliation={reconciliation} />}
        />
        <KpiCard
          label="Amortized cost"
          value={totals ? formats.money.format(totals.amortized) : undefined}
          footer={
            <Typography variant="caption" sx={{ color: 'text.secondary' }}>
              Savings Plans and Reserved Instances spread over the usage they cover
            </Typography>
          }
        />
        <BedrockKpi filters={bedrockFilters} billTotal={totals?.unblended} />
        <KpiCard
          label="Line items"
          value={data ? new Intl.NumberFormat(formats.locale).format(data.rows) : undefined}
          footer={
            <Typography variant="caption" sx={{ color: 'text.secondary' }}>
              {periods.length} billing {periods.length === 1 ? 'period' : 'periods'}
              {formats.currency && ` · ${formats.currency}`}
            </Typography>
          }
        />
      </Box>
      <Box
        sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '3fr 2fr' }, mb: 2 }}
      >
        <SectionCard
          title="Cost by month"
          subheader="Unblended and amortized"
          busy={summary.loading && Boolean(data)}
        >
          {data && <MonthlyCostChart byMonth={data.byMonth} />}
        </SectionCard>
        <TopGroupsCard
          title="Top services"
          subheader="Unblended cost"
          query={query('service', periodFilter, 6)}
          dimension="service"
          onSelect={(value) =>
            actions.exploreBy('service', [
              ...periodFilter,
              { dimension: 'service', values: [value] },
            ])
          }
          onMore={() => actions.exploreBy('service', periodFilter)}
        />
      </Box>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }}>
        <TopGroupsCard
          title="Top principals on Amazon Bedrock"
          subheader="Who signed the requests"
          query={dataset.info.hasPrincipal ? query('principal', bedrockFilters, 6) : null}
          dimension="principal"
          emptyText={
            dataset.info.hasPrincipal
              ? undefined
              : dataset.info.format.startsWith('cur2')
                ? NO_PRINCIPAL
                : NO_PRINCIPAL_COLUMN
          }
          nullOnlyText={NO_PRINCIPAL}
          onSelect={(value) =>
            actions.exploreBy('model', [
              ...bedrockFilters,
              { dimension: 'principal', values: [value] },
            ])
          }
          onMore={() => actions.exploreBy('principal', bedrockFilters)}
          testId="top-principals"
        />
        <TopGroupsCard
          title="Top models on Amazon Bedrock"
          subheader="Unblended cost by model"
          query={query('model', bedrockFilters, 6)}
          dimension="model"
          onSelect={(value) =>
            actions.exploreBy('principal', [
              ...bedrockFilters,
              { dimension: 'model', values: [value] },
            ])
          }
          onMore={() => actions.exploreBy('model', bedrockFilters)}
          testId="top-models"
        />
      </Box>
    </>
  )
}

function BedrockKpi({ filters, billTotal }: { filters: Filter[]; billTotal: string | undefined }) {
  const formats = useFormats()
  const { actions } = useSession()
  const result = useBreakdown({ dimensions: ['service'], metric: 'unblended', filters })
  const totals = result.data?.total
  const share = totals && billTotal ? displayShare(totals, billTotal) : null
  return (
    <KpiCard
      label="Amazon Bedrock"
      icon={<AutoAwesomeOutlined fontSize="small" />}
      value={totals ? formats.money.format(totals) : undefined}
      valueTestId="overview-bedrock"
      footer={
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 1 }}>
          <Box
            sx={{
              flex: 1,
              height: 6,
              borderRadius: 3,
              bgcolor: 'action.hover',
              overflow: 'hidden',
            }}
          >
            <Box
              sx={{ height: '100%', bgcolor: 'secondary.main' }}
              style={{ width: `${Math.min(100, Math.max(0, (share ?? 0) * 100))}%` }}
            />
          </Box>
          <Typography
            variant="caption"
            component="button"
            onClick={() => actions.exploreBy('model', filters)}
            sx={{
              color: 'text.secondary',
              border: 0,
              background: 'none',
              p: 0,
              cursor: 'pointer',
              '&:hover': { textDecoration: 'underline' },
            }}
          >
            {formatPercent(share, formats.locale)} of the bill
          </Typography>
        </Box>
      }
    />
  )
}
