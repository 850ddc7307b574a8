// The window-filling frame of the screens shown before a report (start, loading): their content
// centred on the page background.
import Box from '@mui/material/Box'
import type { ReactNode } from 'react'

export function CenteredPage({ children }: { children: ReactNode }) {
  return (
    <Box
      component="main"
      sx={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        bgcolor: 'background.default',
        p: 3,
      }}
    >
      {children}
    </Box>
  )
}
