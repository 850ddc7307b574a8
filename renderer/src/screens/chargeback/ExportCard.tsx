// Export the previewed chargeback as CSV files for Excel: pick a folder (native dialog in the
// desktop app, a typed path in web mode), one file per recipient or one combined, then export.
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined'
import FolderOutlined from '@mui/icons-material/FolderOutlined'
import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Checkbox from '@mui/material/Checkbox'
import FormControlLabel from '@mui/material/FormControlLabel'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useEffect, useRef, useState } from 'react'
import type { ChargebackRequest, ExportResult } from '../../../../core/api.js'
import { useApi, useDesktop } from '../../api/ApiProvider.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { SectionCard } from '../../components/SectionCard.js'
import { describeError, fileName, type ErrorInfo } from '../../model/errors.js'
import { useSession } from '../../state/SessionProvider.js'

interface ExportCardProps {
  request: ChargebackRequest | null
  blockedReason: string | null
}

export function ExportCard({ request, blockedReason }: ExportCardProps) {
  const api = useApi()
  const desktop = useDesktop()
  const { exportRequests } = useSession()
  const [folder, setFolder] = useState('')
  const [perRecipient, setPerRecipient] = useState(true)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<ExportResult | null>(null)
  const [error, setError] = useState<ErrorInfo | null>(null)
  const anchor = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (exportRequests > 0) anchor.current?.focus()
  }, [exportRequests])

  const chooseFolder = () => {
    desktop?.chooseExportFolder().then(
      (path) => path && setFolder(path),
      (e: unknown) => setError(describeError(e)),
    )
  }

  const runExport = () => {
    if (!request || !folder.trim()) return
    setBusy(true)
    setError(null)
    setDone(null)
    api
      .exportChargeback({ ...request, outDir: folder.trim(), perRecipient })
      .then(setDone, (e: unknown) => setError(describeError(e)))
      .finally(() => setBusy(false))
  }

  return (
    <SectionCard
      title="Export for finance"
      subheader="CSV files that open cleanly in Excel (UTF-8, numbers as numbers)"
      busy={busy}
    >
      <Box sx={{ display: 'grid', gap: 2 }}>
        {desktop ? (
          <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
            <Button
              variant="outlined"
              startIcon={<FolderOutlined />}
              onClick={chooseFolder}
              data-testid="export-folder-button"
            >
              Choose folder…
            </Button>
            <Typography
              variant="body2"
              sx={{ color: folder ? 'text.primary' : 'text.secondary', wordBreak: 'break-all' }}
            >
              {folder || 'No folder chosen yet'}
            </Typography>
          </Box>
        ) : (
          <TextField
            size="small"
            label="Export folder"
            placeholder="/home/you/chargeback"
            helperText="The full path of a folder on this computer; it is created if missing"
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'export-folder-input', spellCheck: false } }}
          />
        )}
        <FormControlLabel
          control={
            <Checkbox checked={perRecipient} onChange={(e) => setPerRecipient(e.target.checked)} />
          }
          label="Also write one statement file per recipient"
        />
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
          <Button
            ref={anchor}
            variant="contained"
            startIcon={<FileDownloadOutlined />}
            disabled={busy || !request || !folder.trim()}
            onClick={runExport}
            data-testid="export-button"
          >
            {busy ? 'Exporting…' : 'Export CSV'}
          </Button>
          {(blockedReason || !folder.trim()) && (
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {blockedReason ?? (desktop ? 'Choose a folder first.' : 'Enter a folder first.')}
            </Typography>
          )}
        </Box>
        {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
        {done && (
          <Alert
            severity="success"
            variant="outlined"
            onClose={() => setDone(null)}
            data-testid="export-result"
          >
            <AlertTitle>
              Exported {done.files.length} {done.files.length === 1 ? 'file' : 'files'}
            </AlertTitle>
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
              {done.files.map((file) => (
                <li key={file}>
                  <Typography variant="body2" title={file}>
                    {fileName(file)}
                  </Typography>
                </li>
              ))}
            </Box>
            {done.removed.length > 0 && (
              <Typography variant="body2" sx={{ mt: 1 }} data-testid="export-removed">
                Removed {done.removed.length} older{' '}
                {done.removed.length === 1 ? 'statement' : 'statements'} of recipients no longer in
                this chargeback: {done.removed.map(fileName).join(', ')}
              </Typography>
            )}
          </Alert>
        )}
      </Box>
    </SectionCard>
  )
}
