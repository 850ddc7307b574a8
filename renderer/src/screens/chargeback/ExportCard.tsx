// Export the previewed chargeback for finance. In the desktop app: CSV files (one per recipient if
// asked) and optionally the Excel workbook, written to a folder picked in the native dialog. In
// web mode the browser downloads them instead: the workbook, or a zip of the CSV files.
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined'
import FolderOutlined from '@mui/icons-material/FolderOutlined'
import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Checkbox from '@mui/material/Checkbox'
import FormControlLabel from '@mui/material/FormControlLabel'
import Typography from '@mui/material/Typography'
import { useEffect, useRef, useState } from 'react'
import type { ChargebackRequest, ExportResult } from '../../../../core/api.js'
import { useApi, useDesktop } from '../../api/ApiProvider.js'
import { saveDownload } from '../../api/save-download.js'
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
  const [workbook, setWorkbook] = useState(true)
  const [downloaded, setDownloaded] = useState<string | null>(null)
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
      .exportChargeback({ ...request, outDir: folder.trim(), perRecipient, xlsx: workbook })
      .then(setDone, (e: unknown) => setError(describeError(e)))
      .finally(() => setBusy(false))
  }

  const download = (as: 'xlsx' | 'zip') => {
    if (!request) return
    setBusy(true)
    setError(null)
    setDownloaded(null)
    api
      .downloadChargeback({ ...request, as, perRecipient })
      .then(
        (file) => {
          saveDownload(file)
          setDownloaded(file.name)
        },
        (e: unknown) => setError(describeError(e)),
      )
      .finally(() => setBusy(false))
  }

  if (!desktop) {
    return (
      <SectionCard
        title="Export for finance"
        subheader="An Excel workbook, or the CSV files in a zip, downloaded by your browser"
        busy={busy}
      >
        <Box sx={{ display: 'grid', gap: 2 }}>
          <FormControlLabel
            control={
              <Checkbox
                checked={perRecipient}
                onChange={(e) => setPerRecipient(e.target.checked)}
              />
            }
            label="Put one statement file per recipient in the zip"
          />
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
            <Button
              ref={anchor}
              variant="contained"
              startIcon={<FileDownloadOutlined />}
              disabled={busy || !request}
              onClick={() => download('xlsx')}
              data-testid="download-xlsx-button"
            >
              Download workbook (.xlsx)
            </Button>
            <Button
              variant="outlined"
              startIcon={<FileDownloadOutlined />}
              disabled={busy || !request}
              onClick={() => download('zip')}
              data-testid="download-zip-button"
            >
              Download CSV files (.zip)
            </Button>
            {blockedReason && (
              <Typography variant="body2" sx={{ color: 'text.secondary' }}>
                {blockedReason}
              </Typography>
            )}
          </Box>
          {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
          {downloaded && (
            <Alert
              severity="success"
              variant="outlined"
              onClose={() => setDownloaded(null)}
              data-testid="download-result"
            >
              Downloaded {downloaded}: your browser saved it, usually in Downloads.
            </Alert>
          )}
        </Box>
      </SectionCard>
    )
  }

  return (
    <SectionCard
      title="Export for finance"
      subheader="CSV files and a workbook that open cleanly in Excel (numbers as numbers)"
      busy={busy}
    >
      <Box sx={{ display: 'grid', gap: 2 }}>
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
        <FormControlLabel
          control={
            <Checkbox checked={perRecipient} onChange={(e) => setPerRecipient(e.target.checked)} />
          }
          label="Also write one statement file per recipient"
        />
        <FormControlLabel
          control={<Checkbox checked={workbook} onChange={(e) => setWorkbook(e.target.checked)} />}
          label="Also write the Excel workbook (chargeback.xlsx)"
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
            {busy ? 'Exporting…' : workbook ? 'Export CSV and workbook' : 'Export CSV'}
          </Button>
          {(blockedReason || !folder.trim()) && (
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {blockedReason ?? 'Choose a folder first.'}
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
