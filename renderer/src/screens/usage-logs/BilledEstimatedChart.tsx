// Billed Bedrock cost by day beside the usage logs' own estimate (where the logs have one), as
// grouped bars; a day whose logs carry no estimate shows the billed bar alone.
import Box from '@mui/material/Box'
import { useTheme } from '@mui/material/styles'
import { ResponsiveBar } from '@nivo/bar'
import type { ReconcileRow } from '../../../../core/api.js'
import { toDisplayNumber } from '../../../../core/format/decimal.js'
import { ChartTooltip } from '../../components/ChartTooltip.js'
import { useFormats } from '../../state/FormatProvider.js'
import { useNivoTheme } from '../../theme/use-nivo-theme.js'

const KEYS = ['Billed', 'Estimated']

export function BilledEstimatedChart({ byDay }: { byDay: readonly ReconcileRow[] }) {
  const formats = useFormats()
  const nivoTheme = useNivoTheme()
  const theme = useTheme()
  const exact = new Map(byDay.map((r) => [String(r.keys[0]), r]))
  const data = byDay.map((r) => ({
    day: String(r.keys[0]),
    Billed: toDisplayNumber(r.billedCost),
    Estimated: r.estimatedCost === null ? 0 : toDisplayNumber(r.estimatedCost),
  }))
  const colors = [theme.palette.primary.main, theme.palette.secondary.main]

  return (
    <Box sx={{ height: 280 }} role="img" aria-label="Billed and estimated cost by day">
      <ResponsiveBar
        data={data}
        keys={KEYS}
        indexBy="day"
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
        axisBottom={{
          format: (v: string) => formats.period(v),
          tickSize: 0,
          tickPadding: 8,
          // A tick every few days: a quarter of daily bars cannot each carry a date.
          tickValues: data.filter((_, i) => i % Math.ceil(data.length / 8) === 0).map((d) => d.day),
        }}
        gridYValues={5}
        tooltip={({ id, indexValue, color }) => {
          const row = exact.get(String(indexValue))
          const amount = id === 'Billed' ? row?.billedCost : row?.estimatedCost
          return (
            <ChartTooltip>
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                <Box
                  sx={{ width: 10, height: 10, borderRadius: 0.5 }}
                  style={{ background: color }}
                />
                <span>
                  {formats.period(String(indexValue))} · {id}:{' '}
                  <strong>
                    {amount ? formats.money.format(amount) : 'no estimate in the logs'}
                  </strong>
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
        ariaLabel="Billed and estimated cost by day"
      />
    </Box>
  )
}
