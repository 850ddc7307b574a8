import { describe, expect, it } from 'vitest'
import { guardWebContents } from '../../../electron/main/content-guards.js'

type Listener = (...args: unknown[]) => void

function fakeContents() {
  const listeners = new Map<string, Listener>()
  let openHandler: ((details: { url: string }) => { action: string }) | undefined
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener)
      return contents
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler
    },
  }
  guardWebContents(contents as unknown as Parameters<typeof guardWebContents>[0])
  const fire = (event: string, ...args: unknown[]) => {
    let prevented = false
    const e = { preventDefault: () => (prevented = true) }
    listeners.get(event)?.(e, ...args)
    return prevented
  }
  const fireFrame = (url: string) => {
    let prevented = false
    listeners.get('will-frame-navigate')?.({ url, preventDefault: () => (prevented = true) })
    return prevented
  }
  return { fire, fireFrame, open: (url: string) => openHandler?.({ url }), listeners }
}

const FOREIGN = [
  'https://x',
  'http://localhost:8080/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'app://curlens.attacker.com/index.html',
  'app://evil@curlens/index.html',
  'foo://curlens/index.html',
  'not a url',
]

describe('the web contents guard', () => {
  it('prevents navigation away from the app origin', () => {
    const c = fakeContents()
    for (const url of FOREIGN) {
      expect(c.fire('will-navigate', url), url).toBe(true)
      expect(c.fireFrame(url), url).toBe(true)
      expect(c.fire('will-redirect', url), url).toBe(true)
    }
  })

  it('lets the app navigate within its own origin', () => {
    const c = fakeContents()
    expect(c.fire('will-navigate', 'app://curlens/index.html')).toBe(false)
    expect(c.fireFrame('app://curlens/index.html?x=1')).toBe(false)
  })

  it('denies every new window, whatever the URL', () => {
    const c = fakeContents()
    for (const url of [...FOREIGN, 'app://curlens/index.html']) {
      expect(c.open(url)).toEqual({ action: 'deny' })
    }
  })

  it('prevents attaching a webview', () => {
    const c = fakeContents()
    expect(c.fire('will-attach-webview', {}, { src: 'https://x' })).toBe(true)
  })
})
