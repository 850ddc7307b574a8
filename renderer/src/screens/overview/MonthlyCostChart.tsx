// Cost by month as grouped bars, unblended beside amortized, with compact money on the axis.
import Box from '@mui/material/Box'
import { useTheme } from '@mui/material/styles'
import { ResponsiveBar } from '@nivo/bar'
import type { SummaryResult } from '../../../../core/api.js'
import { toDisplayNumber } from '../../../../core/format/decimal.js'
import { ChartTooltip } from '../../components/ChartTooltip.js'
import { useFormats } from '../../state/FormatProvider.js'
import { useNivoTheme } from '../../theme/use-nivo-theme.js'

const KEYS = ['Unblended', 'Amortized']

export function MonthlyCostChart({ byMonth }: { byMonth: SummaryResult['byMonth'] }) {
  const formats = useFormats()
  const nivoTheme = useNivoTheme()
  const theme = useTheme()
  const exact = new Map(byMonth.map((m) => [m.period, m]))
  const data = [...byMonth]
    .sort((a, b) => a.period.localeCompare(b.period))
    .map((m) => ({
      period: m.period,
      Unblended: toDisplayNumber(m.unblended),
      Amortized: toDisplayNumber(m.amortized),
    }))
  const colors = [theme.palette.primary.main, theme.palette.secondary.main]

  return (
    <Box sx={{ height: 280 }} role="img" aria-label="Cost by month, unblended and amortized">
      <ResponsiveBar
        data={data}
        keys={KEYS}
        indexBy="period"
        groupMode="grouped"
        margin={{ top: 8, right: 8, bottom: 56, left: 72 }}
        padding={0.3}
        innerPadding={2}
        colors={({ id }) => colors[KEYS.indexOf(String(id))] ?? colors[0]}
        borderRadius={3}
        enableLabel={false}
        theme={nivoTheme}
        axisLeft={{
          format: (v: number) => formats.money.compact(v),
          tickSize: 0,
          tickPadding: 8,
          tickValues: 5,
        }}
        axisBottom={{ format: (v: string) => formats.period(v), tickSize: 0, tickPadding: 8 }}
        gridYValues={5}
        tooltip={({ id, indexValue, color }) => {
          const month = exact.get(String(indexValue))
          const amount = id === 'Unblended' ? month?.unblended : month?.amortized
          return (
            <ChartTooltip>
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                <Box
                  sx={{ width: 10, height: 10, borderRadius: 0.5 }}
                  style={{ background: color }}
                />
                <span>
                  {formats.period(String(indexValue))} · {id}:{' '}
                  <strong>{amount ? formats.money.format(amount) : ''}</strong>
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
        ariaLabel="Cost by month"
      />
    </Box>
  )
}
