// The frame of every chart tooltip. nivo styles only its own tooltips from the chart theme; ours
// render bare, so this gives them the paper, border and shadow, and a width that fits the text
// (nivo's absolutely positioned wrapper would otherwise wrap every word).
import Box from '@mui/material/Box'
import type { ReactNode } from 'react'

export function ChartTooltip({ children }: { children: ReactNode }) {
  return (
    <Box
      role="tooltip"
      sx={{
        p: 1,
        width: 'max-content',
        maxWidth: 360,
        bgcolor: 'background.paper',
        color: 'text.primary',
        fontSize: 12,
        border: 1,
        borderColor: 'divider',
        borderRadius: 2,
        boxShadow: 4,
      }}
    >
      {children}
    </Box>
  )
}
