// End-to-end harness: runs the real `cur-lens serve` (as a user would, through bin/cur-lens.js)
// and drives Debian's Chromium through playwright-core. Pages are watched for CSP violations,
// script errors and any request that leaves the server's origin.
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
export const RESULTS = join(ROOT, 'test-results')
const CHROMIUM = process.env.CURLENS_CHROMIUM ?? '/usr/bin/chromium'
const URL_LINE = /CUR Lens is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+))/

export interface ServeProcess {
  url: string
  origin: string
  port: number
  token: string
  pid: number
  /** Everything the process printed so far. */
  output(): string
  stop(): Promise<void>
}

/** Starts `cur-lens serve <args> --no-open` and resolves once it prints its URL. */
export function startServe(args: string[], timeoutMs = 240_000): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'cur-lens.js'), 'serve', ...args, '--no-open'],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    }
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop()
      reject(new Error(`cur-lens serve printed no URL within ${timeoutMs} ms:\n${output}`))
    }, timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = URL_LINE.exec(output)
      if (!match) return
      clearTimeout(timer)
      const port = Number(match[2])
      resolve({
        url: match[1],
        origin: `http://127.0.0.1:${port}`,
        port,
        token: match[3],
        pid: child.pid ?? -1,
        output: () => output,
        stop,
      })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(
        new Error(`cur-lens serve exited with code ${code} before printing its URL:\n${output}`),
      )
    })
  })
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

export interface WatchedPage {
  page: Page
  /** CSP violations, console errors and uncaught exceptions, in order. */
  problems: string[]
  /** Requests to anything but the server's own origin. */
  foreignRequests: string[]
  close(): Promise<void>
}

export async function openWatchedPage(browser: Browser, origin: string): Promise<WatchedPage> {
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 1440, height: 960 },
  })
  const page = await context.newPage()
  const problems: string[] = []
  const foreignRequests: string[] = []
  page.on('console', (message) => {
    const text = message.text()
    // The browser asks for /favicon.ico on its own; the app has no such file.
    if (/^Failed to load resource/.test(text) && message.location().url.endsWith('/favicon.ico'))
      return
    if (message.type() === 'error' || /Content Security Policy|Refused to/i.test(text)) {
      problems.push(`${text} (${message.location().url})`)
    }
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(`${origin}/`) && !url.startsWith('data:')) foreignRequests.push(url)
  })
  return { page, problems, foreignRequests, close: () => context.close() }
}

/** `cur-lens serve` on `paths` with a watched Chromium page on it; `close` ends all three. */
export interface ServedApp {
  serve: ServeProcess
  watched: WatchedPage
  close(): Promise<void>
}

export async function openServedApp(paths: string[]): Promise<ServedApp> {
  const serve = await startServe(paths)
  let browser: Browser | undefined
  try {
    browser = await launchChromium()
    const watched = await openWatchedPage(browser, serve.origin)
    const opened = browser
    return {
      serve,
      watched,
      async close() {
        await watched.close()
        await opened.close()
        await serve.stop()
      },
    }
  } catch (e) {
    await browser?.close()
    await serve.stop()
    throw e
  }
}

/** The viewport as the user sees it (full-page captures misplace the app's fixed header). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true })
  await page.screenshot({ path: join(RESULTS, `e2e-${name}.png`) })
}

/** Builds the desktop bundles (main, preload, renderer) into out/ with electron-vite. */
export function buildDesktop(): void {
  const cli = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  const result = spawnSync(process.execPath, [cli, 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
  if (result.status !== 0) {
    throw new Error(`electron-vite build failed:\n${result.stdout}\n${result.stderr}`)
  }
}
