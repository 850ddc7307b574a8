// The breakdown as bars: top N groups of the first dimension plus "(other)", stacked by the second
// dimension or by month. Clicking a bar (or a stacked segment), or Enter on it after Tab, filters
// the view to it.
import Box from '@mui/material/Box'
import { ResponsiveBar } from '@nivo/bar'
import type { BreakdownResult, GroupValue, Metric } from '../../../../core/api.js'
import { buildChartModel, OTHER_SERIES } from '../../model/chart-data.js'
import type { ChartStack } from '../../model/explore-state.js'
import type { PrincipalLabelLookup } from '../../model/principal-labels.js'
import { decodeGroupId, groupId } from '../../model/group-id.js'
import { KeyboardBarItem } from '../../components/KeyboardBarItem.js'
import { useFormats } from '../../state/FormatProvider.js'
import { useNivoTheme } from '../../theme/use-nivo-theme.js'
import { BarTooltip } from './BarTooltip.js'
import { ChartLegend } from './ChartLegend.js'
import { clip, useChartLabels } from './use-chart-labels.js'

interface BreakdownChartProps {
  result: BreakdownResult
  stack: ChartStack
  metric: Metric
  labels: PrincipalLabelLookup
  onSelect(dimensionIndex: number, value: GroupValue): void
}

export function BreakdownChart({ result, stack, metric, labels, onSelect }: BreakdownChartProps) {
  const formats = useFormats()
  const nivoTheme = useNivoTheme()
  const format = formats.metric(metric)
  const model = buildChartModel(result, stack)
  const { barLabel, tickLabel, seriesLabel, colorOf } = useChartLabels(
    result.dimensions,
    stack,
    model,
    labels,
  )
  const first = result.dimensions[0]
  const vertical = first === 'month' || first === 'week' || first === 'day'
  const data = vertical ? model.data : [...model.data].reverse()

  // Unstacked bars show their exact amount on hover; stacked segments only the charted value.
  const exact = new Map<string, string>()
  if (stack === 'none')
    for (const row of result.rows)
      if (row.under === undefined)
        exact.set(groupId(row.keys[0] ?? null, Boolean(row.other)), row.value)
  // The "(other)" bar then also holds the groups under the minimum amount (chart-data.ts).
  if (result.rows.some((row) => row.under !== undefined)) exact.delete(groupId(null, true))

  const bars = data.length
  // Days can run to hundreds of bars: label every n-th so the axis stays legible.
  const step = Math.max(1, Math.ceil(bars / 12))
  const timeTicks = data.filter((_, i) => i % step === 0).map((d) => String(d.group))
  const height = vertical ? 320 : Math.max(200, bars * 34 + 48)
  const amountAxis = {
    format: (v: number) => format.compact(v),
    tickSize: 0,
    tickPadding: 8,
    tickValues: 5,
  }

  return (
    <Box>
      <Box sx={{ height }} data-testid="breakdown-chart">
        <ResponsiveBar
          data={data}
          keys={model.keys}
          indexBy="group"
          layout={vertical ? 'vertical' : 'horizontal'}
          groupMode="stacked"
          margin={
            vertical
              ? { top: 8, right: 16, bottom: 48, left: 72 }
              : { top: 4, right: 24, bottom: 36, left: 200 }
          }
          padding={0.28}
          colors={({ id, indexValue }) => colorOf(String(id), String(indexValue))}
          borderRadius={2}
          enableLabel={false}
          theme={nivoTheme}
          valueScale={{ type: 'linear', nice: true }}
          axisLeft={
            vertical
              ? amountAxis
              : { format: (v: string) => clip(barLabel(v)), tickSize: 0, tickPadding: 10 }
          }
          axisBottom={
            vertical
              ? {
                  format: (v: string) => tickLabel(v),
                  tickSize: 0,
                  tickPadding: 8,
                  tickValues: timeTicks,
                }
              : amountAxis
          }
          gridXValues={vertical ? undefined : 5}
          gridYValues={vertical ? 5 : undefined}
          enableGridX={!vertical}
          enableGridY={vertical}
          onClick={(datum) => {
            const bar = decodeGroupId(String(datum.indexValue))
            if (stack === 'dimension' && String(datum.id) !== OTHER_SERIES) {
              const segment = decodeGroupId(String(datum.id))
              if (segment.kind === 'value') onSelect(1, segment.value)
            }
            if (bar.kind === 'value') onSelect(0, bar.value)
          }}
          tooltip={({ id, indexValue, value, color }) => {
            const precise = stack === 'none' ? exact.get(String(indexValue)) : undefined
            return (
              <BarTooltip
                color={color}
                group={barLabel(String(indexValue))}
                series={seriesLabel(String(id))}
                amount={precise ? format.format(precise) : format.compact(value)}
              />
            )
          }}
          animate={false}
          role="application"
          ariaLabel="Breakdown chart: Tab to a bar, Enter to filter to it"
          isFocusable
          barComponent={KeyboardBarItem}
          barAriaLabel={(d) =>
            `${barLabel(String(d.indexValue))} ${seriesLabel(String(d.id))}: ${format.compact(d.value ?? 0)}`
          }
        />
      </Box>
      {model.keys.length > 1 && (
        <ChartLegend
          series={model.keys}
          colorOf={(key) => colorOf(key)}
          labelOf={(key) => clip(seriesLabel(key))}
        />
      )}
    </Box>
  )
}
