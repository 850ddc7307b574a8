// The percentages of one shared bucket that is spread by fixed shares: one field per recipient and
// their running total, which must come to 100 before the engine accepts them (it names the bucket
// and the total otherwise).
import Box from '@mui/material/Box'
import InputAdornment from '@mui/material/InputAdornment'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { typedTotal } from '../../model/chargeback-request.js'

interface FixedPercentagesProps {
  bucketLabel: string
  recipients: string[]
  percentages: Record<string, string>
  onChange(percentages: Record<string, string>): void
}

export function FixedPercentages({
  bucketLabel,
  recipients,
  percentages,
  onChange,
}: FixedPercentagesProps) {
  // A recipient given a share earlier keeps its field even when the rules no longer produce it.
  const names = [...new Set([...recipients, ...Object.keys(percentages)])]
  const total = typedTotal(percentages)
  const complete = total !== null && Math.abs(total - 100) < 1e-9
  return (
    <Box
      role="group"
      aria-label={`Fixed percentages of ${bucketLabel}`}
      sx={{ display: 'grid', gap: 1, gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))' }}
    >
      {names.map((recipient) => (
        <TextField
          key={recipient}
          size="small"
          label={recipient}
          value={percentages[recipient] ?? ''}
          onChange={(e) => onChange({ ...percentages, [recipient]: e.target.value })}
          slotProps={{
            input: { endAdornment: <InputAdornment position="end">%</InputAdornment> },
            htmlInput: { inputMode: 'decimal', 'data-testid': 'fixed-percentage' },
          }}
        />
      ))}
      <Typography
        variant="caption"
        sx={{ gridColumn: '1 / -1', color: complete ? 'text.secondary' : 'error.main' }}
        data-testid="fixed-percentage-total"
      >
        {total === null
          ? 'Every percentage must be a number.'
          : `Total ${total.toLocaleString(undefined, { maximumFractionDigits: 6 })} %${complete ? '' : ', must be 100 %'}`}
      </Typography>
    </Box>
  )
}
