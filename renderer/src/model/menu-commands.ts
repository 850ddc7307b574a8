// What a menu command from the desktop shell asks the renderer to do.
import type { MenuCommandEvent } from '../../../core/api.js'

export type MenuIntent =
  | { kind: 'choose'; what: 'files' | 'folder' }
  | { kind: 'open'; paths: string[] }
  | { kind: 'start' }
  | { kind: 'export' }
  | { kind: 'about' }

export function menuIntent(event: MenuCommandEvent): MenuIntent {
  switch (event.command) {
    case 'open-files':
    case 'open-folder': {
      if (event.paths && event.paths.length > 0) return { kind: 'open', paths: event.paths }
      return { kind: 'choose', what: event.command === 'open-files' ? 'files' : 'folder' }
    }
    case 'open-recent':
      return event.paths && event.paths.length > 0
        ? { kind: 'open', paths: event.paths }
        : { kind: 'start' }
    case 'export':
      return { kind: 'export' }
    case 'about':
      return { kind: 'about' }
  }
}
