import { describe, expect, it } from 'vitest'
import { tagsJson, tagsTable } from '../../../cli/commands/tags.js'
import type { TagKeyInfo } from '../../../core/api.js'
import { orderTagKeys } from '../../../core/reports/tag-keys.js'
import { tagLabel, tagSource } from '../../../core/rows/tag-names.js'

const key = (k: string, coveredCost: string, share: number): TagKeyInfo => ({
  key: k,
  label: tagLabel(k),
  source: tagSource(k),
  coveredCost,
  share,
})

describe('tags output', () => {
  it('lists keys as the Tags screen does: by source, then by share, widest first', () => {
    // Credits exceed usage: the total is negative, so the largest cost has the smallest share.
    const result = {
      totalCost: '-10.0000000000',
      keys: orderTagKeys([
        key('iamPrincipal/team', '30.0000000000', -3),
        key('iamPrincipal/cost-center', '-0.0000000676', 0.00000000676),
        key('accountTag/env', '5.0000000000', -0.5),
        key('resourceTags/user:Project', '1234567.8950000000', -123456.7895),
      ]),
    }
    expect(JSON.parse(tagsJson(result)).map((k: TagKeyInfo) => k.key)).toEqual([
      'iamPrincipal/cost-center',
      'iamPrincipal/team',
      'resourceTags/user:Project',
      'accountTag/env',
    ])
    expect(tagsJson(result)).toContain('"coveredCost": -0.0000000676,\n    "share": 0.00000000676')
    expect(tagsTable(result).split('\n')).toEqual([
      'key                        label        source        covered cost           share',
      'iamPrincipal/cost-center   cost-center  iamPrincipal          0.00            0.0%',
      'iamPrincipal/team          team         iamPrincipal         30.00         -300.0%',
      'resourceTags/user:Project  Project      resourceTags  1,234,567.90  -12,345,679.0%',
      'accountTag/env             env          accountTag            5.00          -50.0%',
      '',
      '4 tag keys; shares are of -10.00 unblended cost.',
      '',
    ])
  })

  it('says so when the export has no tags', () => {
    expect(tagsTable({ keys: [], totalCost: '0.0000000000' })).toBe('This export has no tags.\n')
    expect(tagsJson({ keys: [], totalCost: '0.0000000000' })).toBe('[]\n')
  })
})
