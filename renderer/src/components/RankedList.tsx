// A short ranked list of groups with their amount and a bar for their share: top services,
// principals, models. Each row is a button that opens the group in Explore.
import Box from '@mui/material/Box'
import List from '@mui/material/List'
import ListItemButton from '@mui/material/ListItemButton'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import { formatPercent } from '../../../core/format/number.js'

export interface RankedItem {
  id: string
  label: string
  /** Full text for the tooltip when the label is shortened (e.g. a principal ARN). */
  title?: string
  amount: string
  /** Share of the total for the bar and the percentage, display only. */
  share: number | null
  muted?: boolean
}

interface RankedListProps {
  items: RankedItem[]
  locale: string
  onSelect?: (item: RankedItem) => void
  'data-testid'?: string
}

export function RankedList({ items, locale, onSelect, ...rest }: RankedListProps) {
  const widest = Math.max(0.0001, ...items.map((i) => Math.abs(i.share ?? 0)))
  return (
    <List disablePadding data-testid={rest['data-testid']} sx={{ display: 'grid', gap: 0.25 }}>
      {items.map((item) => (
        <ListItemButton
          key={item.id}
          onClick={onSelect ? () => onSelect(item) : undefined}
          disabled={!onSelect}
          sx={{ display: 'block', px: 1, py: 0.75 }}
        >
          <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1 }}>
            <Tooltip
              title={item.title ?? ''}
              disableHoverListener={!item.title}
              placement="top-start"
            >
              <Typography
                variant="body2"
                noWrap
                sx={{
                  flex: 1,
                  minWidth: 0,
                  color: item.muted ? 'text.secondary' : 'text.primary',
                  fontStyle: item.muted ? 'italic' : 'normal',
                }}
              >
                {item.label}
              </Typography>
            </Tooltip>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {item.amount}
            </Typography>
            <Typography
              variant="caption"
              sx={{ color: 'text.secondary', width: 48, textAlign: 'right' }}
            >
              {formatPercent(item.share, locale)}
            </Typography>
          </Box>
          <Box
            sx={{
              mt: 0.5,
              height: 4,
              borderRadius: 2,
              bgcolor: 'action.hover',
              overflow: 'hidden',
            }}
          >
            <Box
              sx={{
                height: '100%',
                bgcolor: item.muted ? 'text.disabled' : 'primary.main',
                borderRadius: 2,
              }}
              style={{ width: `${(Math.abs(item.share ?? 0) / widest) * 100}%` }}
            />
          </Box>
        </ListItemButton>
      ))}
    </List>
  )
}
