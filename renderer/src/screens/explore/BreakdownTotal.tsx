// The line under the breakdown table: how many groups it has, and their total.
import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'

export function BreakdownTotal({ groups, total }: { groups: number; total: string }) {
  return (
    <Box
      sx={{
        display: 'flex',
        justifyContent: 'space-between',
        alignItems: 'center',
        borderTop: 1,
        borderColor: 'divider',
        px: 1.25,
        py: 1.25,
      }}
      data-testid="breakdown-total"
    >
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {groups} {groups === 1 ? 'group' : 'groups'} · click a row to see its line items
      </Typography>
      <Typography variant="body2" sx={{ fontWeight: 700 }}>
        Total {total}
      </Typography>
    </Box>
  )
}
