// The billing period picker of the Overview and the chargeback settings: "All periods" or one
// month, named in the user's locale.
import TextField from '@mui/material/TextField'
import type { SxProps, Theme } from '@mui/material/styles'
import { useFormats } from '../state/FormatProvider.js'

interface PeriodSelectProps {
  periods: string[]
  /** The chosen billing period (YYYY-MM), or null for all periods. */
  value: string | null
  onChange: (period: string | null) => void
  testId: string
  sx?: SxProps<Theme>
}

/** A billing period picker with "All periods" first; a native select, so it is keyboard friendly. */
export function PeriodSelect({ periods, value, onChange, testId, sx }: PeriodSelectProps) {
  const formats = useFormats()
  return (
    <TextField
      select
      size="small"
      label="Period"
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value || null)}
      sx={sx}
      slotProps={{
        select: { native: true },
        inputLabel: { shrink: true },
        htmlInput: { 'data-testid': testId },
      }}
    >
      <option value="">All periods</option>
      {periods.map((p) => (
        <option key={p} value={p}>
          {formats.period(p)}
        </option>
      ))}
    </TextField>
  )
}
