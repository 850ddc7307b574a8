// The whole bridge the page gets: `window.curlens` with invoke, on and pathForFile. Sandboxed and
// bundled without npm imports (STYLE.md item 4). ipcRenderer and IPC event objects never reach the
// page; listeners get only the payload, and only for `onDid…` events.
import { contextBridge, ipcRenderer, webUtils } from 'electron'

const INVOKE_CHANNEL = 'curlens:invoke'
const EVENT_CHANNEL = 'curlens:event'
const EVENT_NAME = /^onDid[A-Z][A-Za-z]*$/

interface EventMessage {
  event: string
  payload: unknown
}

contextBridge.exposeInMainWorld('curlens', {
  invoke(method: string, args: unknown[]): Promise<unknown> {
    if (typeof method !== 'string' || !Array.isArray(args)) {
      return Promise.reject(new TypeError('curlens.invoke(method: string, args: unknown[])'))
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, { method, args })
  },
  on(event: string, listener: (payload: unknown) => void): () => void {
    if (typeof event !== 'string' || !EVENT_NAME.test(event) || typeof listener !== 'function') {
      throw new TypeError(`curlens.on: not an onDid… event: ${String(event)}`)
    }
    const forward = (_e: unknown, message: EventMessage) => {
      if (message?.event === event) listener(message.payload)
    }
    ipcRenderer.on(EVENT_CHANNEL, forward)
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, forward)
  },
  /** The path of a file dropped on the window (Electron no longer exposes File.path). */
  pathForFile(file: File): string {
    return webUtils.getPathForFile(file)
  },
})
