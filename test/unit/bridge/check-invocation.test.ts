import { describe, expect, it } from 'vitest'
import { checkInvocation } from '../../../core/bridge/check-invocation.js'

describe('the argument check of every bridge', () => {
  it('accepts each method with its own argument shape', () => {
    const good = [
      { method: 'openSources', args: [{ paths: ['/data/cur'], jobId: 'j1' }] },
      { method: 'cancel', args: ['j1'] },
      { method: 'summary', args: [] },
      { method: 'checkRules', args: [{ version: 1, rules: [] }, 'unblended'] },
      { method: 'checkRules', args: [{ version: 1, rules: [] }, 'unblended', '2026-01'] },
      { method: 'saveWorkspace', args: ['/tmp/w.json', { version: 1, sources: [] }] },
      { method: 'chooseSources', args: ['folder'] },
      { method: 'appInfo', args: [] },
    ]
    for (const request of good) expect(checkInvocation(request), request.method).toBeUndefined()
  })

  it('names the problem of a malformed call', () => {
    expect(checkInvocation({ method: 'summary', args: [1] })).toMatch(/too many arguments/)
    expect(checkInvocation({ method: 'loadWorkspace', args: [] })).toMatch(
      /argument 1 must be a string/,
    )
    expect(checkInvocation({ method: 'checkRules', args: [{}, 'unblended', 7] })).toMatch(
      /argument 3/,
    )
    expect(checkInvocation({ method: 'hasOwnProperty', args: [] })).toMatch(/Unknown API method/)
    expect(checkInvocation({ method: 'breakdown', args: [[]] })).toMatch(/must be an object/)
  })

  it('refuses values that are not plain JSON', () => {
    class Query {
      dimensions = ['principal']
    }
    expect(checkInvocation({ method: 'breakdown', args: [new Query()] })).toMatch(/plain JSON/)
    expect(checkInvocation({ method: 'breakdown', args: [{ topN: Number.NaN }] })).toMatch(
      /plain JSON/,
    )
    expect(checkInvocation({ method: 'breakdown', args: [{ when: new Date() }] })).toMatch(
      /plain JSON/,
    )
    let deep: Record<string, unknown> = {}
    const root = deep
    for (let i = 0; i < 100; i++) deep = deep.next = {}
    expect(checkInvocation({ method: 'breakdown', args: [root] })).toMatch(/plain JSON/)
  })
})
