// The range of usage days Explore keeps: a first and a last day (UTC, both included), either left
// open. A range that ends before it starts is pointed out and not applied.
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import TextField from '@mui/material/TextField'
import { useState } from 'react'
import type { DateRange } from '../../../../core/api.js'

interface DateRangePickerProps {
  value: DateRange | null
  onChange(range: DateRange | null): void
}

export function DateRangePicker({ value, onChange }: DateRangePickerProps) {
  const [from, setFrom] = useState(value?.from ?? '')
  const [to, setTo] = useState(value?.to ?? '')
  const reversed = from !== '' && to !== '' && from > to

  const apply = (nextFrom: string, nextTo: string) => {
    setFrom(nextFrom)
    setTo(nextTo)
    if (nextFrom !== '' && nextTo !== '' && nextFrom > nextTo) return
    onChange({ ...(nextFrom && { from: nextFrom }), ...(nextTo && { to: nextTo }) })
  }
  const field = (label: string, day: string, set: (day: string) => void, testId: string) => (
    <TextField
      type="date"
      size="small"
      label={label}
      value={day}
      onChange={(e) => set(e.target.value)}
      error={reversed}
      sx={{ width: 165 }}
      slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': testId } }}
    />
  )

  return (
    <Box
      role="group"
      aria-label="Usage days"
      sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', alignSelf: 'flex-end' }}
    >
      {field('Usage from', from, (day) => apply(day, to), 'explore-from')}
      {field('Usage to (UTC)', to, (day) => apply(from, day), 'explore-to')}
      {reversed && (
        <Box
          role="alert"
          sx={{ color: 'error.main', typography: 'caption', alignSelf: 'center', maxWidth: 140 }}
        >
          The first day is after the last.
        </Box>
      )}
      {(from !== '' || to !== '') && (
        <Button size="small" onClick={() => apply('', '')} sx={{ alignSelf: 'center' }}>
          All days
        </Button>
      )}
    </Box>
  )
}
