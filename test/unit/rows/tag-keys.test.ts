import { describe, expect, it } from 'vitest'
import { closestTagKeys, resolveTagKey, tagLabel, tagSource } from '../../../core/rows/tag-names.js'

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

  it('resolves a label to the one key that has it, and refuses a name no key has', () => {
    const keys = ['iamPrincipal/team', 'resourceTags/user:Project']
    expect(resolveTagKey('team', keys)).toBe('iamPrincipal/team')
    expect(resolveTagKey('Project', keys)).toBe('resourceTags/user:Project')
    expect(() => resolveTagKey('project', keys)).toThrow(
      'The export has no tag project. Closest: tag:resourceTags/user:Project, tag:iamPrincipal/team.',
    )
    expect(() => resolveTagKey('team', [])).toThrow(
      'The export has no tag team: it has no tags at all.',
    )
  })

  it('names at most three closest keys, case and punctuation folded before edit distance', () => {
    const keys = [
      'iamPrincipal/team',
      'resourceTags/user:cost_center',
      'iamPrincipal/cost-center',
      'resourceTags/user:CostCentre',
      'accountTag/environment',
    ]
    expect(closestTagKeys('resourceTags/user:CostCenter', keys)).toEqual([
      'resourceTags/user:cost_center',
      'iamPrincipal/cost-center',
      'resourceTags/user:CostCentre',
    ])
    expect(closestTagKeys('Team', keys)[0]).toBe('iamPrincipal/team')
    expect(closestTagKeys('enviroment', keys)[0]).toBe('accountTag/environment')
  })

  it('prefers an exact key and refuses a shared label', () => {
    expect(resolveTagKey('team', ['team', 'iamPrincipal/team'])).toBe('team')
    expect(() => resolveTagKey('team', ['iamPrincipal/team', 'resourceTags/user:team'])).toThrow(
      /ambiguous/,
    )
  })
})
