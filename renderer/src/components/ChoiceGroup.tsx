// A labelled set of exclusive choices (measure, chart stacking, cost basis): a caption above a small
// toggle group in which one choice is always selected.
import Box from '@mui/material/Box'
import ToggleButton from '@mui/material/ToggleButton'
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup'
import Typography from '@mui/material/Typography'

export interface Choice<T extends string> {
  value: T
  label: string
  disabled?: boolean
}

interface ChoiceGroupProps<T extends string> {
  /** The caption's element id, which names the group for screen readers. */
  id: string
  label: string
  value: T
  choices: readonly Choice<T>[]
  onChange(value: T): void
  testId?: string
}

export function ChoiceGroup<T extends string>({
  id,
  label,
  value,
  choices,
  onChange,
  testId,
}: ChoiceGroupProps<T>) {
  return (
    <Box>
      <Typography variant="caption" component="p" id={id} sx={{ color: 'text.secondary', mb: 0.5 }}>
        {label}
      </Typography>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={value}
        onChange={(_, next: T | null) => next && onChange(next)}
        aria-labelledby={id}
        data-testid={testId}
      >
        {choices.map((c) => (
          <ToggleButton key={c.value} value={c.value} disabled={c.disabled}>
            {c.label}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </Box>
  )
}
