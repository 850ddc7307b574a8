// The chargeback preview: one statement per recipient (direct, shared, total), the shared buckets
// kept as their own lines, how each bucket was allocated in words, and whether it all reconciles
// to the bill total to the cent.
import CheckCircle from '@mui/icons-material/CheckCircle'
import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined'
import KeyboardArrowDown from '@mui/icons-material/KeyboardArrowDown'
import KeyboardArrowRight from '@mui/icons-material/KeyboardArrowRight'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Collapse from '@mui/material/Collapse'
import IconButton from '@mui/material/IconButton'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableFooter from '@mui/material/TableFooter'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import { Fragment, useState } from 'react'
import type { ChargebackResult, LineDetail, Statement } from '../../../../core/api.js'
import { displayShare } from '../../../../core/format/decimal.js'
import { formatPercent } from '../../../../core/format/number.js'
import { shortPrincipal } from '../../model/dimensions.js'
import { LINE_DETAIL_LABELS, SHARED_BUCKET_LABELS } from '../../model/chargeback-request.js'
import { useFormats } from '../../state/FormatProvider.js'

export function StatementsView({ result }: { result: ChargebackResult }) {
  const formats = useFormats()
  const [open, setOpen] = useState<string | null>(null)
  const money = formats.money.format
  const periodText = result.period === 'all' ? 'all periods' : formats.period(result.period)

  return (
    <Box>
      {result.reconciles ? (
        <Alert
          severity="success"
          variant="outlined"
          icon={<CheckCircle />}
          sx={{ mb: 2 }}
          data-testid="chargeback-reconciles"
        >
          Statements for {periodText} ({result.basis}) add up to the bill total of{' '}
          {money(result.billTotal)} to the cent.
        </Alert>
      ) : (
        <Alert
          severity="error"
          variant="outlined"
          icon={<ErrorOutline />}
          sx={{ mb: 2 }}
          data-testid="chargeback-reconciles"
        >
          Statements add up to {money(result.recipientsTotal)} but the bill total is{' '}
          {money(result.billTotal)}. Check the shared-cost settings; unallocated:{' '}
          {money(result.unallocated)}.
        </Alert>
      )}
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label="Chargeback statements" data-testid="statements-table">
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 40 }} />
              <TableCell>Recipient</TableCell>
              <TableCell align="right">Direct</TableCell>
              <TableCell align="right">Shared</TableCell>
              <TableCell align="right">Total</TableCell>
              <TableCell align="right">Share</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {result.statements.map((statement) => {
              const id = `${statement.kind}:${statement.recipient}`
              const expanded = open === id
              const kept = statement.kind === 'unallocated'
              return (
                <Fragment key={id}>
                  <TableRow
                    hover
                    data-testid="statement-row"
                    sx={{ '& > td': { borderBottom: expanded ? 0 : undefined } }}
                  >
                    <TableCell>
                      <IconButton
                        size="small"
                        aria-label={`${expanded ? 'Hide' : 'Show'} lines of ${statement.recipient}`}
                        aria-expanded={expanded}
                        onClick={() => setOpen(expanded ? null : id)}
                      >
                        {expanded ? (
                          <KeyboardArrowDown fontSize="small" />
                        ) : (
                          <KeyboardArrowRight fontSize="small" />
                        )}
                      </IconButton>
                    </TableCell>
                    <TableCell
                      sx={{
                        fontWeight: kept ? 400 : 600,
                        fontStyle: kept ? 'italic' : 'normal',
                        color: kept ? 'text.secondary' : 'text.primary',
                      }}
                    >
                      {statement.recipient}
                    </TableCell>
                    <TableCell align="right">{money(statement.direct)}</TableCell>
                    <TableCell align="right">{money(statement.shared)}</TableCell>
                    <TableCell align="right" sx={{ fontWeight: 700 }}>
                      {money(statement.total)}
                    </TableCell>
                    <TableCell align="right" sx={{ color: 'text.secondary' }}>
                      {formatPercent(
                        displayShare(statement.total, result.billTotal),
                        formats.locale,
                      )}
                    </TableCell>
                  </TableRow>
                  <TableRow>
                    <TableCell colSpan={6} sx={{ py: 0, borderBottom: expanded ? undefined : 0 }}>
                      <Collapse in={expanded} unmountOnExit>
                        <StatementLines statement={statement} lineDetail={result.lineDetail} />
                      </Collapse>
                    </TableCell>
                  </TableRow>
                </Fragment>
              )
            })}
          </TableBody>
          <TableFooter>
            <TableRow>
              <TableCell />
              <TableCell sx={{ fontWeight: 700, color: 'text.primary', fontSize: '0.875rem' }}>
                Bill total
              </TableCell>
              <TableCell colSpan={2} />
              <TableCell
                align="right"
                sx={{ fontWeight: 700, color: 'text.primary', fontSize: '0.875rem' }}
                data-testid="chargeback-bill-total"
              >
                {money(result.billTotal)}
              </TableCell>
              <TableCell />
            </TableRow>
          </TableFooter>
        </Table>
      </Box>
      {result.allocations.length > 0 && (
        <Box sx={{ mt: 3 }}>
          <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
            How shared cost was allocated
          </Typography>
          <Box
            component="ul"
            sx={{ m: 0, pl: 2.5, display: 'grid', gap: 0.75 }}
            data-testid="allocations"
          >
            {result.allocations.map((allocation) => (
              <li key={allocation.bucket}>
                <Typography variant="body2">
                  <strong>{SHARED_BUCKET_LABELS[allocation.bucket]}</strong> (
                  {money(allocation.amount)}): {allocation.description}
                </Typography>
              </li>
            ))}
          </Box>
        </Box>
      )}
    </Box>
  )
}

function StatementLines({
  statement,
  lineDetail,
}: {
  statement: Statement
  lineDetail: LineDetail
}) {
  const formats = useFormats()
  const named = lineDetail !== 'none'
  // The label cells span the service, model and (when named) principal columns.
  const labelSpan = named ? 3 : 2
  return (
    <Box sx={{ py: 1.5, pl: 5 }}>
      <Table size="small" aria-label={`Lines of ${statement.recipient}`}>
        <TableHead>
          <TableRow>
            <TableCell>Service</TableCell>
            <TableCell>Model</TableCell>
            {named && <TableCell>{LINE_DETAIL_LABELS[lineDetail].column}</TableCell>}
            <TableCell align="right">Amount</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {statement.lines.map((line, i) => (
            <TableRow key={i}>
              <TableCell>{line.service}</TableCell>
              <TableCell sx={{ color: line.model ? 'text.primary' : 'text.secondary' }}>
                {line.model ?? '—'}
              </TableCell>
              {named && (
                <TableCell
                  sx={{ color: line.principal ? 'text.primary' : 'text.secondary' }}
                  title={line.principal ?? undefined}
                >
                  {line.principal && line.label ? (
                    // The label, with the name as billed under it (the full ARN in the tooltip).
                    <Box data-value={line.principal}>
                      <Typography variant="body2" data-testid="principal-label">
                        {line.label}
                      </Typography>
                      <Typography
                        variant="caption"
                        sx={{ color: 'text.secondary', wordBreak: 'break-all' }}
                      >
                        {shortPrincipal(line.principal)}
                      </Typography>
                    </Box>
                  ) : line.principal ? (
                    shortPrincipal(line.principal)
                  ) : (
                    '—'
                  )}
                </TableCell>
              )}
              <TableCell align="right">{formats.money.format(line.amount)}</TableCell>
            </TableRow>
          ))}
          {statement.otherLines && (
            <TableRow data-testid="other-lines">
              <TableCell colSpan={labelSpan} sx={{ fontStyle: 'italic', color: 'text.secondary' }}>
                {statement.otherLines.count.toLocaleString(formats.locale)} smaller lines, not shown
                here: export the statements to see them all, or choose a coarser principal on each
                line.
              </TableCell>
              <TableCell align="right">
                {formats.money.format(statement.otherLines.amount)}
              </TableCell>
            </TableRow>
          )}
          {(statement.sharedByBucket ?? []).map((share) => (
            <TableRow key={share.bucket}>
              <TableCell colSpan={labelSpan} sx={{ fontStyle: 'italic', color: 'text.secondary' }}>
                Share of {SHARED_BUCKET_LABELS[share.bucket].toLowerCase()}
              </TableCell>
              <TableCell align="right">{formats.money.format(share.amount)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  )
}
