// The line items added, removed and changed between two deliveries: a count and sum per kind, how
// they were matched (line item id and usage time, or stable columns), and the largest changes.
import Box from '@mui/material/Box'
import Chip from '@mui/material/Chip'
import Stack from '@mui/material/Stack'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import type { CompareLinesResult, LineChangeKind } from '../../../../core/api.js'
import { formatNumber } from '../../../../core/format/number.js'
import { useFormats } from '../../state/FormatProvider.js'
import { Change } from './ChangeTable.js'

const KINDS: LineChangeKind[] = ['added', 'removed', 'changed']

export function LineChanges({ result }: { result: CompareLinesResult }) {
  const { money, locale } = useFormats()
  const count = (n: number) => formatNumber(n, locale, 0)
  return (
    <Box>
      <Typography
        variant="body2"
        sx={{ color: 'text.secondary', mb: 1.5 }}
        data-testid="matched-by"
      >
        {result.matchedBy === 'line-item-id'
          ? 'Matched by line item id and usage time.'
          : `Matched by stable columns (${result.matchColumns.join(', ')}): these files have no line item id.`}{' '}
        {count(result.unchanged)} line items are unchanged.
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
        {KINDS.map((kind) => (
          <Chip
            key={kind}
            variant="outlined"
            data-testid={`lines-${kind}`}
            label={`${count(result.kinds[kind].lines)} ${kind} · ${money.format(result.kinds[kind].change)}`}
          />
        ))}
      </Stack>
      <Box sx={{ maxHeight: 420, overflow: 'auto' }}>
        <Table size="small" stickyHeader data-testid="line-changes">
          <TableHead>
            <TableRow>
              <TableCell>Change</TableCell>
              <TableCell>Usage start</TableCell>
              <TableCell>Service</TableCell>
              <TableCell>Usage type</TableCell>
              <TableCell>Account</TableCell>
              <TableCell align="right">Old</TableCell>
              <TableCell align="right">New</TableCell>
              <TableCell align="right">Difference</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {result.lines.map((line, i) => (
              <TableRow key={`${line.lineItemId ?? ''}:${line.usageStart ?? ''}:${i}`} hover>
                <TableCell>{line.kind}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{line.usageStart}</TableCell>
                <TableCell>{line.service}</TableCell>
                <TableCell sx={{ overflowWrap: 'anywhere' }} title={line.description ?? ''}>
                  {line.usageType ?? line.lineItemType}
                </TableCell>
                <TableCell>{line.account}</TableCell>
                <TableCell align="right">{money.format(line.old)}</TableCell>
                <TableCell align="right">{money.format(line.new)}</TableCell>
                <TableCell align="right">
                  <Change value={line.change} text={money.format(line.change)} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      {result.truncated && (
        <Typography variant="caption" sx={{ color: 'text.secondary' }}>
          The {count(result.lines.length)} largest changes are listed; more lines changed.
        </Typography>
      )}
    </Box>
  )
}
