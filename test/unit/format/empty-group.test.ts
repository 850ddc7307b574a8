import { describe, expect, it } from 'vitest'
import { emptyGroupLabel } from '../../../core/format/empty-group.js'
import { groupLabel } from '../../../renderer/src/model/dimensions.js'

describe('empty group label', () => {
  it('names the group without a value the same way for every dimension kind', () => {
    const expected = {
      user: '(unallocated)',
      'log-tag:team': '(untagged)',
      'tag:iamPrincipal/team': '(untagged)',
      principal: '(no principal)',
      person: '(no principal)',
      role: '(no principal)',
      model: '(unknown)',
      account: '(unknown)',
    } as const
    for (const [dimension, label] of Object.entries(expected)) {
      const d = dimension as keyof typeof expected
      expect(emptyGroupLabel(d)).toBe(label)
      // The app's tables and charts show the same words.
      expect(groupLabel(d, null)).toBe(label)
    }
  })
})
