// nivo charts styled from the active MUI scheme, so axes and grid lines read well in light and dark
// mode (tooltips are our own components: ChartTooltip).
import { useTheme } from '@mui/material/styles'
import type { BarDatum, BarSvgProps } from '@nivo/bar'
import { useMemo } from 'react'

export type NivoTheme = NonNullable<BarSvgProps<BarDatum>['theme']>

export function useNivoTheme(): NivoTheme {
  const theme = useTheme()
  const { text, divider } = theme.palette
  return useMemo<NivoTheme>(
    () => ({
      background: 'transparent',
      text: { fontFamily: theme.typography.fontFamily, fontSize: 12, fill: text.secondary },
      axis: {
        domain: { line: { stroke: divider, strokeWidth: 1 } },
        ticks: {
          line: { stroke: divider, strokeWidth: 1 },
          text: { fill: text.secondary, fontSize: 11 },
        },
        legend: { text: { fill: text.secondary, fontSize: 12, fontWeight: 600 } },
      },
      grid: { line: { stroke: divider, strokeWidth: 1 } },
      legends: { text: { fill: text.secondary, fontSize: 11 } },
      labels: { text: { fontSize: 11, fontWeight: 600 } },
    }),
    [theme, text, divider],
  )
}
