// Old, new and change per row, change coloured by direction (a rise in cost in the warning colour),
// as a plain table: the rows come sorted by the engine (largest absolute change first).
import Box from '@mui/material/Box'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import type { CompareFigures } from '../../../../core/api.js'
import { decimalSign } from '../../../../core/format/decimal.js'
import { useFormats } from '../../state/FormatProvider.js'

export interface ChangeRow extends CompareFigures {
  key: string
  label: string
}

interface ChangeTableProps {
  heading: string
  rows: ChangeRow[]
  total?: CompareFigures
  testId: string
  /** Short labels (months) kept on one line. */
  labelNoWrap?: boolean
}

export function ChangeTable({ heading, rows, total, testId, labelNoWrap }: ChangeTableProps) {
  const { money } = useFormats()
  const figures = (f: CompareFigures) => (
    <>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        {money.format(f.old)}
      </TableCell>
      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
        {money.format(f.new)}
      </TableCell>
      <TableCell align="right" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
        <Change value={f.change} text={money.format(f.change)} />
      </TableCell>
    </>
  )
  return (
    <Box sx={{ maxHeight: 520, overflow: 'auto' }}>
      <Table size="small" stickyHeader data-testid={testId}>
        <TableHead>
          <TableRow>
            <TableCell>{heading}</TableCell>
            <TableCell align="right">Old</TableCell>
            <TableCell align="right">New</TableCell>
            <TableCell align="right">Change</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.key} hover data-testid={`${testId}-row`}>
              <TableCell
                sx={{ maxWidth: 420, overflowWrap: 'anywhere' }}
                style={labelNoWrap ? { whiteSpace: 'nowrap' } : undefined}
              >
                {row.label}
              </TableCell>
              {figures(row)}
            </TableRow>
          ))}
          {total && (
            <TableRow sx={{ '& td': { fontWeight: 700, borderBottom: 0 } }}>
              <TableCell>Total</TableCell>
              {figures(total)}
            </TableRow>
          )}
        </TableBody>
      </Table>
    </Box>
  )
}

/** A change with its sign spelled out: "+$12.30" for a rise, the money's own "-$4.00" for a fall. */
export function Change({ value, text }: { value: string; text: string }) {
  const sign = decimalSign(value)
  const color = sign > 0 ? 'warning.dark' : sign < 0 ? 'success.dark' : 'text.secondary'
  return (
    <Box component="span" sx={{ color }}>
      {sign > 0 ? `+${text}` : text}
    </Box>
  )
}
