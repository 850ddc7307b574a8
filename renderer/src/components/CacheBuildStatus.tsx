// While the open export's attributed rows are cached in the background: how far it has come. Every
// screen answers meanwhile, straight from the files; regroups get faster once it is done.
import Box from '@mui/material/Box'
import LinearProgress from '@mui/material/LinearProgress'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import { useSession } from '../state/SessionProvider.js'

export function CacheBuildStatus() {
  const { state } = useSession()
  if (state.caching === null) return null
  const percentage = Math.round(state.caching)
  return (
    <Tooltip title="Every screen answers meanwhile, from the files. Regroups get faster once the cache is built; About CUR Lens says where it is kept.">
      <Box sx={{ mt: 1.5 }} role="status" data-testid="cache-building">
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          Building the cache · {percentage}%
        </Typography>
        <LinearProgress
          variant="determinate"
          value={percentage}
          aria-label="Cache build progress"
          sx={{ height: 4, borderRadius: 2, mt: 0.5 }}
        />
      </Box>
    </Tooltip>
  )
}
