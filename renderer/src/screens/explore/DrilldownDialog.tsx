// The line items behind one breakdown row, a page at a time from the engine (never the whole
// table), or for a user's share the usage-log records behind it. Cost columns are shown as money;
// everything else as the file has it.
import Close from '@mui/icons-material/Close'
import FilterAltOutlined from '@mui/icons-material/FilterAltOutlined'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import Dialog from '@mui/material/Dialog'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import IconButton from '@mui/material/IconButton'
import Typography from '@mui/material/Typography'
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid'
import { useState } from 'react'
import type { Filter, LineItemsResult, TagKeyInfo } from '../../../../core/api.js'
import { isDecimal } from '../../../../core/format/decimal.js'
import { formatNumber } from '../../../../core/format/number.js'
import { useApi } from '../../api/ApiProvider.js'
import { useRequest } from '../../api/use-request.js'
import { ErrorAlert } from '../../components/ErrorAlert.js'
import { dimensionLabel } from '../../model/dimensions.js'
import { columnTitle, columnWidth, isMoneyColumn } from '../../model/line-item-columns.js'
import { useStyleNonce } from '../../theme/StyleNonce.js'
import { useFormats } from '../../state/FormatProvider.js'
import { useSession } from '../../state/SessionProvider.js'

interface DrilldownDialogProps {
  title: string
  /** The row's figure as shown in the table, repeated in the heading. */
  amount?: string
  filters: Filter[] | null
  tagKeys: readonly TagKeyInfo[]
  onClose(): void
  /** Narrows the Explore view to this group. */
  onApplyFilters?: () => void
}

type LineItemRow = LineItemsResult['rows'][number] & { __id: number }

export function DrilldownDialog({
  title,
  amount,
  filters,
  tagKeys,
  onClose,
  onApplyFilters,
}: DrilldownDialogProps) {
  const api = useApi()
  const { state } = useSession()
  const formats = useFormats()
  const nonce = useStyleNonce()
  const [page, setPage] = useState<GridPaginationModel>({ page: 0, pageSize: 50 })
  const key = filters ? `${state.generation}:${JSON.stringify({ filters, page })}` : null
  const items = useRequest(key, () =>
    api.lineItems({ filters: filters ?? [], page: page.page, pageSize: page.pageSize }),
  )
  const data = items.data
  // Filtered by user or a log tag, the engine answers with the usage-log records behind the share.
  const logRecords = data?.columns.includes('request_id') ?? false

  const columns: GridColDef<LineItemRow>[] = (data?.columns ?? []).map((name) => {
    const money = isMoneyColumn(name)
    return {
      field: name,
      headerName: columnTitle(name),
      description: name,
      width: columnWidth(name),
      align: money ? 'right' : 'left',
      headerAlign: money ? 'right' : 'left',
      sortable: false,
      valueFormatter: (value: unknown) => {
        if (value === null || value === undefined) return ''
        const text = String(value)
        return money && isDecimal(text) ? formats.money.format(text) : text
      },
    }
  })
  const rows: LineItemRow[] = (data?.rows ?? []).map((row, i) => ({
    ...row,
    __id: page.page * page.pageSize + i,
  }))

  return (
    <Dialog
      open={filters !== null}
      onClose={onClose}
      fullWidth
      maxWidth="xl"
      aria-labelledby="drilldown-title"
    >
      <DialogTitle
        id="drilldown-title"
        sx={{ display: 'flex', alignItems: 'center', gap: 1, pr: 7 }}
      >
        <Box sx={{ flex: 1, minWidth: 0 }}>
          {logRecords ? 'Usage log records' : 'Line items'} · {title}
          <Typography variant="body2" component="p" sx={{ color: 'text.secondary', mt: 0.25 }}>
            {data
              ? `${formatNumber(data.totalRows, formats.locale, 0)} ${logRecords ? 'calls' : data.totalRows === 1 ? 'line item' : 'line items'}`
              : 'Loading…'}
            {amount ? ` · ${amount}` : ''}
          </Typography>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75, mt: 1 }}>
            {(filters ?? []).map((f) => (
              <Chip
                key={`${f.dimension}|${f.exclude ? 'x' : ''}`}
                size="small"
                variant="outlined"
                label={`${dimensionLabel(f.dimension, tagKeys)}${f.exclude ? ' is not' : ':'} ${f.values
                  .slice(0, 3)
                  .map((v) => formats.group(f.dimension, v, { short: true }))
                  .join(', ')}${f.values.length > 3 ? ` +${f.values.length - 3}` : ''}`}
              />
            ))}
          </Box>
        </Box>
        {onApplyFilters && (
          <Button startIcon={<FilterAltOutlined />} onClick={onApplyFilters}>
            Filter the view to this
          </Button>
        )}
        <IconButton
          aria-label="Close"
          onClick={onClose}
          sx={{ position: 'absolute', right: 12, top: 12 }}
        >
          <Close />
        </IconButton>
      </DialogTitle>
      <DialogContent dividers sx={{ p: 0 }}>
        {items.error ? (
          <Box sx={{ p: 2 }}>
            <ErrorAlert error={items.error} onRetry={items.reload} />
          </Box>
        ) : (
          <Box sx={{ height: '70vh' }} data-testid="drilldown-table">
            <DataGrid
              nonce={nonce}
              rows={rows}
              columns={columns}
              getRowId={(row) => row.__id}
              loading={items.loading}
              paginationMode="server"
              rowCount={data?.totalRows ?? 0}
              paginationModel={page}
              onPaginationModelChange={setPage}
              pageSizeOptions={[25, 50, 100]}
              density="compact"
              disableRowSelectionOnClick
              disableColumnMenu
              label="Line items"
              sx={{ border: 0, borderRadius: 0 }}
            />
          </Box>
        )}
      </DialogContent>
    </Dialog>
  )
}
