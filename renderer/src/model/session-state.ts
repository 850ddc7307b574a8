// The app's session as one reducer: which phase it is in (probing for an already open report,
// start, loading, ready), the open dataset, the running load with its progress, and the screen.
// Progress and results of a load that is no longer current are ignored.
import type { OpenDataset, OpenResult, ProgressEvent } from '../../../core/api.js'
import { timeLeftMs } from '../../../core/format/progress.js'
import type { ErrorInfo } from './errors.js'

export type Screen =
  | 'overview'
  | 'explore'
  | 'tags'
  | 'chargeback'
  | 'sql'
  | 'compare'
  | 'usage-logs'

export interface LoadJob {
  jobId: string
  paths: string[]
  progress: ProgressEvent | null
  /** When the progress's phase began (ms), and the time it has left at its pace so far. */
  phaseSince: number
  timeLeftMs: number | null
  cancelling: boolean
  /** Where Cancel returns to. */
  from: 'start' | 'ready'
}

export interface SessionState {
  phase: 'probing' | 'start' | 'loading' | 'ready'
  dataset: OpenDataset | null
  job: LoadJob | null
  openError: ErrorInfo | null
  problemsDismissed: boolean
  screen: Screen
  /** Increases with every dataset opened, so screens know to query again. */
  generation: number
  /** The paths of the latest attempt to open, kept so a failed path can be corrected. */
  lastAttempt: string[]
  /** The open that made `dataset` (its cache progress comes under that job), when known. */
  datasetJobId: string | null
  /** How far the background cache build of the open dataset has come, or null when not building. */
  caching: number | null
  /** Increases with every load of usage logs, which changes what `user` and log tags read. */
  logsVersion: number
}

export type SessionAction =
  | { type: 'probed'; dataset: OpenDataset | null }
  | { type: 'showStart' }
  | { type: 'backToReport' }
  | { type: 'openStarted'; jobId: string; paths: string[] }
  | { type: 'progress'; event: ProgressEvent; at: number }
  | { type: 'cancelRequested'; jobId: string }
  | { type: 'openSucceeded'; jobId: string; info: OpenResult }
  | { type: 'openFailed'; jobId: string; error: ErrorInfo }
  | { type: 'openCancelled'; jobId: string }
  | { type: 'navigate'; screen: Screen }
  | { type: 'dismissProblems' }
  | { type: 'showError'; error: ErrorInfo | null }
  | { type: 'logsLoaded' }

export const INITIAL_SESSION: SessionState = {
  phase: 'probing',
  dataset: null,
  job: null,
  openError: null,
  problemsDismissed: false,
  screen: 'overview',
  generation: 0,
  lastAttempt: [],
  datasetJobId: null,
  caching: null,
  logsVersion: 0,
}

/** A load's progress, or the open dataset's cache build (which goes on after its load). */
function progressed(state: SessionState, event: ProgressEvent, at: number): SessionState {
  if (event.phase === 'caching') {
    const ours = state.datasetJobId === null || state.datasetJobId === event.jobId
    if (state.phase !== 'ready' || !ours) return state
    return { ...state, caching: event.percentage >= 100 ? null : event.percentage }
  }
  if (!state.job || event.jobId !== state.job.jobId) return state
  const phaseSince = state.job.progress?.phase === event.phase ? state.job.phaseSince : at
  const timeLeft = timeLeftMs(at - phaseSince, event.percentage)
  return { ...state, job: { ...state.job, progress: event, phaseSince, timeLeftMs: timeLeft } }
}

function isCurrentJob(state: SessionState, jobId: string): boolean {
  return state.job !== null && state.job.jobId === jobId
}

export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case 'probed':
      if (state.phase !== 'probing') return state
      return action.dataset
        ? {
            ...state,
            phase: 'ready',
            dataset: action.dataset,
            screen: 'overview',
            generation: state.generation + 1,
          }
        : { ...state, phase: 'start' }
    case 'showStart':
      return state.phase === 'loading' ? state : { ...state, phase: 'start', openError: null }
    case 'backToReport':
      return state.dataset && state.phase === 'start'
        ? { ...state, phase: 'ready', openError: null }
        : state
    case 'openStarted':
      return {
        ...state,
        phase: 'loading',
        openError: null,
        lastAttempt: action.paths,
        job: {
          jobId: action.jobId,
          paths: action.paths,
          progress: null,
          phaseSince: 0,
          timeLeftMs: null,
          cancelling: false,
          from: state.phase === 'ready' && state.dataset ? 'ready' : 'start',
        },
      }
    case 'progress':
      return progressed(state, action.event, action.at)
    case 'cancelRequested':
      if (!state.job || !isCurrentJob(state, action.jobId)) return state
      return { ...state, job: { ...state.job, cancelling: true } }
    case 'openSucceeded':
      if (!state.job || !isCurrentJob(state, action.jobId)) return state
      return {
        ...state,
        phase: 'ready',
        dataset: { info: action.info, paths: state.job.paths },
        datasetJobId: state.job.jobId,
        caching: null,
        job: null,
        problemsDismissed: false,
        screen: 'overview',
        generation: state.generation + 1,
      }
    case 'openFailed':
      if (!isCurrentJob(state, action.jobId)) return state
      return { ...state, phase: 'start', job: null, openError: action.error }
    case 'openCancelled':
      if (!state.job || !isCurrentJob(state, action.jobId)) return state
      return {
        ...state,
        phase: state.job.from === 'ready' && state.dataset ? 'ready' : 'start',
        job: null,
      }
    case 'navigate':
      return state.phase === 'ready' ? { ...state, screen: action.screen } : state
    case 'dismissProblems':
      return { ...state, problemsDismissed: true }
    case 'showError':
      return { ...state, openError: action.error }
    case 'logsLoaded':
      return { ...state, logsVersion: state.logsVersion + 1 }
  }
}
