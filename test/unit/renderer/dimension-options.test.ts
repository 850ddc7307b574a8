import { describe, expect, it } from 'vitest'
import type { TagKeyInfo } from '../../../core/api.js'
import {
  compareOptionGroups,
  dimensionOptionGroups,
  pickerValue,
  principalLevelOf,
  proposedRecipientKey,
} from '../../../renderer/src/model/dimension-options.js'

describe('dimension picker', () => {
  it('offers every flat dimension once, and every tag key with its source', () => {
    const groups = dimensionOptionGroups([
      {
        key: 'iamPrincipal/team',
        label: 'team',
        source: 'iamPrincipal',
        coveredCost: '1',
        share: 1,
      },
    ])
    const values = groups.flatMap((g) => g.options.map((o) => o.value))
    expect(values).toEqual(
      expect.arrayContaining([
        'principal',
        'model',
        'provider',
        'token-type',
        'account',
        'region',
        'service',
        'usage-type',
        'operation',
        'line-item-type',
        'month',
        'day',
      ]),
    )
    expect(new Set(values).size).toBe(values.length)
    expect(groups.at(-1)?.options).toEqual([
      { value: 'tag:iamPrincipal/team', label: 'team (Principal tag)' },
    ])
  })

  it('shows principal roll-ups under one Principal entry with a level', () => {
    expect(pickerValue('role')).toBe('principal')
    expect(principalLevelOf('person')).toBe('person')
    expect(pickerValue('account')).toBe('account')
    expect(principalLevelOf('service')).toBeNull()
  })

  it('offers Compare no usage-log dimension, which only the open export has', () => {
    const tag: TagKeyInfo = {
      key: 'iamPrincipal/team',
      label: 'team',
      source: 'iamPrincipal',
      coveredCost: '1',
      share: 1,
    }
    const values = compareOptionGroups([tag]).flatMap((g) => g.options.map((o) => o.value))
    expect(values).not.toContain('user')
    expect(values.filter((v) => v.startsWith('log-tag:'))).toEqual([])
    expect(values).toEqual(expect.arrayContaining(['principal', 'tag:iamPrincipal/team']))
  })
})

describe('proposed recipient key', () => {
  const key = (k: string, source: TagKeyInfo['source'], share: number): TagKeyInfo => ({
    key: k,
    label: k.slice(k.indexOf('/') + 1),
    source,
    coveredCost: '0',
    share,
  })

  it('prefers a principal tag called team', () => {
    expect(
      proposedRecipientKey([
        key('iamPrincipal/cost-center', 'iamPrincipal', 0.9),
        key('iamPrincipal/team', 'iamPrincipal', 0.1),
      ]),
    ).toBe('iamPrincipal/team')
  })

  it('otherwise takes the widest principal tag, then the widest tag of any source', () => {
    expect(
      proposedRecipientKey([
        key('resourceTags/user:Project', 'resourceTags', 0.9),
        key('iamPrincipal/owner', 'iamPrincipal', 0.2),
      ]),
    ).toBe('iamPrincipal/owner')
    expect(proposedRecipientKey([key('accountTag/env', 'accountTag', 0.5)])).toBe('accountTag/env')
    expect(proposedRecipientKey([])).toBeNull()
  })
})
