// While files load: the phase, the file being read, how far along, rows so far, and Cancel.
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Card from '@mui/material/Card'
import CardContent from '@mui/material/CardContent'
import LinearProgress from '@mui/material/LinearProgress'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { formatNumber } from '../../../core/format/number.js'
import { formatTimeLeft, PROGRESS_PHASES } from '../../../core/format/progress.js'
import { BrandMark } from '../components/BrandMark.js'
import { CenteredPage } from '../components/CenteredPage.js'
import { fileName } from '../model/errors.js'
import { exportName } from '../model/export-name.js'
import { useFormats } from '../state/FormatProvider.js'
import { useSession } from '../state/SessionProvider.js'

export function LoadingScreen() {
  const { state, actions } = useSession()
  const { locale } = useFormats()
  const job = state.job
  if (!job) return null
  const progress = job.progress
  const known = progress !== null && progress.percentage >= 0
  const percentage = known ? Math.min(100, Math.max(0, progress.percentage)) : 0

  return (
    <CenteredPage>
      <Card sx={{ width: '100%', maxWidth: 560 }}>
        <CardContent sx={{ p: 4 }}>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 3 }}>
            <BrandMark />
            <Box sx={{ minWidth: 0 }}>
              <Typography variant="h6" component="h1">
                Opening {exportName(job.paths)}
              </Typography>
              <Typography
                variant="body2"
                sx={{ color: 'text.secondary' }}
                noWrap
                title={job.paths.join('\n')}
              >
                {job.paths.join(', ')}
              </Typography>
            </Box>
          </Stack>
          <Box role="status" aria-live="polite" data-testid="loading-status">
            <Stack direction="row" sx={{ justifyContent: 'space-between', mb: 1 }}>
              <Typography variant="subtitle2">
                {job.cancelling
                  ? 'Cancelling…'
                  : progress
                    ? PROGRESS_PHASES[progress.phase]
                    : 'Starting…'}
              </Typography>
              {known && (
                <Typography variant="subtitle2" sx={{ color: 'text.secondary' }}>
                  {Math.round(percentage)}%
                  {job.timeLeftMs !== null && ` · ${formatTimeLeft(job.timeLeftMs)}`}
                </Typography>
              )}
            </Stack>
            <LinearProgress
              variant={known ? 'determinate' : 'indeterminate'}
              value={percentage}
              aria-label="Loading progress"
              sx={{ height: 8, borderRadius: 4 }}
            />
            <Stack direction="row" sx={{ justifyContent: 'space-between', mt: 1, gap: 2 }}>
              <Typography
                variant="body2"
                sx={{ color: 'text.secondary' }}
                noWrap
                title={progress?.file}
              >
                {progress?.file ? fileName(progress.file) : ' '}
              </Typography>
              {progress?.rowsProcessed !== undefined && (
                <Typography variant="body2" sx={{ color: 'text.secondary', flexShrink: 0 }}>
                  {formatNumber(progress.rowsProcessed, locale, 0)} rows
                </Typography>
              )}
            </Stack>
          </Box>
          <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 3 }}>
            <Button
              variant="outlined"
              color="inherit"
              onClick={actions.cancel}
              disabled={job.cancelling}
              data-testid="loading-cancel"
            >
              Cancel
            </Button>
          </Box>
        </CardContent>
      </Card>
    </CenteredPage>
  )
}
