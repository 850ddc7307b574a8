// Export CSV: the whole result of the query on screen (up to the console's row limit) as the
// engine writes it, Excel-safe like the chargeback CSVs, handed to the browser as a download.
// In the desktop app a native save dialog would be the shell's business; this download is what
// both shells share for now.
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import { useState } from 'react'
import type { SqlCsvResult } from '../../../../core/api.js'
import { SQL_LIMITS } from '../../../../core/api-values.js'
import { formatNumber } from '../../../../core/format/number.js'
import { useApi } from '../../api/ApiProvider.js'
import { saveBlob } from '../../api/save-download.js'
import type { ErrorInfo } from '../../model/errors.js'
import { csvFileName, describeSqlError } from '../../model/sql-console.js'
import { useFormats } from '../../state/FormatProvider.js'

interface ExportCsvButtonProps {
  sql: string
  onDone(note: { text: string } | { error: ErrorInfo }): void
}

export function ExportCsvButton({ sql, onDone }: ExportCsvButtonProps) {
  const api = useApi()
  const { locale } = useFormats()
  const [busy, setBusy] = useState(false)

  const exportCsv = () => {
    setBusy(true)
    api
      .sqlCsv({ sql })
      .then(
        (result) => {
          const name = csvFileName(new Date())
          saveBlob(new Blob([result.csv], { type: 'text/csv;charset=utf-8' }), name)
          onDone({ text: exportNote(result, name, locale) })
        },
        (e: unknown) => onDone({ error: describeSqlError(e) }),
      )
      .finally(() => setBusy(false))
  }

  return (
    <Button
      variant="outlined"
      size="small"
      startIcon={busy ? <CircularProgress size={16} /> : <FileDownloadOutlined />}
      onClick={exportCsv}
      disabled={busy}
      data-testid="sql-export-button"
    >
      Export CSV
    </Button>
  )
}

function exportNote(result: SqlCsvResult, name: string, locale: string): string {
  const rows = `${formatNumber(result.rows, locale, 0)} ${result.rows === 1 ? 'row' : 'rows'}`
  return result.truncated
    ? `Saved ${name}: the first ${rows} of a longer result (one export holds at most ${formatNumber(SQL_LIMITS.maxRows, locale, 0)}).`
    : `Saved ${name}: ${rows}.`
}
