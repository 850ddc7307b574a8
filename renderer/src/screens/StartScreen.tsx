// Where a session begins: open files or a folder (native dialogs in the desktop app, a path field
// in web mode), drop them on the window, reopen a recent export, or try the demo data.
import ArrowBack from '@mui/icons-material/ArrowBack'
import FolderOpenOutlined from '@mui/icons-material/FolderOpenOutlined'
import HistoryOutlined from '@mui/icons-material/HistoryOutlined'
import InsertDriveFileOutlined from '@mui/icons-material/InsertDriveFileOutlined'
import LockOutlined from '@mui/icons-material/LockOutlined'
import PlayCircleOutline from '@mui/icons-material/PlayCircleOutlineOutlined'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Card from '@mui/material/Card'
import CardContent from '@mui/material/CardContent'
import Divider from '@mui/material/Divider'
import List from '@mui/material/List'
import ListItemButton from '@mui/material/ListItemButton'
import ListItemIcon from '@mui/material/ListItemIcon'
import ListItemText from '@mui/material/ListItemText'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useDesktop } from '../api/ApiProvider.js'
import { BrandMark } from '../components/BrandMark.js'
import { CenteredPage } from '../components/CenteredPage.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { PathField } from '../components/PathField.js'
import { exportName } from '../model/export-name.js'
import { useSession } from '../state/SessionProvider.js'

const POINTS = [
  ['Who spent it', 'Split Amazon Bedrock and every other service by IAM principal, tag and model.'],
  ['To the cent', 'Every view reconciles to the bill total of the files you opened.'],
  ['Ready for finance', 'Chargeback statements and CSVs that open cleanly in Excel.'],
]

export function StartScreen() {
  const desktop = useDesktop()
  const { state, recent, actions } = useSession()

  return (
    <CenteredPage>
      <Box sx={{ width: '100%', maxWidth: 980 }}>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', mb: 4 }}>
          <BrandMark size={36} />
          <Typography variant="h5" component="p">
            CUR Lens
          </Typography>
        </Stack>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1.25fr 1fr' }, gap: 4 }}>
          <Box>
            <Typography variant="h4" component="h1" sx={{ mb: 1.5 }}>
              Open your AWS Cost and Usage Report
            </Typography>
            <Typography sx={{ color: 'text.secondary', mb: 3 }}>
              Choose a CUR 2.0 export folder (the one containing <code>data/BILLING_PERIOD=…</code>
              ), or one or more of its Parquet or CSV files. Legacy CUR and FOCUS exports work too.
            </Typography>
            <Card>
              <CardContent sx={{ display: 'grid', gap: 2, p: 3 }}>
                {state.openError && (
                  <ErrorAlert error={state.openError} onClose={actions.clearError} />
                )}
                {desktop ? (
                  <>
                    <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
                      <Button
                        variant="contained"
                        size="large"
                        startIcon={<FolderOpenOutlined />}
                        onClick={() => actions.choose('folder')}
                        data-testid="open-folder-button"
                      >
                        Open export folder…
                      </Button>
                      <Button
                        variant="outlined"
                        size="large"
                        startIcon={<InsertDriveFileOutlined />}
                        onClick={() => actions.choose('files')}
                        data-testid="open-files-button"
                      >
                        Open files…
                      </Button>
                    </Stack>
                    <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                      Or drop files or a folder anywhere on this window.
                    </Typography>
                  </>
                ) : (
                  <PathField
                    label="Path to an export folder or file"
                    helperText="The full path on this computer, e.g. /home/you/cur/my-export"
                    buttonLabel="Open"
                    startIcon={<FolderOpenOutlined />}
                    onSubmit={(path) => actions.openPaths([path])}
                    initialValue={state.openError ? (state.lastAttempt[0] ?? '') : ''}
                    inputTestId="open-path-input"
                    buttonTestId="open-path-button"
                  />
                )}
                <Divider>or</Divider>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
                  <Button
                    variant="text"
                    startIcon={<PlayCircleOutline />}
                    onClick={actions.openDemo}
                    data-testid="open-demo-button"
                  >
                    Open demo data
                  </Button>
                  <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                    A generated export: three teams sharing Amazon Bedrock.
                  </Typography>
                </Box>
              </CardContent>
            </Card>
            {state.dataset && (
              <Button startIcon={<ArrowBack />} sx={{ mt: 2 }} onClick={actions.backToReport}>
                Back to {exportName(state.dataset.paths)}
              </Button>
            )}
          </Box>
          <Stack spacing={3}>
            {recent.length > 0 && (
              <Box>
                <Typography variant="overline" component="h2" sx={{ color: 'text.secondary' }}>
                  Recent
                </Typography>
                <List dense disablePadding>
                  {recent.map((paths) => (
                    <ListItemButton key={paths.join('\n')} onClick={() => actions.openPaths(paths)}>
                      <ListItemIcon sx={{ minWidth: 36 }}>
                        <HistoryOutlined />
                      </ListItemIcon>
                      <ListItemText
                        primary={exportName(paths)}
                        secondary={paths.join(', ')}
                        slotProps={{ secondary: { noWrap: true, title: paths.join('\n') } }}
                      />
                    </ListItemButton>
                  ))}
                </List>
              </Box>
            )}
            <Box>
              <Typography variant="overline" component="h2" sx={{ color: 'text.secondary' }}>
                What you get
              </Typography>
              <Stack spacing={2} sx={{ mt: 1 }}>
                {POINTS.map(([title, body]) => (
                  <Box key={title}>
                    <Typography variant="subtitle2">{title}</Typography>
                    <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                      {body}
                    </Typography>
                  </Box>
                ))}
              </Stack>
            </Box>
            <Stack
              direction="row"
              spacing={1}
              sx={{ alignItems: 'center', color: 'text.secondary' }}
            >
              <LockOutlined fontSize="small" />
              <Typography variant="body2">
                Your files are read on this computer only. Nothing is uploaded.
              </Typography>
            </Stack>
          </Stack>
        </Box>
      </Box>
    </CenteredPage>
  )
}
