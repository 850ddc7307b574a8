// Entry point: the only place that reads browser globals. It picks the transport (Electron
// preload or local web server), reads the CSP nonce for Emotion, and mounts the app.
import { CacheProvider } from '@emotion/react'
import CssBaseline from '@mui/material/CssBaseline'
import { ThemeProvider } from '@mui/material/styles'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ApiProvider } from './api/ApiProvider.js'
import { createTransport, type DesktopBridge } from './api/transport.js'
import { App } from './App.js'
import { createStyleCache } from './theme/emotion-cache.js'
import { StyleNonceProvider } from './theme/StyleNonce.js'
import { theme } from './theme/theme.js'

const globals = window as Window & { curlens?: DesktopBridge }
const transport = createTransport({
  curlens: globals.curlens,
  search: window.location.search,
  fetch: (url, init) => window.fetch(url, init),
  createEventSource: (url) => new EventSource(url),
})
const nonce = document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? undefined
const locale = navigator.language || 'en-US'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <CacheProvider value={createStyleCache(nonce)}>
      <StyleNonceProvider value={nonce}>
        <ThemeProvider theme={theme}>
          <CssBaseline enableColorScheme />
          <ApiProvider transport={transport}>
            <App locale={locale} />
          </ApiProvider>
        </ThemeProvider>
      </StyleNonceProvider>
    </CacheProvider>
  </StrictMode>,
)
