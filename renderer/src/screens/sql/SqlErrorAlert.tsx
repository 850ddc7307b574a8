// A refused or failed query: the title, DuckDB's or the console's message kept as written (its
// LINE and caret lines line up in monospace), and what to do next.
import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import type { SxProps, Theme } from '@mui/material/styles'
import type { ErrorInfo } from '../../model/errors.js'
import { MONOSPACE_STACK } from '../../theme/theme.js'

export function SqlErrorAlert({ error, sx }: { error: ErrorInfo; sx?: SxProps<Theme> }) {
  return (
    <Alert severity="error" variant="outlined" role="alert" data-testid="sql-error" sx={sx}>
      <AlertTitle>{error.title}</AlertTitle>
      <Box
        component="pre"
        sx={{
          m: 0,
          fontFamily: MONOSPACE_STACK,
          fontSize: '0.8rem',
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-word',
        }}
      >
        {error.message}
      </Box>
      <Typography variant="body2" sx={{ mt: 1, color: 'text.secondary' }}>
        {error.hint}
      </Typography>
    </Alert>
  )
}
