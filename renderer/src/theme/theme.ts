// CUR Lens look: a calm finance dashboard. Light and dark schemes follow the OS
// (prefers-color-scheme); system fonts only (no web fonts may load); tabular figures for money.
import { createTheme, type ThemeOptions } from '@mui/material/styles'
import type {} from '@mui/x-data-grid/themeAugmentation'

const FONT_STACK = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  '"Noto Sans"',
  'sans-serif',
].join(',')

/** For SQL and column names: the platform's own monospace font (no web fonts may load). */
export const MONOSPACE_STACK =
  'ui-monospace, "SF Mono", "Cascadia Mono", "Roboto Mono", Menlo, Consolas, monospace'

/** Series colors for charts: distinct in both schemes, colour-blind friendly order first. */
export const SERIES_COLORS = [
  '#3867d6',
  '#20a39e',
  '#f29e4c',
  '#8e5bd6',
  '#e05a6e',
  '#5aa65f',
  '#d6a01e',
  '#4aa3df',
]
export const OTHER_COLOR = '#9aa3b2'

const components: ThemeOptions['components'] = {
  MuiCssBaseline: {
    styleOverrides: {
      body: { fontVariantNumeric: 'tabular-nums' },
    },
  },
  MuiCard: {
    defaultProps: { variant: 'outlined' },
    styleOverrides: { root: { borderRadius: 12 } },
  },
  MuiCardHeader: {
    styleOverrides: {
      root: { paddingBottom: 0 },
      title: { fontSize: '0.95rem', fontWeight: 600 },
      subheader: { fontSize: '0.8rem' },
    },
  },
  MuiButton: {
    defaultProps: { disableElevation: true },
    styleOverrides: { root: { textTransform: 'none', fontWeight: 600, borderRadius: 8 } },
  },
  MuiToggleButton: {
    styleOverrides: { root: { textTransform: 'none', fontWeight: 500, paddingInline: 12 } },
  },
  MuiChip: { styleOverrides: { root: { fontWeight: 500 } } },
  MuiAppBar: { defaultProps: { elevation: 0, color: 'inherit' } },
  MuiTooltip: { defaultProps: { arrow: true } },
  MuiListItemButton: { styleOverrides: { root: { borderRadius: 8 } } },
}

export const theme = createTheme({
  colorSchemes: {
    light: {
      palette: {
        primary: { main: '#2f5bd3' },
        secondary: { main: '#148f8a' },
        success: { main: '#2e7d4f' },
        background: { default: '#f4f6fa', paper: '#ffffff' },
        divider: 'rgba(20, 32, 60, 0.10)',
        text: { primary: '#172033', secondary: '#5b6478' },
      },
    },
    dark: {
      palette: {
        primary: { main: '#7ea2ff' },
        secondary: { main: '#4fd1c5' },
        success: { main: '#5cc48a' },
        background: { default: '#0e121a', paper: '#151b26' },
        // The grid would otherwise lighten itself against the card in dark mode.
        DataGrid: { bg: '#151b26', headerBg: '#151b26' },
        divider: 'rgba(200, 215, 240, 0.12)',
        text: { primary: '#e6eaf2', secondary: '#9aa5ba' },
      },
    },
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily: FONT_STACK,
    h4: { fontWeight: 700, letterSpacing: '-0.02em' },
    h5: { fontWeight: 700, letterSpacing: '-0.01em' },
    h6: { fontWeight: 650 },
    subtitle2: { fontWeight: 600 },
    overline: { fontWeight: 600, letterSpacing: '0.08em' },
  },
  components,
})
