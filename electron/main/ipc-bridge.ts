// The one IPC channel, `curlens:invoke`, in front of serveApi (STYLE.md item 2). A call is served
// only when it comes from the top frame of a page on the app origin (SECURITY.md item 17) and its
// arguments have the method's shape; a foreign sender gets a rejection, never a result.
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron'
import type { Invocation, InvokeResult } from '../../core/bridge/protocol.js'
import { checkInvocation } from '../../core/bridge/check-invocation.js'
import { isAppUrl } from './app-origin.js'

export const INVOKE_CHANNEL = 'curlens:invoke'
export const EVENT_CHANNEL = 'curlens:event'

type SenderFrame = Pick<WebFrameMain, 'url' | 'parent'> | null | undefined

export function isTrustedSender(frame: SenderFrame): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url)
}

export function registerInvokeHandler(
  ipcMain: Pick<IpcMain, 'handle'>,
  serve: (invocation: Invocation) => Promise<InvokeResult>,
): void {
  ipcMain.handle(
    INVOKE_CHANNEL,
    async (event: Pick<IpcMainInvokeEvent, 'senderFrame'>, request: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        throw new Error('Refused: the call did not come from the CUR Lens window.')
      }
      const problem = checkInvocation(request)
      if (problem) {
        return {
          ok: false,
          error: { code: 'INVALID_QUERY', message: problem },
        } satisfies InvokeResult
      }
      return serve(request as Invocation)
    },
  )
}
