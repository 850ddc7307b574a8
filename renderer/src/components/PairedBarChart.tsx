// Two money figures side by side per period (a month or a day), as grouped bars with compact money
// on the axis and the exact amounts in the tooltip: the Overview's unblended beside amortized cost,
// the usage logs' billed beside estimated cost.
import Box from '@mui/material/Box'
import { useTheme } from '@mui/material/styles'
import { ResponsiveBar } from '@nivo/bar'
import type { Money } from '../../../core/api.js'
import { toDisplayNumber } from '../../../core/format/decimal.js'
import { useFormats } from '../state/FormatProvider.js'
import { useNivoTheme } from '../theme/use-nivo-theme.js'
import { ChartTooltip } from './ChartTooltip.js'

/** The most date ticks the axis carries: a quarter of daily bars cannot each carry a date. */
const MAX_TICKS = 8

export interface PairedBar {
  /** YYYY-MM or YYYY-MM-DD. */
  period: string
  /** The two figures, in the order of `keys`; null where there is none. */
  amounts: [Money | null, Money | null]
}

interface PairedBarChartProps {
  bars: readonly PairedBar[]
  keys: [string, string]
  label: string
  /** The tooltip's text for a missing figure. */
  missing?: string
}

export function PairedBarChart({ bars, keys, label, missing = '' }: PairedBarChartProps) {
  const formats = useFormats()
  const nivoTheme = useNivoTheme()
  const theme = useTheme()
  const sorted = [...bars].sort((a, b) => a.period.localeCompare(b.period))
  const exact = new Map(sorted.map((bar) => [bar.period, bar.amounts]))
  const data = sorted.map((bar) => ({
    period: bar.period,
    [keys[0]]: bar.amounts[0] === null ? 0 : toDisplayNumber(bar.amounts[0]),
    [keys[1]]: bar.amounts[1] === null ? 0 : toDisplayNumber(bar.amounts[1]),
  }))
  const colors = [theme.palette.primary.main, theme.palette.secondary.main]
  const every = Math.ceil(data.length / MAX_TICKS)

  return (
    <Box sx={{ height: 280 }} role="img" aria-label={label}>
      <ResponsiveBar
        data={data}
        keys={keys}
        indexBy="period"
        groupMode="grouped"
        margin={{ top: 8, right: 8, bottom: 56, left: 72 }}
        padding={0.3}
        innerPadding={2}
        colors={({ id }) => colors[keys.indexOf(String(id))] ?? colors[0]}
        borderRadius={3}
        enableLabel={false}
        theme={nivoTheme}
        axisLeft={{
          format: (v: number) => formats.money.compact(v),
          tickSize: 0,
          tickPadding: 8,
          tickValues: 5,
        }}
        axisBottom={{
          format: (v: string) => formats.period(v),
          tickSize: 0,
          tickPadding: 8,
          tickValues: data.filter((_, i) => i % every === 0).map((d) => d.period),
        }}
        gridYValues={5}
        tooltip={({ id, indexValue, color }) => {
          const amount = exact.get(String(indexValue))?.[keys.indexOf(String(id))]
          return (
            <ChartTooltip>
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                <Box
                  sx={{ width: 10, height: 10, borderRadius: 0.5 }}
                  style={{ background: color }}
                />
                <span>
                  {formats.period(String(indexValue))} · {id}:{' '}
                  <strong>{amount ? formats.money.format(amount) : missing}</strong>
                </span>
              </Box>
            </ChartTooltip>
          )
        }}
        legends={[
          {
            dataFrom: 'keys',
            anchor: 'bottom',
            direction: 'row',
            translateY: 52,
            itemWidth: 100,
            itemHeight: 16,
            symbolSize: 10,
            symbolShape: 'circle',
          },
        ]}
        animate={false}
        role="application"
        ariaLabel={label}
      />
    </Box>
  )
}
