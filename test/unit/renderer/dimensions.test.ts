import { describe, expect, it } from 'vitest'
import {
  dimensionLabel,
  groupLabel,
  shortPrincipal,
  tagKeyLabel,
} from '../../../renderer/src/model/dimensions.js'
import type { TagKeyInfo } from '../../../core/api.js'
import { emptyGroupLabel as nullGroupLabel } from '../../../core/format/empty-group.js'

const team: TagKeyInfo = {
  key: 'iamPrincipal/team',
  label: 'team',
  source: 'iamPrincipal',
  coveredCost: '10',
  share: 0.5,
}

describe('null group labels', () => {
  it('calls the null group of principal roll-ups "(no principal)"', () => {
    expect(nullGroupLabel('principal')).toBe('(no principal)')
    expect(nullGroupLabel('person')).toBe('(no principal)')
    expect(nullGroupLabel('role')).toBe('(no principal)')
  })

  it('calls the null group of a tag "(untagged)"', () => {
    expect(nullGroupLabel('tag:iamPrincipal/team')).toBe('(untagged)')
  })

  it('calls the null group of any other dimension "(unknown)"', () => {
    expect(nullGroupLabel('model')).toBe('(unknown)')
    expect(nullGroupLabel('account')).toBe('(unknown)')
    expect(nullGroupLabel('token-type')).toBe('(unknown)')
  })

  it('uses those labels for null values and the value itself otherwise', () => {
    expect(groupLabel('tag:resourceTags/user:Project', null)).toBe('(untagged)')
    expect(groupLabel('service', 'Amazon Bedrock')).toBe('Amazon Bedrock')
  })

  it('names a week by the Monday it starts on', () => {
    const formatPeriod = (value: string) => `<${value}>`
    expect(groupLabel('week', '2026-12-28', { formatPeriod })).toBe('Week of <2026-12-28>')
    expect(groupLabel('day', '2026-12-28', { formatPeriod })).toBe('<2026-12-28>')
  })
})

describe('dimension and tag names', () => {
  it('names tag dimensions by the key people know', () => {
    expect(dimensionLabel('tag:iamPrincipal/team', [team])).toBe('Tag: team')
    expect(dimensionLabel('tag:resourceTags/user:Project')).toBe('Tag: Project')
    expect(tagKeyLabel('costCategory/Department')).toBe('Department')
  })

  it('names flat dimensions in words', () => {
    expect(dimensionLabel('token-type')).toBe('Token type')
    expect(dimensionLabel('line-item-type')).toBe('Line item type')
  })
})

describe('principal labels', () => {
  it('drops the partition, service and account from an ARN', () => {
    expect(
      shortPrincipal('arn:aws:sts::111122223333:assumed-role/BackendDev/javier@example.com'),
    ).toBe('assumed-role/BackendDev/javier@example.com')
    expect(shortPrincipal('arn:aws-us-gov:iam::111122223333:user/alice')).toBe('user/alice')
    expect(shortPrincipal('not an arn')).toBe('not an arn')
  })

  it('shortens principals only when asked and formats periods with the given function', () => {
    const arn = 'arn:aws:iam::111122223333:user/alice'
    expect(groupLabel('principal', arn)).toBe(arn)
    expect(groupLabel('principal', arn, { shortArns: true })).toBe('user/alice')
    expect(groupLabel('month', '2026-07', { formatPeriod: (v) => `<${v}>` })).toBe('<2026-07>')
  })
})
