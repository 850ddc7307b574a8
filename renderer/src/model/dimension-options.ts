// The choices of the dimension picker, grouped as a finance user thinks of them, with every tag key
// from the open report. The principal's roll-up levels share one "Principal" entry plus a level.
import type { Dimension, FlatDimension, TagKeyInfo } from '../../../core/api.js'
import {
  DIMENSION_LABELS,
  isPrincipalLevel,
  TAG_SOURCE_LABELS,
  tagDimension,
  type PrincipalLevel,
} from './dimensions.js'

export interface DimensionOption {
  value: Dimension
  label: string
}

export interface DimensionOptionGroup {
  label: string
  options: DimensionOption[]
}

const GROUPS: { label: string; dimensions: FlatDimension[] }[] = [
  { label: 'Who', dimensions: ['principal', 'user', 'account'] },
  { label: 'Generative AI', dimensions: ['model', 'provider', 'token-type'] },
  {
    label: 'Service and usage',
    dimensions: ['service', 'usage-type', 'operation', 'line-item-type', 'region'],
  },
  { label: 'Time', dimensions: ['month', 'week', 'day'] },
]

/** With `logTagKeys`, the keys of the loaded usage logs' tags (`log-tag:<key>`). */
export function dimensionOptionGroups(
  tagKeys: readonly TagKeyInfo[],
  logTagKeys: readonly string[] = [],
): DimensionOptionGroup[] {
  const groups = GROUPS.map((group) => ({
    label: group.label,
    options: group.dimensions.map((value) => ({
      value: value as Dimension,
      label: DIMENSION_LABELS[value],
    })),
  }))
  if (tagKeys.length > 0)
    groups.push({
      label: 'Tags',
      options: tagKeys.map((k) => ({
        value: tagDimension(k.key),
        label: `${k.label} (${TAG_SOURCE_LABELS[k.source]})`,
      })),
    })
  if (logTagKeys.length > 0)
    groups.push({
      label: 'Usage log tags',
      options: logTagKeys.map((key) => ({ value: `log-tag:${key}` as Dimension, label: key })),
    })
  return groups
}

/** The choices of the Compare screen: no `user`, as usage logs split only the open export. */
export function compareOptionGroups(tagKeys: readonly TagKeyInfo[]): DimensionOptionGroup[] {
  return dimensionOptionGroups(tagKeys).map((group) => ({
    ...group,
    options: group.options.filter((o) => o.value !== 'user'),
  }))
}

/** Which picker entry shows a dimension: principal roll-ups below the account show as "Principal". */
export function pickerValue(dimension: Dimension): Dimension {
  return dimension === 'person' || dimension === 'role' ? 'principal' : dimension
}

/** The roll-up level to show beside the picker, or null when the dimension has none. */
export function principalLevelOf(dimension: Dimension): PrincipalLevel | null {
  return isPrincipalLevel(dimension) && dimension !== 'account' ? dimension : null
}

/**
 * The tag key most likely to name who pays, proposed for new rules and quick mode: a key called
 * "team", else the principal tag with the widest coverage, else the widest key of any source.
 */
export function proposedRecipientKey(tagKeys: readonly TagKeyInfo[]): string | null {
  const team = tagKeys.find((k) => k.label.toLowerCase() === 'team' && k.source === 'iamPrincipal')
  if (team) return team.key
  const widest = (keys: readonly TagKeyInfo[]) =>
    keys.reduce<TagKeyInfo | null>((best, k) => (!best || k.share > best.share ? k : best), null)
  return (
    (widest(tagKeys.filter((k) => k.source === 'iamPrincipal')) ?? widest(tagKeys))?.key ?? null
  )
}
