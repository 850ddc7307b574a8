// Opens a URL in the user's default browser with the platform's own opener. A failure is not an
// error: the URL is printed anyway.
import { spawn } from 'node:child_process'

export function openBrowser(url: string, onFailure: () => void): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]]
  const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true })
  child.on('error', onFailure)
  child.on('exit', (code) => code !== 0 && onFailure())
  child.unref()
}
