import { describe, expect, it } from 'vitest'
import { resolveTagKey, tagLabel, tagSource } from '../../../core/attribution/tag-keys.js'

describe('tag key names', () => {
  it.each([
    ['iamPrincipal/team', 'iamPrincipal', 'team'],
    ['resourceTags/user:Project', 'resourceTags', 'Project'],
    ['resourceTags/aws:createdBy', 'resourceTags', 'aws:createdBy'],
    ['accountTag/environment', 'accountTag', 'environment'],
    ['userAttribute/department', 'userAttribute', 'department'],
    ['costCategory/BusinessUnit', 'costCategory', 'BusinessUnit'],
    ['user:legacy', 'other', 'legacy'],
    ['team', 'other', 'team'],
    ['unknownSource/x', 'other', 'unknownSource/x'],
    ['user:', 'other', 'user:'],
  ])('reads %s as source %s, label %s', (key, source, label) => {
    expect(tagSource(key)).toBe(source)
    expect(tagLabel(key)).toBe(label)
  })

  it('resolves a label to the one key that has it, and keeps an absent name as given', () => {
    const keys = ['iamPrincipal/team', 'resourceTags/user:Project']
    expect(resolveTagKey('team', keys)).toBe('iamPrincipal/team')
    expect(resolveTagKey('Project', keys)).toBe('resourceTags/user:Project')
    expect(resolveTagKey('project', keys)).toBe('project')
  })

  it('prefers an exact key and refuses a shared label', () => {
    expect(resolveTagKey('team', ['team', 'iamPrincipal/team'])).toBe('team')
    expect(() => resolveTagKey('team', ['iamPrincipal/team', 'resourceTags/user:team'])).toThrow(
      /ambiguous/,
    )
  })
})
