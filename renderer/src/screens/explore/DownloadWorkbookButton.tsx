// Download .xlsx: the breakdown on screen as an Excel workbook (what `cur-lens report --format
// xlsx` writes), saved through the browser's download like the SQL console's CSV.
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Typography from '@mui/material/Typography'
import { useState } from 'react'
import type { BreakdownQuery } from '../../../../core/api.js'
import { useApi } from '../../api/ApiProvider.js'
import { saveDownload } from '../../api/save-download.js'
import { describeError } from '../../model/errors.js'

export function DownloadWorkbookButton({ query }: { query: BreakdownQuery }) {
  const api = useApi()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const download = () => {
    setBusy(true)
    setProblem(null)
    api
      .breakdownXlsx(query)
      .then(saveDownload, (e: unknown) => setProblem(describeError(e).message))
      .finally(() => setBusy(false))
  }

  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mr: 1 }}>
      {problem && (
        <Typography variant="body2" sx={{ color: 'error.main' }} role="alert">
          {problem}
        </Typography>
      )}
      <Button
        size="small"
        variant="outlined"
        startIcon={busy ? <CircularProgress size={16} /> : <FileDownloadOutlined />}
        onClick={download}
        disabled={busy}
        data-testid="breakdown-xlsx-button"
      >
        Download .xlsx
      </Button>
    </Box>
  )
}
