// The journey: start → loading → the report with its screens. Drops of files or folders
// anywhere on the window open them (desktop app), and the About dialog is always reachable.
import Box from '@mui/material/Box'
import CircularProgress from '@mui/material/CircularProgress'
import Typography from '@mui/material/Typography'
import { AboutDialog } from './components/AboutDialog.js'
import { AppFrame } from './components/AppFrame.js'
import { DropTarget } from './components/DropTarget.js'
import { ChargebackScreen } from './screens/ChargebackScreen.js'
import { CompareScreen } from './screens/CompareScreen.js'
import { ExploreScreen } from './screens/ExploreScreen.js'
import { LoadingScreen } from './screens/LoadingScreen.js'
import { OverviewScreen } from './screens/OverviewScreen.js'
import { SqlScreen } from './screens/SqlScreen.js'
import { UsageLogsScreen } from './screens/UsageLogsScreen.js'
import { StartScreen } from './screens/StartScreen.js'
import { TagsScreen } from './screens/TagsScreen.js'
import { FormatProvider } from './state/FormatProvider.js'
import { SessionProvider, useSession } from './state/SessionProvider.js'

export function App({ locale }: { locale: string }) {
  return (
    <SessionProvider>
      <SessionFormats locale={locale}>
        <DropTarget>
          <Phase />
        </DropTarget>
        <AboutDialog />
      </SessionFormats>
    </SessionProvider>
  )
}

function SessionFormats({ locale, children }: { locale: string; children: React.ReactNode }) {
  const { state } = useSession()
  return (
    <FormatProvider locale={locale} currency={state.dataset?.info.currency ?? 'USD'}>
      {children}
    </FormatProvider>
  )
}

function Phase() {
  const { state } = useSession()
  switch (state.phase) {
    case 'probing':
      return (
        <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }} role="status">
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, color: 'text.secondary' }}>
            <CircularProgress size={20} />
            <Typography>Starting CUR Lens…</Typography>
          </Box>
        </Box>
      )
    case 'start':
      return <StartScreen />
    case 'loading':
      return <LoadingScreen />
    case 'ready':
      return (
        <AppFrame>
          {state.screen === 'overview' && <OverviewScreen />}
          {state.screen === 'explore' && <ExploreScreen />}
          {state.screen === 'tags' && <TagsScreen />}
          {state.screen === 'chargeback' && <ChargebackScreen />}
          {state.screen === 'sql' && <SqlScreen />}
          {state.screen === 'compare' && <CompareScreen />}
          {state.screen === 'usage-logs' && <UsageLogsScreen />}
        </AppFrame>
      )
  }
}
