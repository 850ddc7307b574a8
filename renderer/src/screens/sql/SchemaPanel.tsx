// The schema panel: the views a query may read, each column with its DuckDB type and meaning.
// cur_attributed lists only what it adds to cur. A filter finds a column; a click puts its name
// into the editor.
import SearchOutlined from '@mui/icons-material/SearchOutlined'
import Box from '@mui/material/Box'
import InputAdornment from '@mui/material/InputAdornment'
import List from '@mui/material/List'
import ListItemButton from '@mui/material/ListItemButton'
import Skeleton from '@mui/material/Skeleton'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import type { SxProps, Theme } from '@mui/material/styles'
import { useState } from 'react'
import type { SqlSchema, SqlView, SqlViewColumn } from '../../../../core/api.js'
import { SectionCard } from '../../components/SectionCard.js'
import { MONOSPACE_STACK } from '../../theme/theme.js'

const BASE_VIEW = 'cur'

interface SchemaPanelProps {
  schema: SqlSchema | undefined
  onInsert(name: string): void
  sx?: SxProps<Theme>
}

export function SchemaPanel({ schema, onInsert, sx }: SchemaPanelProps) {
  const [filter, setFilter] = useState('')
  const needle = filter.trim().toLowerCase()
  const base = new Set(schema?.views.find((v) => v.name === BASE_VIEW)?.columns.map((c) => c.name))
  const views = (schema?.views ?? []).map((view) => {
    const own =
      view.name === BASE_VIEW ? view.columns : view.columns.filter((c) => !base.has(c.name))
    const shown = own.filter((c) =>
      needle === '' ? true : `${c.name} ${c.meaning}`.toLowerCase().includes(needle),
    )
    return { view, shown, inherits: view.name !== BASE_VIEW && base.size > 0 }
  })

  return (
    <SectionCard
      title="Views"
      subheader="What a query can read. Click a column to insert it."
      data-testid="sql-schema"
      sx={sx}
      contentSx={{ pt: 1.5, overflow: 'auto', display: 'grid', gap: 2, alignContent: 'start' }}
    >
      <TextField
        size="small"
        placeholder="Find a column"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        slotProps={{
          htmlInput: { 'aria-label': 'Find a column' },
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchOutlined fontSize="small" />
              </InputAdornment>
            ),
          },
        }}
      />
      {!schema && <Skeleton variant="rounded" height={240} />}
      {views.map(({ view, shown, inherits }) => (
        <ViewColumns
          key={view.name}
          view={view}
          columns={shown}
          inherits={inherits}
          onInsert={onInsert}
        />
      ))}
    </SectionCard>
  )
}

function ViewColumns(props: {
  view: SqlView
  columns: SqlViewColumn[]
  inherits: boolean
  onInsert(name: string): void
}) {
  const { view, columns } = props
  return (
    <Box component="section" aria-label={`View ${view.name}`} data-testid={`sql-view-${view.name}`}>
      <Box
        component="button"
        type="button"
        onClick={() => props.onInsert(view.name)}
        title={`Insert ${view.name}`}
        sx={{
          all: 'unset',
          cursor: 'pointer',
          fontFamily: MONOSPACE_STACK,
          fontWeight: 700,
          fontSize: '0.95rem',
          color: 'primary.main',
          '&:focus-visible': { outline: 2, outlineColor: 'primary.main', borderRadius: 0.5 },
        }}
      >
        {view.name}
      </Box>
      <Typography variant="caption" component="p" sx={{ color: 'text.secondary', mt: 0.25 }}>
        {view.description}
        {props.inherits && ' Listed here: the columns it adds to cur.'}
      </Typography>
      <List dense disablePadding sx={{ mt: 0.5 }}>
        {columns.map((column) => (
          <ListItemButton
            key={column.name}
            onClick={() => props.onInsert(column.name)}
            title={column.meaning}
            sx={{ display: 'block', py: 0.5, px: 1 }}
            data-testid="sql-schema-column"
          >
            <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1 }}>
              <Typography
                variant="body2"
                sx={{ fontFamily: MONOSPACE_STACK, fontSize: '0.8rem', fontWeight: 600 }}
                noWrap
              >
                {column.name}
              </Typography>
              <Typography
                variant="caption"
                sx={{ color: 'secondary.main', fontFamily: MONOSPACE_STACK, fontSize: '0.7rem' }}
                noWrap
              >
                {column.type}
              </Typography>
            </Box>
            {column.meaning && (
              <Typography
                variant="caption"
                component="p"
                sx={{ color: 'text.secondary', lineHeight: 1.35 }}
              >
                {column.meaning}
              </Typography>
            )}
          </ListItemButton>
        ))}
        {columns.length === 0 && (
          <Typography variant="caption" sx={{ color: 'text.secondary', px: 1 }}>
            No column matches.
          </Typography>
        )}
      </List>
    </Box>
  )
}
