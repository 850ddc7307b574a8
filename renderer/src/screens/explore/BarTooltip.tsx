// What hovering a bar shows: its group, the stacked series it belongs to, and the amount.
import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import { ChartTooltip } from '../../components/ChartTooltip.js'

interface BarTooltipProps {
  color: string
  group: string
  series: string
  amount: string
}

export function BarTooltip({ color, group, series, amount }: BarTooltipProps) {
  return (
    <ChartTooltip>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
        <Box
          sx={{ width: 10, height: 10, borderRadius: 0.5, flexShrink: 0 }}
          style={{ background: color }}
        />
        <Typography variant="body2" sx={{ fontWeight: 600, wordBreak: 'break-all' }}>
          {group}
        </Typography>
      </Box>
      {series && (
        <Typography variant="caption" component="p" sx={{ color: 'text.secondary' }}>
          {series}
        </Typography>
      )}
      <Typography variant="body2">{amount}</Typography>
    </ChartTooltip>
  )
}
