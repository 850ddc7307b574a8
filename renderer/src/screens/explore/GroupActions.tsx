// The two actions of a breakdown row: open its line items, or narrow the whole view to its group
// (not offered on the "(other)" row, which is no single group).
import FilterAltOutlined from '@mui/icons-material/FilterAltOutlined'
import ListAltOutlined from '@mui/icons-material/ListAltOutlined'
import Box from '@mui/material/Box'
import IconButton from '@mui/material/IconButton'
import Tooltip from '@mui/material/Tooltip'
import type { MouseEvent } from 'react'

interface GroupActionsProps {
  /** The group as the first column shows it, for the buttons' accessible names. */
  name: string
  other: boolean
  onOpen(): void
  onFilter(): void
}

export function GroupActions({ name, other, onOpen, onFilter }: GroupActionsProps) {
  // The row itself opens the line items on click; the buttons must not trigger it too.
  const only = (action: () => void) => (event: MouseEvent) => {
    event.stopPropagation()
    action()
  }
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', height: '100%', gap: 0.5 }}>
      <Tooltip title="Show line items">
        <IconButton size="small" aria-label={`Show line items of ${name}`} onClick={only(onOpen)}>
          <ListAltOutlined fontSize="small" />
        </IconButton>
      </Tooltip>
      {!other && (
        <Tooltip title="Filter the view to this group">
          <IconButton size="small" aria-label={`Filter to ${name}`} onClick={only(onFilter)}>
            <FilterAltOutlined fontSize="small" />
          </IconButton>
        </Tooltip>
      )}
    </Box>
  )
}
