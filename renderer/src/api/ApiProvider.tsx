// Puts the API client in React context. Components reach data only through these hooks, never
// through `window`, so web mode, Electron and tests can each supply their own transport.
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react'
import type { CurLensApi, DesktopApi } from '../../../core/api.js'
import { createApiClient } from '../../../core/bridge/client.js'
import type { ApiEventListener, ApiEventName, Transport } from './transport.js'

interface ApiContextValue {
  api: CurLensApi
  /** Native dialogs, recent files and versions: only in the desktop app. */
  desktop: DesktopApi | null
  transport: Transport
}

const ApiContext = createContext<ApiContextValue | null>(null)

export function ApiProvider({
  transport,
  children,
}: {
  transport: Transport
  children: ReactNode
}) {
  const value = useMemo<ApiContextValue>(() => {
    const client = createApiClient<CurLensApi & Partial<DesktopApi>>(transport.invoke)
    return {
      api: client,
      desktop: transport.kind === 'desktop' ? (client as CurLensApi & DesktopApi) : null,
      transport,
    }
  }, [transport])
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>
}

function useApiContext(): ApiContextValue {
  const value = useContext(ApiContext)
  if (!value) throw new Error('useApi() needs an <ApiProvider> above it')
  return value
}

export function useApi(): CurLensApi {
  return useApiContext().api
}

export function useDesktop(): DesktopApi | null {
  return useApiContext().desktop
}

/** The absolute path of a dropped file, or undefined where the shell cannot tell it (web mode). */
export function usePathForFile(): ((file: File) => string) | undefined {
  return useApiContext().transport.pathForFile
}

/** Subscribes to an engine or shell event for the component's lifetime; the latest listener runs. */
export function useApiEvent<E extends ApiEventName>(event: E, listener: ApiEventListener<E>): void {
  const { transport } = useApiContext()
  const latest = useRef(listener)
  useEffect(() => {
    latest.current = listener
  })
  useEffect(() => transport.on(event, (payload) => latest.current(payload)), [transport, event])
}
