// The reconciliation by day and model: billed tokens and cost beside the usage logs' tokens and
// estimate, the drifts, and for groups beyond 5 % a flag naming the likely causes.
import Chip from '@mui/material/Chip'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import type { DriftCause, ReconcileResult } from '../../../../core/api.js'
import { formatNumber, formatPercent } from '../../../../core/format/number.js'
import { useFormats } from '../../state/FormatProvider.js'

const CAUSE_LABELS: Record<DriftCause, string> = {
  'calls-missing': 'Calls missing from the logs',
  'cache-as-input': 'Cache tokens logged as input',
  'list-price': 'List price vs billed price',
  'cross-region': 'Cross-region uplift',
}

export function ReconcileTable({ result }: { result: ReconcileResult }) {
  const formats = useFormats()
  const drift = (value: number | null) =>
    value === null ? '—' : `${value > 0 ? '+' : ''}${formatPercent(value, formats.locale)}`
  const tokens = (value: string) => formatNumber(value, formats.locale, 0)
  return (
    <TableContainer sx={{ maxHeight: 480 }}>
      <Table size="small" stickyHeader aria-label="Reconciliation" data-testid="reconcile-table">
        <TableHead>
          <TableRow>
            {result.by.map((d) => (
              <TableCell key={d}>{d === 'day' ? 'Day' : 'Model'}</TableCell>
            ))}
            <TableCell align="right">Billed</TableCell>
            <TableCell align="right">Billed tokens</TableCell>
            <TableCell align="right">Logged tokens</TableCell>
            <TableCell align="right">Estimated</TableCell>
            <TableCell align="right">Token drift</TableCell>
            <TableCell align="right">Cost drift</TableCell>
            <TableCell>Likely causes</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {result.rows.map((row) => (
            <TableRow key={JSON.stringify(row.keys)} data-testid="reconcile-row">
              {row.keys.map((k, i) => (
                <TableCell key={i}>
                  {formats.group(result.by[i] === 'day' ? 'day' : 'model', k)}
                </TableCell>
              ))}
              <TableCell align="right">{formats.money.format(row.billedCost)}</TableCell>
              <TableCell align="right">{tokens(row.billedTokens)}</TableCell>
              <TableCell align="right">{tokens(row.loggedTokens)}</TableCell>
              <TableCell align="right">
                {row.estimatedCost === null ? '—' : formats.money.format(row.estimatedCost)}
              </TableCell>
              <TableCell align="right" sx={{ color: row.flagged ? 'warning.main' : undefined }}>
                {drift(row.tokenDrift)}
              </TableCell>
              <TableCell align="right">{drift(row.costDrift)}</TableCell>
              <TableCell>
                {row.causes.map((c) => (
                  <Chip
                    key={c}
                    size="small"
                    color="warning"
                    variant="outlined"
                    label={CAUSE_LABELS[c]}
                    sx={{ mr: 0.5 }}
                  />
                ))}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
