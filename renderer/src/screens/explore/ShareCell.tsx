// A group's share of the total: a small bar beside the percentage. Credits make shares negative,
// so the bar shows the absolute share, capped at the full width.
import Box from '@mui/material/Box'
import { formatPercent } from '../../../../core/format/number.js'

export function ShareCell({ share, locale }: { share: number | null; locale: string }) {
  return (
    <Box
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 1,
        height: '100%',
        justifyContent: 'flex-end',
      }}
    >
      <Box
        sx={{ width: 44, height: 4, borderRadius: 2, bgcolor: 'action.hover', overflow: 'hidden' }}
      >
        <Box
          sx={{ height: '100%', bgcolor: 'primary.main' }}
          style={{ width: `${Math.min(100, Math.abs(share ?? 0) * 100)}%` }}
        />
      </Box>
      <span>{formatPercent(share, locale)}</span>
    </Box>
  )
}
