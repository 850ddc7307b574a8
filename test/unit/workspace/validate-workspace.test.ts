import { describe, expect, it } from 'vitest'
import { validateWorkspace } from '../../../core/workspace/workspace-file.js'

describe('validating a workspace', () => {
  it('accepts the smallest workspace and drops unknown fields', () => {
    expect(validateWorkspace({ version: 1, sources: ['/a'], extra: true })).toEqual({
      value: { version: 1, sources: ['/a'] },
      errors: [],
    })
  })

  it('refuses a newer version without looking further', () => {
    expect(validateWorkspace({ version: 3 }).errors).toEqual([
      'It was saved by a newer CUR Lens (workspace format version 3); this version reads version 1. Update CUR Lens to open it.',
    ])
  })

  it('checks saved views and their filters', () => {
    const { errors } = validateWorkspace({
      version: 1,
      sources: [],
      savedViews: [
        {
          name: 'x',
          query: {
            dimensions: ['role'],
            metric: 'unblended',
            filters: [{ dimension: 'role' }],
            topN: 0,
          },
        },
      ],
    })
    expect(errors).toEqual([
      'Saved view 1 ("x"): "query.filters" must be a list of {dimension, values}.',
      'Saved view 1 ("x"): "query.topN" must be a positive whole number.',
    ])
  })
})
