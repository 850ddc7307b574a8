// The breakdown as a sortable, virtualized table with the total underneath. A row opens its line
// items; the filter button narrows the whole view to the row's group. Principals and roles show
// their readable labels beside the ARN, and when grouped by either, when each was last seen.
import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import {
  DataGrid,
  type GridColDef,
  type GridSortCellParams,
  type GridSortDirection,
} from '@mui/x-data-grid'
import type { BreakdownResult, Dimension, Metric, TagKeyInfo } from '../../../../core/api.js'
import { compareDecimal } from '../../../../core/format/decimal.js'
import { METRIC_LABELS } from '../../../../core/format/metric.js'
import { dimensionLabel, OTHER_LABEL, shortPrincipal } from '../../model/dimensions.js'
import {
  buildTableRows,
  isOtherRowId,
  otherLastComparator,
  type BreakdownTableRow,
} from '../../model/table-rows.js'
import { isLabelled, type PrincipalLabelLookup } from '../../model/principal-labels.js'
import { useStyleNonce } from '../../theme/StyleNonce.js'
import { useFormats } from '../../state/FormatProvider.js'
import { BreakdownTotal } from './BreakdownTotal.js'
import { GroupActions } from './GroupActions.js'
import { PrincipalCell } from './PrincipalCell.js'
import { ShareCell } from './ShareCell.js'

interface BreakdownTableProps {
  result: BreakdownResult
  metric: Metric
  tagKeys: readonly TagKeyInfo[]
  labels: PrincipalLabelLookup
  /** The query's minimum amount, which names the row summing the groups below it. */
  minAmount: string | null
  onOpenRow(row: BreakdownTableRow): void
  onFilterRow(row: BreakdownTableRow): void
}

const ROW_HEIGHT = 44
const HEADER_HEIGHT = 48

/** Sorting that keeps the "(other)" row last in either direction. */
function otherLastSort<V>(compare: (a: V, b: V) => number) {
  return (direction: GridSortDirection) => {
    if (!direction) return undefined
    const ordered = otherLastComparator(direction, compare)
    return (a: V, b: V, p1: GridSortCellParams<V>, p2: GridSortCellParams<V>) =>
      ordered(a, b, isOtherRowId(p1.id), isOtherRowId(p2.id))
  }
}
export function BreakdownTable({
  result,
  metric,
  tagKeys,
  labels,
  minAmount,
  onOpenRow,
  onFilterRow,
}: BreakdownTableProps) {
  const formats = useFormats()
  const nonce = useStyleNonce()
  const format = formats.metric(metric)
  const rows = buildTableRows(result)
  const label = (dimension: Dimension, row: BreakdownTableRow, i: number) => {
    if (row.under !== undefined) {
      const groups = row.under === 1 ? '1 group' : `${row.under} groups`
      return i === 0 ? `(${groups} under ${format.format(minAmount ?? '0')})` : ''
    }
    return i === 0 && row.other ? OTHER_LABEL : formats.group(dimension, row.keys[i] ?? null)
  }

  const columns: GridColDef<BreakdownTableRow>[] = [
    ...result.dimensions.map((dimension, i): GridColDef<BreakdownTableRow> => ({
      field: `key${i}`,
      headerName: dimensionLabel(dimension, tagKeys),
      flex: 1,
      minWidth: 180,
      valueGetter: (_v, row) => label(dimension, row, i),
      getSortComparator: otherLastSort<string>((a, b) => a.localeCompare(b, formats.locale)),
      renderCell: ({ row, value }) => {
        const muted = (i === 0 && row.other) || row.keys[i] === null || row.under !== undefined
        const key = row.keys[i]
        const shown =
          dimension === 'principal' && key && !muted ? shortPrincipal(key) : String(value)
        if (isLabelled(dimension) && key && !muted) {
          return (
            <PrincipalCell
              value={key}
              shown={shown}
              label={labels.label(dimension, key)}
              lineHeight={ROW_HEIGHT}
            />
          )
        }
        return (
          <Typography
            variant="body2"
            noWrap
            title={String(value)}
            sx={{
              color: muted ? 'text.secondary' : 'text.primary',
              fontStyle: muted ? 'italic' : 'normal',
              lineHeight: `${ROW_HEIGHT}px`,
            }}
          >
            {shown}
          </Typography>
        )
      },
    })),
    ...lastSeenColumn(result.dimensions, labels, formats.locale),
    {
      field: 'value',
      headerName: METRIC_LABELS[metric],
      width: 200,
      align: 'right',
      headerAlign: 'right',
      getSortComparator: otherLastSort<string>(compareDecimal),
      renderCell: ({ row }) => <strong>{format.format(row.value)}</strong>,
    },
    {
      field: 'share',
      headerName: 'Share',
      getSortComparator: otherLastSort<number | null>((a, b) => (a ?? 0) - (b ?? 0)),
      width: 130,
      align: 'right',
      headerAlign: 'right',
      renderCell: ({ row }) => <ShareCell share={row.share} locale={formats.locale} />,
    },
    {
      field: 'actions',
      headerName: '',
      width: 96,
      sortable: false,
      disableColumnMenu: true,
      renderCell: ({ row }) =>
        row.under === undefined && (
          <GroupActions
            name={label(result.dimensions[0], row, 0)}
            other={row.other}
            onOpen={() => onOpenRow(row)}
            onFilter={() => onFilterRow(row)}
          />
        ),
    },
  ]

  const height = Math.min(560, Math.max(3, rows.length) * ROW_HEIGHT + HEADER_HEIGHT + 2)

  return (
    <Box data-testid="breakdown-table">
      <Box style={{ height }}>
        <DataGrid
          nonce={nonce}
          rows={rows}
          columns={columns}
          rowHeight={ROW_HEIGHT}
          columnHeaderHeight={HEADER_HEIGHT}
          hideFooter
          disableRowSelectionOnClick
          disableColumnMenu
          onRowClick={({ row }) => {
            // The groups under the minimum amount are no one group to list the line items of.
            if ((row as BreakdownTableRow).under === undefined) onOpenRow(row as BreakdownTableRow)
          }}
          initialState={{ sorting: { sortModel: [{ field: 'value', sort: 'desc' }] } }}
          slotProps={{ row: { 'data-testid': 'breakdown-row' } }}
          label="Breakdown"
          sx={{
            border: 0,
            '& .MuiDataGrid-row': { cursor: 'pointer' },
            '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 600 },
          }}
        />
      </Box>
      <BreakdownTotal
        groups={rows.reduce((n, row) => n + (row.under ?? 1), 0)}
        total={format.format(result.total)}
      />
    </Box>
  )
}

/** "Last seen" of the first principal or role dimension's group, when the table has one. */
function lastSeenColumn(
  dimensions: readonly Dimension[],
  labels: PrincipalLabelLookup,
  locale: string | undefined,
): GridColDef<BreakdownTableRow>[] {
  const index = dimensions.findIndex(isLabelled)
  if (index < 0) return []
  const dimension = dimensions[index]
  const when = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  })
  return [
    {
      field: 'lastSeen',
      headerName: 'Last seen (UTC)',
      width: 190,
      valueGetter: (_v, row) =>
        row.other && index === 0
          ? null
          : (labels.lastSeen(dimension, row.keys[index] ?? null) ?? null),
      getSortComparator: otherLastSort<string | null>((a, b) => (a ?? '').localeCompare(b ?? '')),
      renderCell: ({ value }) =>
        value ? (
          <Typography
            variant="body2"
            noWrap
            title={String(value)}
            sx={{ lineHeight: `${ROW_HEIGHT}px` }}
          >
            {when.format(new Date(String(value)))}
          </Typography>
        ) : null,
    },
  ]
}
