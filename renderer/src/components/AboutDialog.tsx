// About CUR Lens: versions from the desktop shell when there is one, the privacy promise, and what
// the cache keeps where.
import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import Stack from '@mui/material/Stack'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import { useEffect, useState } from 'react'
import type { DesktopApi } from '../../../core/api.js'
import { useDesktop } from '../api/ApiProvider.js'
import { useSession } from '../state/SessionProvider.js'
import { BrandMark } from './BrandMark.js'
import { CacheSettings } from './CacheSettings.js'

type AppInfo = Awaited<ReturnType<DesktopApi['appInfo']>>

export function AboutDialog() {
  const { aboutOpen, actions } = useSession()
  const desktop = useDesktop()
  const [info, setInfo] = useState<AppInfo | null>(null)

  useEffect(() => {
    if (!aboutOpen || !desktop) return
    let live = true
    desktop.appInfo().then(
      (value) => live && setInfo(value),
      () => live && setInfo(null),
    )
    return () => {
      live = false
    }
  }, [aboutOpen, desktop])

  const rows: [string, string][] = info
    ? [
        ['Version', info.version],
        ['Electron', info.electron],
        ['Chromium', info.chrome],
        ['Node.js', info.node],
        ['DuckDB', info.duckdb],
      ]
    : []

  return (
    <Dialog
      open={aboutOpen}
      onClose={() => actions.showAbout(false)}
      aria-labelledby="about-title"
      data-testid="about-dialog"
    >
      <DialogTitle id="about-title">
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
          <BrandMark />
          <span>About CUR Lens</span>
        </Stack>
      </DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }}>
          CUR Lens reads your AWS Cost and Usage Reports on this computer and splits the cost by IAM
          principal, tag and model. Your files never leave the machine: there is no telemetry and no
          network access.
        </Typography>
        {rows.length > 0 ? (
          <Table size="small" aria-label="Versions">
            <TableBody>
              {rows.map(([name, value]) => (
                <TableRow key={name}>
                  <TableCell
                    component="th"
                    scope="row"
                    sx={{ color: 'text.secondary', width: 140 }}
                  >
                    {name}
                  </TableCell>
                  <TableCell>{value}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {desktop ? (
              'Reading versions…'
            ) : (
              <>
                Running in your browser from <code>cur-lens serve</code>, on 127.0.0.1 only.
              </>
            )}
          </Typography>
        )}
        <CacheSettings />
      </DialogContent>
      <DialogActions>
        <Button onClick={() => actions.showAbout(false)} autoFocus>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  )
}
