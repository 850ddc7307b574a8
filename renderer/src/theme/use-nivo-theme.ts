// nivo charts styled from the active MUI scheme, so axes, grid lines and tooltips read well in
// light and dark mode.
import { useTheme } from '@mui/material/styles'
import type { BarDatum, BarSvgProps } from '@nivo/bar'
import { useMemo } from 'react'

export type NivoTheme = NonNullable<BarSvgProps<BarDatum>['theme']>

export function useNivoTheme(): NivoTheme {
  const theme = useTheme()
  const { text, divider, background } = theme.palette
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
      tooltip: {
        container: {
          background: background.paper,
          color: text.primary,
          fontSize: 12,
          borderRadius: 8,
          boxShadow: theme.shadows[4],
          border: `1px solid ${divider}`,
        },
      },
    }),
    [theme, text, divider, background],
  )
}
