// What each dimension is called on screen and how its groups read, including the null group:
// "(no principal)" for principal roll-ups, "(untagged)" for tags, "(unknown)" for the rest.
import type { Dimension, FlatDimension, GroupValue, TagKeyInfo } from '../../../core/api.js'
import { emptyGroupLabel } from '../../../core/format/empty-group.js'

export const OTHER_LABEL = '(other)'

/** Roll-up levels of the principal, from the full ARN up to the account. */
export const PRINCIPAL_LEVELS = ['principal', 'person', 'role', 'account'] as const
export type PrincipalLevel = (typeof PRINCIPAL_LEVELS)[number]

export const PRINCIPAL_LEVEL_LABELS: Record<PrincipalLevel, string> = {
  principal: 'Full ARN',
  person: 'Person or session',
  role: 'Role or user',
  account: 'Account',
}

export const DIMENSION_LABELS: Record<FlatDimension, string> = {
  principal: 'Principal',
  person: 'Person',
  role: 'Role',
  account: 'Account',
  model: 'Model',
  provider: 'Provider',
  'token-type': 'Token type',
  service: 'Service',
  region: 'Region',
  'usage-type': 'Usage type',
  operation: 'Operation',
  'line-item-type': 'Line item type',
  month: 'Month',
  week: 'Week',
  day: 'Day',
  user: 'User',
}

export const TAG_SOURCE_LABELS: Record<TagKeyInfo['source'], string> = {
  iamPrincipal: 'Principal tag',
  resourceTags: 'Resource tag',
  accountTag: 'Account tag',
  userAttribute: 'User attribute',
  costCategory: 'Cost category',
  other: 'Other tag',
}

export function isTagDimension(dimension: Dimension): dimension is `tag:${string}` {
  return dimension.startsWith('tag:')
}

export function tagDimension(key: string): Dimension {
  return `tag:${key}`
}

function tagKeyOf(dimension: Dimension): string | null {
  return isTagDimension(dimension) ? dimension.slice('tag:'.length) : null
}

export function isPrincipalLevel(dimension: Dimension): dimension is PrincipalLevel {
  return (PRINCIPAL_LEVELS as readonly string[]).includes(dimension)
}

/** A tag key as people know it: the part after the source prefix, without `user:`. */
export function tagKeyLabel(key: string, tagKeys: readonly TagKeyInfo[] = []): string {
  const known = tagKeys.find((k) => k.key === key)
  if (known) return known.label
  const afterSource = key.includes('/') ? key.slice(key.indexOf('/') + 1) : key
  return afterSource.replace(/^user:/, '')
}

export function isLogTagDimension(dimension: Dimension): dimension is `log-tag:${string}` {
  return dimension.startsWith('log-tag:')
}

export function dimensionLabel(dimension: Dimension, tagKeys: readonly TagKeyInfo[] = []): string {
  const key = tagKeyOf(dimension)
  if (key !== null) return `Tag: ${tagKeyLabel(key, tagKeys)}`
  if (isLogTagDimension(dimension)) return `Log tag: ${dimension.slice('log-tag:'.length)}`
  return DIMENSION_LABELS[dimension as FlatDimension] ?? dimension
}

/** A principal ARN without the partition and service prefix: `assumed-role/BackendDev/javier@…`. */
export function shortPrincipal(arn: string): string {
  const match = /^arn:aws[a-z-]*:(?:iam|sts)::\d*:(.+)$/.exec(arn)
  return match ? match[1] : arn
}

export interface GroupLabelOptions {
  /** Formats YYYY-MM and YYYY-MM-DD values of the month, week (its Monday) and day dimensions. */
  formatPeriod?: (value: string) => string
  /** Shorten full principal ARNs (charts); tables show them whole. */
  shortArns?: boolean
}

export function groupLabel(
  dimension: Dimension,
  value: GroupValue,
  options: GroupLabelOptions = {},
): string {
  if (value === null) return emptyGroupLabel(dimension)
  if (dimension === 'week' && options.formatPeriod) return `Week of ${options.formatPeriod(value)}`
  if ((dimension === 'month' || dimension === 'day') && options.formatPeriod)
    return options.formatPeriod(value)
  if (dimension === 'principal' && options.shortArns) return shortPrincipal(value)
  return value
}
