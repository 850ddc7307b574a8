// While usage logs load: the phase (reading each file, then splitting the cost by user), the file,
// how far along, and Cancel. Loading millions of records takes minutes.
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import LinearProgress from '@mui/material/LinearProgress'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { ProgressEvent } from '../../../../core/api.js'
import { PROGRESS_PHASES } from '../../../../core/format/progress.js'
import { fileName } from '../../model/errors.js'

export function LoadProgress(props: {
  progress: ProgressEvent | null
  cancelling: boolean
  onCancel: () => void
}) {
  const { progress, cancelling } = props
  const known = progress !== null && progress.percentage >= 0
  const phase = progress ? PROGRESS_PHASES[progress.phase] : 'Starting…'
  return (
    <Box role="status" aria-live="polite" data-testid="logs-progress">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <Stack direction="row" sx={{ justifyContent: 'space-between', mb: 0.5, gap: 2 }}>
            <Typography variant="subtitle2" noWrap title={progress?.file}>
              {cancelling ? 'Cancelling…' : phase}
              {progress?.file && ` · ${fileName(progress.file)}`}
            </Typography>
            {known && (
              <Typography variant="subtitle2" sx={{ color: 'text.secondary' }}>
                {Math.round(progress.percentage)}%
              </Typography>
            )}
          </Stack>
          <LinearProgress
            variant={known ? 'determinate' : 'indeterminate'}
            value={known ? progress.percentage : 0}
            aria-label="Usage log loading progress"
            sx={{ height: 6, borderRadius: 3 }}
          />
        </Box>
        <Button
          variant="outlined"
          color="inherit"
          size="small"
          onClick={props.onCancel}
          disabled={cancelling}
          data-testid="logs-cancel"
        >
          Cancel
        </Button>
      </Stack>
    </Box>
  )
}
