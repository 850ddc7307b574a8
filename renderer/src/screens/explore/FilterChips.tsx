// The active filters as chips: one per value, removable; excluded values read "not …".
import FilterAltOutlined from '@mui/icons-material/FilterAltOutlined'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import Typography from '@mui/material/Typography'
import type { Dispatch } from 'react'
import type { Filter, TagKeyInfo } from '../../../../core/api.js'
import { dimensionLabel } from '../../model/dimensions.js'
import type { ExploreAction } from '../../model/explore-state.js'
import { useFormats } from '../../state/FormatProvider.js'

interface FilterChipsProps {
  filters: Filter[]
  tagKeys: readonly TagKeyInfo[]
  dispatch: Dispatch<ExploreAction>
}

export function FilterChips({ filters, tagKeys, dispatch }: FilterChipsProps) {
  const formats = useFormats()
  return (
    <Box
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', mb: 2, minHeight: 32 }}
      data-testid="explore-filters"
    >
      <FilterAltOutlined fontSize="small" sx={{ color: 'text.secondary' }} />
      {filters.length === 0 ? (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          No filters. Click a bar or use a row’s filter button to narrow the view.
        </Typography>
      ) : (
        <>
          {filters.flatMap((filter) =>
            filter.values.map((value) => {
              const label = `${dimensionLabel(filter.dimension, tagKeys)}${filter.exclude ? ' is not' : ':'} ${formats.group(filter.dimension, value, { short: true })}`
              return (
                <Chip
                  key={`${filter.dimension}|${filter.exclude ? 'x' : ''}|${String(value)}`}
                  label={label}
                  color={filter.exclude ? 'default' : 'primary'}
                  variant={filter.exclude ? 'outlined' : 'filled'}
                  onDelete={() =>
                    dispatch({
                      type: 'removeFilterValue',
                      dimension: filter.dimension,
                      value,
                      exclude: Boolean(filter.exclude),
                    })
                  }
                  data-testid="filter-chip"
                />
              )
            }),
          )}
          <Button size="small" onClick={() => dispatch({ type: 'clearFilters' })}>
            Clear all
          </Button>
        </>
      )}
    </Box>
  )
}
