// Compare: what changed between two deliveries of the export (AWS rewrites a month as late charges,
// credits and refunds arrive: the version of the 3rd against the one of the 15th), or between two
// months of the open export ("what changed from June to July, by team"). Totals per month, the
// change by any dimension largest first, and for two deliveries the line items added, removed and
// changed.
import CompareArrowsOutlined from '@mui/icons-material/CompareArrowsOutlined'
import Box from '@mui/material/Box'
import Skeleton from '@mui/material/Skeleton'
import TextField from '@mui/material/TextField'
import { useEffect, useMemo, useState } from 'react'
import type { OpenDataset } from '../../../core/api.js'
import { useApi } from '../api/ApiProvider.js'
import { useRequest } from '../api/use-request.js'
import { ChoiceGroup } from '../components/ChoiceGroup.js'
import { EmptyState } from '../components/EmptyState.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { PageHeader } from '../components/PageHeader.js'
import { PeriodSelect } from '../components/PeriodSelect.js'
import { SectionCard } from '../components/SectionCard.js'
import {
  initialChoices,
  toCompareLinesQuery,
  toCompareQuery,
  type CompareChoices,
} from '../model/compare-query.js'
import { compareOptionGroups } from '../model/dimension-options.js'
import { dimensionLabel } from '../model/dimensions.js'
import { describeError, type ErrorInfo } from '../model/errors.js'
import { useFormats } from '../state/FormatProvider.js'
import { useSession } from '../state/SessionProvider.js'
import { DimensionPicker } from './explore/DimensionPicker.js'
import { ChangeTable } from './compare/ChangeTable.js'
import { ComparisonOpener } from './compare/ComparisonOpener.js'
import { LineChanges } from './compare/LineChanges.js'

const LISTED_LINES = 500

export function CompareScreen() {
  const api = useApi()
  const { state, tagKeys } = useSession()
  const formats = useFormats()
  const periods = state.dataset?.info.billingPeriods ?? []
  const [choices, setChoices] = useState<CompareChoices>(() => initialChoices(periods))
  const [comparison, setComparison] = useState<OpenDataset | null>(null)
  const [opening, setOpening] = useState(false)
  const [openError, setOpenError] = useState<ErrorInfo | null>(null)
  const choose = (change: Partial<CompareChoices>) => setChoices((c) => ({ ...c, ...change }))

  // A comparison opened earlier in this session (opening another export closes it).
  useEffect(() => {
    let live = true
    void api.currentComparison().then((open) => live && setComparison(open))
    return () => {
      live = false
    }
  }, [api, state.generation])

  const open = (paths: string[]) => {
    setOpening(true)
    setOpenError(null)
    api
      .openComparison({ paths })
      .then((info) => setComparison({ info, paths }))
      .catch((error: unknown) => setOpenError(describeError(error)))
      .finally(() => setOpening(false))
  }
  const close = () => void api.closeComparison().then(() => setComparison(null))

  const ready = choices.mode === 'months' || comparison !== null
  const generation = `${state.generation}:${comparison?.paths.join('\n') ?? ''}`
  const query = ready ? toCompareQuery(choices) : null
  const result = useRequest(
    query ? `${generation}:${JSON.stringify(query)}` : null,
    (jobId) => api.compare({ ...query!, jobId }),
    (jobId) => void api.cancel(jobId).catch(() => {}),
  )
  const linesQuery = ready ? toCompareLinesQuery(choices, LISTED_LINES) : null
  const lines = useRequest(
    linesQuery ? `${generation}:${JSON.stringify(linesQuery)}` : null,
    (jobId) => api.compareLines({ ...linesQuery!, jobId }),
    (jobId) => void api.cancel(jobId).catch(() => {}),
  )
  const keys = tagKeys.data?.keys ?? []
  const groups = useMemo(() => compareOptionGroups(keys), [keys])
  const data = result.data
  const bothPeriods = [...new Set([...periods, ...(comparison?.info.billingPeriods ?? [])])].sort()

  return (
    <>
      <PageHeader
        title="Compare"
        subtitle="What changed between two deliveries of this export, or between two of its months."
      />
      <SectionCard title="What to compare" sx={{ mb: 2 }}>
        <Box sx={{ display: 'grid', gap: 2 }}>
          <ChoiceGroup
            id="compare-mode-label"
            label="Compare"
            value={choices.mode}
            choices={[
              { value: 'exports', label: 'Two deliveries' },
              { value: 'months', label: 'Two months' },
            ]}
            onChange={(mode) => choose({ mode })}
            testId="compare-mode"
          />
          {choices.mode === 'exports' && (
            <>
              {openError && <ErrorAlert error={openError} onClose={() => setOpenError(null)} />}
              <ComparisonOpener
                comparison={comparison}
                opening={opening}
                onOpen={open}
                onClose={close}
              />
            </>
          )}
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
            <DimensionPicker
              index={0}
              value={choices.dimension}
              groups={groups}
              onChange={(dimension) => dimension && choose({ dimension })}
            />
            {choices.mode === 'exports' ? (
              <>
                <TextField
                  select
                  size="small"
                  label="The other delivery is"
                  sx={{ minWidth: 200 }}
                  value={choices.otherIs}
                  onChange={(e) => choose({ otherIs: e.target.value as CompareChoices['otherIs'] })}
                  slotProps={{
                    select: { native: true },
                    inputLabel: { shrink: true },
                    htmlInput: { 'data-testid': 'compare-other-is' },
                  }}
                >
                  <option value="later">Later (new)</option>
                  <option value="earlier">Earlier (old)</option>
                </TextField>
                <PeriodSelect
                  periods={bothPeriods}
                  value={choices.period}
                  onChange={(period) => choose({ period })}
                  testId="compare-period"
                />
              </>
            ) : (
              <>
                <MonthSelect
                  label="From (old)"
                  periods={periods}
                  value={choices.oldMonth}
                  onChange={(oldMonth) => choose({ oldMonth })}
                  testId="compare-old-month"
                />
                <MonthSelect
                  label="To (new)"
                  periods={periods}
                  value={choices.newMonth}
                  onChange={(newMonth) => choose({ newMonth })}
                  testId="compare-new-month"
                />
              </>
            )}
          </Box>
        </Box>
      </SectionCard>
      {!ready && (
        <SectionCard title="No second export yet">
          <EmptyState
            icon={<CompareArrowsOutlined />}
            title="Open the other delivery of this export"
            body="AWS rewrites a month's files as late charges, credits and refunds arrive. Open the other version to see what changed, by service, account, principal, model or tag, down to the line item."
          />
        </SectionCard>
      )}
      {result.error && <ErrorAlert error={result.error} onRetry={result.reload} sx={{ mb: 2 }} />}
      {ready && (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '2fr 1fr' } }}>
          <SectionCard
            title={`Change by ${dimensionLabel(choices.dimension, keys).toLowerCase()}`}
            subheader="Unblended cost, largest change first"
            busy={result.loading && Boolean(data)}
            contentSx={{ p: 0, '&:last-child': { pb: 0 } }}
          >
            {!data ? (
              <Skeleton variant="rounded" height={240} sx={{ m: 2 }} />
            ) : (
              <ChangeTable
                heading={dimensionLabel(choices.dimension, keys)}
                rows={data.rows.map((row) => ({
                  key: JSON.stringify(row.keys),
                  label: formats.group(choices.dimension, row.keys[0] ?? null),
                  ...row,
                }))}
                total={data.total}
                testId="compare-groups"
              />
            )}
          </SectionCard>
          <SectionCard
            title="Totals per month"
            busy={result.loading && Boolean(data)}
            contentSx={{ p: 0, '&:last-child': { pb: 0 } }}
          >
            {!data ? (
              <Skeleton variant="rounded" height={160} sx={{ m: 2 }} />
            ) : (
              <ChangeTable
                heading="Month"
                rows={data.byMonth.map((m) => ({
                  key: m.month,
                  label: formats.period(m.month),
                  ...m,
                }))}
                testId="compare-months"
                labelNoWrap
              />
            )}
          </SectionCard>
        </Box>
      )}
      {linesQuery && (
        <SectionCard
          title="Line items added, removed and changed"
          busy={lines.loading && Boolean(lines.data)}
          sx={{ mt: 2 }}
        >
          {lines.error && <ErrorAlert error={lines.error} onRetry={lines.reload} />}
          {lines.data ? (
            <LineChanges result={lines.data} />
          ) : (
            !lines.error && <Skeleton variant="rounded" height={200} />
          )}
        </SectionCard>
      )}
    </>
  )
}

interface MonthSelectProps {
  label: string
  periods: string[]
  value: string | null
  onChange(month: string): void
  testId: string
}

function MonthSelect({ label, periods, value, onChange, testId }: MonthSelectProps) {
  const formats = useFormats()
  return (
    <TextField
      select
      size="small"
      label={label}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value)}
      slotProps={{
        select: { native: true },
        inputLabel: { shrink: true },
        htmlInput: { 'data-testid': testId },
      }}
    >
      {periods.map((p) => (
        <option key={p} value={p}>
          {formats.period(p)}
        </option>
      ))}
    </TextField>
  )
}
