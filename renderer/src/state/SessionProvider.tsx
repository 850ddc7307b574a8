// The session for every screen: the open report, loading with progress and cancel, navigation,
// the Explore query and the SQL console's text (kept while the user moves between screens), tag
// keys and recent sources.
// Menu commands from the desktop shell are routed here.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  type Dispatch,
  type ReactNode,
  type SetStateAction,
} from 'react'
import type { Dimension, Filter, TagKeysResult, UsageLogsResult } from '../../../core/api.js'
import { useApi, useApiEvent, useDesktop } from '../api/ApiProvider.js'
import { useRequest, type RequestView } from '../api/use-request.js'
import { DEFAULT_SHARED, type ChargebackSettings } from '../model/chargeback-request.js'
import { describeError, isCancelled } from '../model/errors.js'
import {
  exploreReducer,
  INITIAL_EXPLORE,
  type ExploreAction,
  type ExploreState,
} from '../model/explore-state.js'
import { newId } from '../model/ids.js'
import { menuIntent } from '../model/menu-commands.js'
import { INITIAL_SQL, type SqlSessionState } from '../model/sql-console.js'
import {
  INITIAL_SESSION,
  sessionReducer,
  type Screen,
  type SessionState,
} from '../model/session-state.js'

export interface SessionActions {
  openPaths(paths: string[]): void
  choose(what: 'files' | 'folder'): void
  openDemo(): void
  cancel(): void
  navigate(screen: Screen): void
  showStart(): void
  backToReport(): void
  dismissProblems(): void
  clearError(): void
  /** Explore grouped by one dimension, optionally with filters. */
  exploreBy(dimension: Dimension, filters?: Filter[]): void
  showAbout(open: boolean): void
  /** Usage logs were loaded: what `user` and log tags read has changed. */
  logsLoaded(): void
}

interface SessionContextValue {
  state: SessionState
  explore: ExploreState
  exploreDispatch: Dispatch<ExploreAction>
  tagKeys: RequestView<TagKeysResult>
  /** The usage logs loaded for the open report (null: none). */
  usageLogs: RequestView<UsageLogsResult | null>
  recent: string[][]
  aboutOpen: boolean
  /** Bumped when the shell's Export menu item is chosen, so the Chargeback screen can focus export. */
  exportRequests: number
  /** Kept here so rules survive moving between screens. */
  chargeback: ChargebackSettings
  setChargeback: Dispatch<SetStateAction<ChargebackSettings>>
  /** The SQL screen's text, page size and last query. */
  sql: SqlSessionState
  setSql: Dispatch<SetStateAction<SqlSessionState>>
  actions: SessionActions
}

/** Quick mode's dimension until the user picks one (a principal tag is proposed instead). */
export const INITIAL_BY: Dimension = 'account'

const INITIAL_CHARGEBACK: ChargebackSettings = {
  mode: 'rules',
  rules: [],
  by: INITIAL_BY,
  basis: 'amortized',
  period: null,
  shared: DEFAULT_SHARED,
  fixed: {},
  sharedRoles: [],
  lineDetail: 'principal',
}

const SessionContext = createContext<SessionContextValue | null>(null)

export function SessionProvider({ children }: { children: ReactNode }) {
  const api = useApi()
  const desktop = useDesktop()
  const [state, dispatch] = useReducer(sessionReducer, INITIAL_SESSION)
  const [explore, exploreDispatch] = useReducer(exploreReducer, INITIAL_EXPLORE)
  const [aboutOpen, setAboutOpen] = useState(false)
  const [exportRequests, setExportRequests] = useState(0)
  const [recent, setRecent] = useState<string[][]>([])
  const [chargeback, setChargeback] = useState<ChargebackSettings>(INITIAL_CHARGEBACK)
  const [sql, setSql] = useState<SqlSessionState>(INITIAL_SQL)

  useEffect(() => {
    let live = true
    api.currentDataset().then(
      (dataset) => live && dispatch({ type: 'probed', dataset }),
      () => live && dispatch({ type: 'probed', dataset: null }),
    )
    return () => {
      live = false
    }
  }, [api])

  useEffect(() => {
    if (!desktop) return
    desktop.recentSources().then(setRecent, () => setRecent([]))
  }, [desktop, state.generation])

  const running = useRef<string | null>(null)
  const openPaths = useCallback(
    (paths: string[]) => {
      if (paths.length === 0) return
      // A new load replaces one still running (e.g. a menu command during loading).
      // A failed cancel needs no message: the replaced job's own promise still reports its end.
      if (running.current) api.cancel(running.current).catch(() => undefined)
      const jobId = newId()
      running.current = jobId
      dispatch({ type: 'openStarted', jobId, paths })
      const settle = () => {
        if (running.current === jobId) running.current = null
      }
      api.openSources({ paths, jobId }).then(
        (info) => {
          settle()
          dispatch({ type: 'openSucceeded', jobId, info })
          if (!desktop)
            setRecent((list) =>
              [paths, ...list.filter((p) => p.join('\n') !== paths.join('\n'))].slice(0, 5),
            )
        },
        (error: unknown) => {
          settle()
          dispatch(
            isCancelled(error)
              ? { type: 'openCancelled', jobId }
              : { type: 'openFailed', jobId, error: describeError(error) },
          )
        },
      )
    },
    [api, desktop],
  )

  const choose = useCallback(
    (what: 'files' | 'folder') => {
      if (!desktop) {
        dispatch({ type: 'showStart' })
        return
      }
      desktop
        .chooseSources(what)
        .then(openPaths, (error: unknown) =>
          dispatch({ type: 'showError', error: describeError(error) }),
        )
    },
    [desktop, openPaths],
  )

  const jobId = state.job?.jobId
  const actions = useMemo<SessionActions>(
    () => ({
      openPaths,
      choose,
      openDemo: () =>
        api
          .demoPaths()
          .then(openPaths, (error: unknown) =>
            dispatch({ type: 'showError', error: describeError(error) }),
          ),
      cancel: () => {
        if (!jobId) return
        dispatch({ type: 'cancelRequested', jobId })
        api
          .cancel(jobId)
          .catch((error: unknown) => dispatch({ type: 'showError', error: describeError(error) }))
      },
      navigate: (screen) => dispatch({ type: 'navigate', screen }),
      showStart: () => dispatch({ type: 'showStart' }),
      backToReport: () => dispatch({ type: 'backToReport' }),
      dismissProblems: () => dispatch({ type: 'dismissProblems' }),
      clearError: () => dispatch({ type: 'showError', error: null }),
      exploreBy: (dimension, filters) => {
        exploreDispatch({ type: 'groupBy', dimension, filters })
        dispatch({ type: 'navigate', screen: 'explore' })
      },
      showAbout: setAboutOpen,
      logsLoaded: () => dispatch({ type: 'logsLoaded' }),
    }),
    [api, openPaths, choose, jobId],
  )

  useApiEvent('onDidProgress', (event) => dispatch({ type: 'progress', event, at: Date.now() }))
  useApiEvent('onDidMenuCommand', (event) => {
    const intent = menuIntent(event)
    if (intent.kind === 'choose') choose(intent.what)
    else if (intent.kind === 'open') openPaths(intent.paths)
    else if (intent.kind === 'start') dispatch({ type: 'showStart' })
    else if (intent.kind === 'about') setAboutOpen(true)
    else {
      dispatch({ type: 'navigate', screen: 'chargeback' })
      setExportRequests((n) => n + 1)
    }
  })

  // A new report may lack the old one's tags and values: start Explore afresh for it.
  useEffect(() => {
    if (state.generation > 1) exploreDispatch({ type: 'reset' })
  }, [state.generation])

  const ready = state.phase === 'ready'
  const tagKeys = useRequest(ready ? `tags:${state.generation}` : null, () => api.tagKeys())
  const usageLogs = useRequest(ready ? `logs:${state.generation}.${state.logsVersion}` : null, () =>
    api.usageLogs(),
  )

  const value = useMemo<SessionContextValue>(
    () => ({
      state,
      explore,
      exploreDispatch,
      tagKeys,
      usageLogs,
      recent,
      aboutOpen,
      exportRequests,
      chargeback,
      setChargeback,
      sql,
      setSql,
      actions,
    }),
    [
      state,
      explore,
      tagKeys,
      usageLogs,
      recent,
      aboutOpen,
      exportRequests,
      chargeback,
      sql,
      actions,
    ],
  )
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext)
  if (!value) throw new Error('useSession() needs a <SessionProvider> above it')
  return value
}
