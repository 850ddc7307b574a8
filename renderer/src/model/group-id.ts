// Stable string ids for group values, so that chart bars and table rows can be keyed and clicked
// and mapped back to the value (null included) or to the "(other)" group.
import type { GroupValue } from '../../../core/api.js'

const NULL_ID = '\u0000null'
const OTHER_ID = '\u0000other'

export type DecodedGroup = { kind: 'value'; value: GroupValue } | { kind: 'other' }

export function groupId(value: GroupValue, other = false): string {
  if (other) return OTHER_ID
  return value === null ? NULL_ID : `v:${value}`
}

export function decodeGroupId(id: string | number): DecodedGroup {
  if (typeof id === 'number') return { kind: 'value', value: String(id) }
  if (id === OTHER_ID) return { kind: 'other' }
  if (id === NULL_ID) return { kind: 'value', value: null }
  return { kind: 'value', value: id.startsWith('v:') ? id.slice(2) : id }
}
