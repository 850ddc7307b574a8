// An error as a person can act on it: what happened, the engine's message, the file, what next.
import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Button from '@mui/material/Button'
import Typography from '@mui/material/Typography'
import type { SxProps, Theme } from '@mui/material/styles'
import type { ErrorInfo } from '../model/errors.js'

interface ErrorAlertProps {
  error: ErrorInfo
  onRetry?: () => void
  onClose?: () => void
  sx?: SxProps<Theme>
}

export function ErrorAlert({ error, onRetry, onClose, sx }: ErrorAlertProps) {
  return (
    <Alert
      severity="error"
      variant="outlined"
      data-testid="error-message"
      role="alert"
      onClose={onClose}
      sx={sx}
      action={
        onRetry && (
          <Button color="inherit" size="small" onClick={onRetry}>
            Try again
          </Button>
        )
      }
    >
      <AlertTitle>{error.title}</AlertTitle>
      <Typography variant="body2" sx={{ wordBreak: 'break-word' }}>
        {error.message}
      </Typography>
      {error.file && (
        <Typography variant="body2" sx={{ mt: 0.5, wordBreak: 'break-all' }}>
          File: <code>{error.file}</code>
        </Typography>
      )}
      <Typography variant="body2" sx={{ mt: 0.5, color: 'text.secondary' }}>
        {error.hint}
      </Typography>
    </Alert>
  )
}
