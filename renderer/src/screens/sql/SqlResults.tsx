// A page of a query's result: a virtualized grid (each column headed by its name and DuckDB type,
// numbers right-aligned as plain decimals, NULL shown as such), the pager with the range of rows,
// and a note when pages of an unordered query may differ between runs. Sorting stays in the SQL:
// sorting one page on screen would misstate the whole result.
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import TablePagination from '@mui/material/TablePagination'
import Typography from '@mui/material/Typography'
import { DataGrid, type GridColDef } from '@mui/x-data-grid'
import type { SqlResult } from '../../../../core/api.js'
import {
  fractionOf,
  gridColumns,
  gridRows,
  PAGE_SIZES,
  pagerCount,
  rowRange,
  rowTotal,
  type GridRow,
} from '../../model/sql-console.js'
import { useFormats } from '../../state/FormatProvider.js'
import { useStyleNonce } from '../../theme/StyleNonce.js'
import { MONOSPACE_STACK } from '../../theme/theme.js'

const ROW_HEIGHT = 36
const HEADER_HEIGHT = 52
const MAX_HEIGHT = 600

interface SqlResultsProps {
  result: SqlResult
  onPage(page: number): void
  onPageSize(pageSize: number): void
}

export function SqlResults({ result, onPage, onPageSize }: SqlResultsProps) {
  const { locale } = useFormats()
  const nonce = useStyleNonce()
  const rows = gridRows(result)
  const columns: GridColDef<GridRow>[] = gridColumns(result, rows).map((column) => ({
    field: column.field,
    headerName: column.name,
    description: `${column.name} · ${column.type}`,
    width: column.width,
    align: column.numeric ? 'right' : 'left',
    headerAlign: column.numeric ? 'right' : 'left',
    renderHeader: () => (
      <Box sx={{ lineHeight: 1.25, textAlign: column.numeric ? 'right' : 'left', minWidth: 0 }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }} noWrap>
          {column.name}
        </Typography>
        <Typography
          variant="caption"
          component="p"
          sx={{ color: 'text.secondary', fontFamily: MONOSPACE_STACK, fontSize: '0.68rem' }}
          noWrap
        >
          {column.type}
        </Typography>
      </Box>
    ),
    renderCell: ({ value }) => {
      if (value === null)
        return (
          <Box component="span" sx={{ color: 'text.disabled', fontStyle: 'italic' }}>
            NULL
          </Box>
        )
      const text = String(value)
      if (!column.numeric || column.fraction === 0) return <span title={text}>{text}</span>
      // Decimal points line up: the fraction takes the column's widest fraction in width.
      const point = text.length - fractionOf(text)
      return (
        <span title={text}>
          {text.slice(0, point)}
          <Box
            component="span"
            sx={{ display: 'inline-block', textAlign: 'left' }}
            style={{ minWidth: `${column.fraction}ch` }}
          >
            {text.slice(point)}
          </Box>
        </span>
      )
    },
  }))
  const height = Math.min(MAX_HEIGHT, Math.max(3, rows.length) * ROW_HEIGHT + HEADER_HEIGHT + 2)

  return (
    <Box data-testid="sql-results">
      {result.truncated && !result.ordered && (
        <Alert severity="info" variant="outlined" sx={{ mb: 1.5, py: 0 }}>
          This query has no ORDER BY: every page runs it again, and rows may come in another order.
          Add ORDER BY for pages that follow on exactly.
        </Alert>
      )}
      <Box style={{ height }}>
        <DataGrid
          nonce={nonce}
          rows={rows}
          columns={columns}
          rowHeight={ROW_HEIGHT}
          columnHeaderHeight={HEADER_HEIGHT}
          hideFooter
          disableColumnSorting
          disableColumnMenu
          disableRowSelectionOnClick
          label="Query result"
          slotProps={{ row: { 'data-testid': 'sql-row' } }}
          sx={{
            border: 0,
            fontVariantNumeric: 'tabular-nums',
            '& .MuiDataGrid-cell': { fontSize: '0.82rem' },
            '& .MuiDataGrid-columnHeaderTitleContainerContent': { minWidth: 0 },
          }}
        />
      </Box>
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          flexWrap: 'wrap',
          borderTop: 1,
          borderColor: 'divider',
          mt: 0.5,
        }}
      >
        <Typography variant="body2" sx={{ color: 'text.secondary' }} data-testid="sql-row-count">
          {rowTotal(result, locale)} · {result.columns.length}{' '}
          {result.columns.length === 1 ? 'column' : 'columns'}
        </Typography>
        <TablePagination
          component="div"
          count={pagerCount(result)}
          page={result.page}
          rowsPerPage={result.pageSize}
          rowsPerPageOptions={[...PAGE_SIZES]}
          onPageChange={(_event, page) => onPage(page)}
          onRowsPerPageChange={(event) => onPageSize(Number(event.target.value))}
          labelRowsPerPage="Rows per page"
          labelDisplayedRows={() => rowRange(result, locale)}
          data-testid="sql-pager"
        />
      </Box>
    </Box>
  )
}
