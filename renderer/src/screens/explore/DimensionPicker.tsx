// One grouping choice: a native select of dimensions (keyboard and screen-reader friendly), and
// for principals the roll-up level beside it.
import TextField from '@mui/material/TextField'
import Stack from '@mui/material/Stack'
import type { Dimension } from '../../../../core/api.js'
import { PRINCIPAL_LEVELS, PRINCIPAL_LEVEL_LABELS } from '../../model/dimensions.js'
import {
  pickerValue,
  principalLevelOf,
  type DimensionOptionGroup,
} from '../../model/dimension-options.js'

interface DimensionPickerProps {
  index: number
  value: Dimension | null
  groups: DimensionOptionGroup[]
  onChange(dimension: Dimension | null): void
}

export function DimensionPicker({ index, value, groups, onChange }: DimensionPickerProps) {
  const level = value ? principalLevelOf(value) : null
  const known = groups.some((g) => g.options.some((o) => o.value === (value && pickerValue(value))))
  return (
    <Stack direction="row" spacing={1}>
      <TextField
        select
        size="small"
        label={index === 0 ? 'Group by' : 'Then by'}
        value={value ? pickerValue(value) : ''}
        onChange={(e) => onChange(e.target.value ? (e.target.value as Dimension) : null)}
        sx={{ minWidth: 190 }}
        slotProps={{
          select: { native: true },
          inputLabel: { shrink: true },
          htmlInput: { 'data-testid': `explore-dimension-${index + 1}` },
        }}
      >
        {index > 0 && <option value="">None</option>}
        {value && !known && <option value={pickerValue(value)}>{pickerValue(value)}</option>}
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {group.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </optgroup>
        ))}
      </TextField>
      {level && (
        <TextField
          select
          size="small"
          label="Roll up to"
          value={level}
          onChange={(e) => onChange(e.target.value as Dimension)}
          sx={{ minWidth: 170 }}
          slotProps={{
            select: { native: true },
            inputLabel: { shrink: true },
            htmlInput: { 'data-testid': `explore-level-${index + 1}` },
          }}
        >
          {PRINCIPAL_LEVELS.map((l) => (
            <option key={l} value={l}>
              {PRINCIPAL_LEVEL_LABELS[l]}
            </option>
          ))}
        </TextField>
      )}
    </Stack>
  )
}
