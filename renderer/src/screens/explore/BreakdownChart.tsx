// The breakdown as bars: top N groups of the first dimension plus "(other)", stacked by the second
// dimension or by month. Clicking a bar (or a stacked segment), or Enter on it after Tab, filters
// the view to it.
import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import { useTheme } from '@mui/material/styles'
import { ResponsiveBar } from '@nivo/bar'
import type { BreakdownResult, Dimension, GroupValue, Metric } from '../../../../core/api.js'
import { formatDayShort } from '../../../../core/format/period.js'
import { buildChartModel, OTHER_SERIES, TOTAL_SERIES } from '../../model/chart-data.js'
import { clipMiddle } from '../../model/clip-label.js'
import { OTHER_LABEL } from '../../model/dimensions.js'
import type { ChartStack } from '../../model/explore-state.js'
import { decodeGroupId, groupId } from '../../model/group-id.js'
import { ChartTooltip } from '../../components/ChartTooltip.js'
import { KeyboardBarItem } from '../../components/KeyboardBarItem.js'
import { useFormats } from '../../state/FormatProvider.js'
import { OTHER_COLOR, SERIES_COLORS } from '../../theme/theme.js'
import { useNivoTheme } from '../../theme/use-nivo-theme.js'

interface BreakdownChartProps {
  result: BreakdownResult
  stack: ChartStack
  metric: Metric
  onSelect(dimensionIndex: number, value: GroupValue): void
}

const MAX_LABEL = 28

function clip(text: string): string {
  return clipMiddle(text, MAX_LABEL)
}

export function BreakdownChart({ result, stack, metric, onSelect }: BreakdownChartProps) {
  const formats = useFormats()
  const theme = useTheme()
  const nivoTheme = useNivoTheme()
  const format = formats.metric(metric)
  const [first, second] = result.dimensions as [Dimension, Dimension | undefined]
  const model = buildChartModel(result, stack)
  const vertical = first === 'month' || first === 'day'
  const data = vertical ? model.data : [...model.data].reverse()

  const exact = new Map<string, string>()
  if (stack === 'none')
    for (const row of result.rows)
      exact.set(groupId(row.keys[0] ?? null, Boolean(row.other)), row.value)

  const barLabel = (id: string) => {
    const decoded = decodeGroupId(id)
    return decoded.kind === 'other'
      ? OTHER_LABEL
      : formats.group(first, decoded.value, { short: true })
  }
  const tickLabel = (id: string) => {
    const decoded = decodeGroupId(id)
    if (first === 'day' && decoded.kind === 'value' && decoded.value !== null)
      return formatDayShort(decoded.value, formats.locale)
    return clip(barLabel(id))
  }
  const seriesLabel = (key: string) => {
    if (key === TOTAL_SERIES) return ''
    if (key === OTHER_SERIES) return OTHER_LABEL
    if (stack === 'month') return formats.period(key)
    const decoded = decodeGroupId(key)
    return second && decoded.kind === 'value'
      ? formats.group(second, decoded.value, { short: true })
      : key
  }
  const nullColor = theme.palette.mode === 'dark' ? '#5d6778' : '#c3cad6'
  const colorOf = (key: string, bar?: string) => {
    if (key === TOTAL_SERIES) {
      if (bar === groupId(null, true)) return OTHER_COLOR
      return bar === groupId(null) ? nullColor : theme.palette.primary.main
    }
    if (key === OTHER_SERIES) return OTHER_COLOR
    if (key === groupId(null)) return nullColor
    const colored = model.keys.filter((k) => k !== OTHER_SERIES && k !== groupId(null))
    return SERIES_COLORS[colored.indexOf(key) % SERIES_COLORS.length]
  }

  const bars = data.length
  // Days can run to hundreds of bars: label every n-th so the axis stays legible.
  const step = Math.max(1, Math.ceil(bars / 12))
  const timeTicks = data.filter((_, i) => i % step === 0).map((d) => String(d.group))
  const height = vertical ? 320 : Math.max(200, bars * 34 + 48)

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
              ? {
                  format: (v: number) => format.compact(v),
                  tickSize: 0,
                  tickPadding: 8,
                  tickValues: 5,
                }
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
              : {
                  format: (v: number) => format.compact(v),
                  tickSize: 0,
                  tickPadding: 8,
                  tickValues: 5,
                }
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
            const bar = String(indexValue)
            const precise = stack === 'none' ? exact.get(bar) : undefined
            return (
              <ChartTooltip>
                <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                  <Box
                    sx={{ width: 10, height: 10, borderRadius: 0.5, flexShrink: 0 }}
                    style={{ background: color }}
                  />
                  <Typography variant="body2" sx={{ fontWeight: 600, wordBreak: 'break-all' }}>
                    {barLabel(bar)}
                  </Typography>
                </Box>
                {seriesLabel(String(id)) && (
                  <Typography variant="caption" component="p" sx={{ color: 'text.secondary' }}>
                    {seriesLabel(String(id))}
                  </Typography>
                )}
                <Typography variant="body2">
                  {precise ? format.format(precise) : format.compact(value)}
                </Typography>
              </ChartTooltip>
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
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, mt: 1.5 }} aria-label="Legend">
          {model.keys.map((key) => (
            <Box key={key} sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
              <Box
                sx={{ width: 10, height: 10, borderRadius: '50%' }}
                style={{ background: colorOf(key) }}
              />
              <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                {clip(seriesLabel(key))}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
    </Box>
  )
}
