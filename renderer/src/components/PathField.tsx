// A path typed or pasted by the user, for web mode where there are no native dialogs.
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import TextField from '@mui/material/TextField'
import { useId, useState, type FormEvent, type ReactNode } from 'react'

interface PathFieldProps {
  label: string
  helperText?: ReactNode
  buttonLabel: string
  onSubmit(path: string): void
  inputTestId?: string
  buttonTestId?: string
  initialValue?: string
  disabled?: boolean
  startIcon?: ReactNode
}

export function PathField(props: PathFieldProps) {
  const [value, setValue] = useState(props.initialValue ?? '')
  const id = useId()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const path = value.trim()
    if (path) props.onSubmit(path)
  }
  return (
    <Box
      component="form"
      onSubmit={submit}
      sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}
    >
      <TextField
        id={id}
        label={props.label}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        helperText={props.helperText}
        size="small"
        fullWidth
        autoComplete="off"
        spellCheck={false}
        disabled={props.disabled}
        slotProps={{ htmlInput: { 'data-testid': props.inputTestId } }}
      />
      <Button
        type="submit"
        variant="contained"
        disabled={props.disabled || value.trim().length === 0}
        data-testid={props.buttonTestId}
        startIcon={props.startIcon}
        sx={{ flexShrink: 0, height: 40 }}
      >
        {props.buttonLabel}
      </Button>
    </Box>
  )
}
