// The product frame once a report is open: an app bar naming the export and its period, a left
// navigation between the screens, and the facts of what is loaded.
import CompareArrowsOutlined from '@mui/icons-material/CompareArrowsOutlined'
import DashboardOutlined from '@mui/icons-material/DashboardOutlined'
import FolderOpenOutlined from '@mui/icons-material/FolderOpenOutlined'
import GroupsOutlined from '@mui/icons-material/GroupsOutlined'
import InfoOutlined from '@mui/icons-material/InfoOutlined'
import LockOutlined from '@mui/icons-material/LockOutlined'
import QueryStatsOutlined from '@mui/icons-material/QueryStatsOutlined'
import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined'
import SellOutlined from '@mui/icons-material/SellOutlined'
import TerminalOutlined from '@mui/icons-material/TerminalOutlined'
import AppBar from '@mui/material/AppBar'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import Divider from '@mui/material/Divider'
import Drawer from '@mui/material/Drawer'
import IconButton from '@mui/material/IconButton'
import List from '@mui/material/List'
import ListItemButton from '@mui/material/ListItemButton'
import ListItemIcon from '@mui/material/ListItemIcon'
import ListItemText from '@mui/material/ListItemText'
import Toolbar from '@mui/material/Toolbar'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import type { ReactNode } from 'react'
import { formatBytes, formatNumber } from '../../../core/format/number.js'
import { formatPeriodRange } from '../../../core/format/period.js'
import { exportName } from '../model/export-name.js'
import type { Screen } from '../model/session-state.js'
import { useFormats } from '../state/FormatProvider.js'
import { useSession } from '../state/SessionProvider.js'
import { BrandMark } from './BrandMark.js'
import { CacheBuildStatus } from './CacheBuildStatus.js'

const DRAWER_WIDTH = 232

const NAV: { screen: Screen; label: string; icon: ReactNode }[] = [
  { screen: 'overview', label: 'Overview', icon: <DashboardOutlined /> },
  { screen: 'explore', label: 'Explore', icon: <QueryStatsOutlined /> },
  { screen: 'tags', label: 'Tags', icon: <SellOutlined /> },
  { screen: 'chargeback', label: 'Chargeback', icon: <ReceiptLongOutlined /> },
  { screen: 'sql', label: 'SQL', icon: <TerminalOutlined /> },
  { screen: 'compare', label: 'Compare', icon: <CompareArrowsOutlined /> },
  { screen: 'usage-logs', label: 'Usage logs', icon: <GroupsOutlined /> },
]

const FORMAT_LABELS: Record<string, string> = {
  'cur2-parquet': 'CUR 2.0 · Parquet',
  'cur2-csv': 'CUR 2.0 · CSV',
  'cur1-csv': 'Legacy CUR · CSV',
  'cur1-parquet': 'Legacy CUR · Parquet',
  focus: 'FOCUS',
}

export function AppFrame({ children }: { children: ReactNode }) {
  const { state, actions } = useSession()
  const { locale, currency } = useFormats()
  const dataset = state.dataset
  if (!dataset) return null
  const { info } = dataset

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh', bgcolor: 'background.default' }}>
      <AppBar
        position="fixed"
        sx={{
          zIndex: (t) => t.zIndex.drawer + 1,
          borderBottom: 1,
          borderColor: 'divider',
          bgcolor: 'background.paper',
        }}
      >
        <Toolbar sx={{ gap: 2 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.25, width: DRAWER_WIDTH - 24 }}>
            <BrandMark />
            <Typography variant="h6" component="span" sx={{ fontSize: '1.05rem' }}>
              CUR Lens
            </Typography>
          </Box>
          <Divider orientation="vertical" flexItem sx={{ my: 1.5 }} />
          <Box sx={{ minWidth: 0, flex: 1, display: 'flex', alignItems: 'center', gap: 1.5 }}>
            <Typography
              variant="subtitle1"
              component="p"
              noWrap
              sx={{ fontWeight: 650 }}
              title={dataset.paths.join('\n')}
              data-testid="export-name"
            >
              {exportName(dataset.paths)}
            </Typography>
            {info.billingPeriods.length > 0 && (
              <Chip
                size="small"
                label={formatPeriodRange(info.billingPeriods, locale)}
                data-testid="period-range"
              />
            )}
            <Chip size="small" variant="outlined" label={currency || 'No currency'} />
          </Box>
          <Button
            variant="outlined"
            startIcon={<FolderOpenOutlined />}
            onClick={actions.showStart}
            data-testid="open-other-button"
          >
            Open…
          </Button>
          <Tooltip title="About CUR Lens">
            <IconButton aria-label="About CUR Lens" onClick={() => actions.showAbout(true)}>
              <InfoOutlined />
            </IconButton>
          </Tooltip>
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{
          width: DRAWER_WIDTH,
          flexShrink: 0,
          '& .MuiDrawer-paper': {
            width: DRAWER_WIDTH,
            boxSizing: 'border-box',
            bgcolor: 'background.default',
            borderRight: 1,
            borderColor: 'divider',
          },
        }}
      >
        <Toolbar />
        <Box component="nav" aria-label="Screens" sx={{ p: 1.5, flex: 1 }}>
          <List disablePadding sx={{ display: 'grid', gap: 0.5 }}>
            {NAV.map((item) => {
              const selected = state.screen === item.screen
              return (
                <ListItemButton
                  key={item.screen}
                  selected={selected}
                  aria-current={selected ? 'page' : undefined}
                  onClick={() => actions.navigate(item.screen)}
                  data-testid={`nav-${item.screen}`}
                >
                  <ListItemIcon sx={{ minWidth: 36 }}>{item.icon}</ListItemIcon>
                  <ListItemText primary={item.label} />
                </ListItemButton>
              )
            })}
          </List>
        </Box>
        <Box sx={{ p: 2, borderTop: 1, borderColor: 'divider' }}>
          <Typography variant="overline" sx={{ color: 'text.secondary' }}>
            Loaded
          </Typography>
          <Typography variant="body2">{FORMAT_LABELS[info.format] ?? info.format}</Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {formatNumber(info.rows, locale, 0)} {info.rows === 1 ? 'line item' : 'line items'}
          </Typography>
          {info.files.length > 0 && (
            <Typography variant="body2" sx={{ color: 'text.secondary' }}>
              {formatNumber(info.files.length, locale, 0)}{' '}
              {info.files.length === 1 ? 'file' : 'files'}
              {' · '}
              {formatBytes(
                info.files.reduce((bytes, file) => bytes + file.bytes, 0),
                locale,
              )}
            </Typography>
          )}
          <CacheBuildStatus />
          <Box
            sx={{
              display: 'flex',
              alignItems: 'center',
              gap: 0.75,
              mt: 1.5,
              color: 'text.secondary',
            }}
          >
            <LockOutlined sx={{ fontSize: 16 }} />
            <Typography variant="caption">
              Analyzed locally. Nothing leaves this computer.
            </Typography>
          </Box>
        </Box>
      </Drawer>
      <Box
        component="main"
        sx={{ flex: 1, minWidth: 0, p: { xs: 2, md: 3 }, pt: { xs: 2, md: 3 } }}
      >
        <Toolbar />
        {children}
      </Box>
    </Box>
  )
}
