// What a card shows when there is nothing to draw: why, and what to do next.
import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import type { ReactNode } from 'react'

export function EmptyState(props: {
  icon?: ReactNode
  title: string
  body?: ReactNode
  action?: ReactNode
}) {
  return (
    <Box
      sx={{
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        textAlign: 'center',
        gap: 1,
        py: 5,
        px: 2,
        color: 'text.secondary',
      }}
    >
      {props.icon && (
        <Box sx={{ color: 'text.disabled', '& svg': { fontSize: 40 } }}>{props.icon}</Box>
      )}
      <Typography variant="subtitle1" sx={{ color: 'text.primary', fontWeight: 600 }}>
        {props.title}
      </Typography>
      {props.body && (
        <Typography variant="body2" sx={{ maxWidth: 440 }}>
          {props.body}
        </Typography>
      )}
      {props.action && <Box sx={{ mt: 1 }}>{props.action}</Box>}
    </Box>
  )
}
