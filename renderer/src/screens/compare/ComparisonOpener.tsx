// Opens the second export to compare with the open one: a native folder or files dialog in the
// desktop app, a path field in web mode (as the Start screen does). Shows the export that is open
// for comparison, with a button to close it.
import CloseOutlined from '@mui/icons-material/CloseOutlined'
import FolderOpenOutlined from '@mui/icons-material/FolderOpenOutlined'
import InsertDriveFileOutlined from '@mui/icons-material/InsertDriveFileOutlined'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { OpenDataset } from '../../../../core/api.js'
import { formatNumber } from '../../../../core/format/number.js'
import { useDesktop } from '../../api/ApiProvider.js'
import { PathField } from '../../components/PathField.js'
import { exportName } from '../../model/export-name.js'
import { useFormats } from '../../state/FormatProvider.js'

interface ComparisonOpenerProps {
  comparison: OpenDataset | null
  opening: boolean
  onOpen(paths: string[]): void
  onClose(): void
}

export function ComparisonOpener({ comparison, opening, onOpen, onClose }: ComparisonOpenerProps) {
  const desktop = useDesktop()
  const { locale } = useFormats()
  if (opening) {
    return (
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }} role="status">
        <CircularProgress size={18} />
        <Typography variant="body2">Opening the export to compare…</Typography>
      </Stack>
    )
  }
  if (comparison) {
    return (
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="caption" component="p" sx={{ color: 'text.secondary' }}>
            Compared with
          </Typography>
          <Typography variant="subtitle2" data-testid="comparison-name">
            {exportName(comparison.paths)}
          </Typography>
          <Typography
            variant="caption"
            component="p"
            sx={{ color: 'text.secondary' }}
            noWrap
            title={comparison.paths.join('\n')}
          >
            {comparison.paths.join(', ')} · {formatNumber(comparison.info.rows, locale, 0)} line
            items
          </Typography>
        </Box>
        <Button size="small" startIcon={<CloseOutlined />} onClick={onClose}>
          Close
        </Button>
      </Box>
    )
  }
  const choose = (kind: 'files' | 'folder') =>
    void desktop?.chooseSources(kind).then((paths) => paths.length > 0 && onOpen(paths))
  return desktop ? (
    <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <Button
        variant="contained"
        startIcon={<FolderOpenOutlined />}
        onClick={() => choose('folder')}
        data-testid="compare-folder-button"
      >
        Open export folder to compare…
      </Button>
      <Button
        variant="outlined"
        startIcon={<InsertDriveFileOutlined />}
        onClick={() => choose('files')}
      >
        Open files…
      </Button>
    </Stack>
  ) : (
    <PathField
      label="Path to the other delivery (folder or file)"
      helperText="The full path on this computer, e.g. /home/you/cur/my-export-15th"
      buttonLabel="Compare"
      startIcon={<FolderOpenOutlined />}
      onSubmit={(path) => onOpen([path])}
      inputTestId="compare-path-input"
      buttonTestId="compare-path-button"
    />
  )
}
