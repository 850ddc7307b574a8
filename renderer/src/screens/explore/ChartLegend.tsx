// The legend under a stacked breakdown chart: one dot and label per series.
import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'

interface ChartLegendProps {
  series: readonly string[]
  colorOf(series: string): string
  labelOf(series: string): string
}

export function ChartLegend({ series, colorOf, labelOf }: ChartLegendProps) {
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, mt: 1.5 }} aria-label="Legend">
      {series.map((key) => (
        <Box key={key} sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
          <Box
            sx={{ width: 10, height: 10, borderRadius: '50%' }}
            style={{ background: colorOf(key) }}
          />
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            {labelOf(key)}
          </Typography>
        </Box>
      ))}
    </Box>
  )
}
