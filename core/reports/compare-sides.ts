// The two sides of a comparison (two exports, or two months of one) and what a query names on
// them. A tag resolves against the keys of both sides together, so a tag only one side has is the
// untagged group on the other rather than an error; a side's month is one more filter. Usage logs
// split only the open export, so `user` and `log-tag:` are refused: the two sides would mix logged
// end users with the principals of an unsplit export.
import type { Dimension, Filter } from '../api.js'
import { CurLensError } from '../errors/curlens-error.js'
import type { AttributedRows } from '../rows/attributed-rows.js'
import { LOG_TAG_PREFIX, TAG_PREFIX } from '../rows/dimensions.js'
import { resolveFilterValues } from '../rows/filter-values.js'
import { resolveTagKey } from '../rows/tag-names.js'

export interface SideRows {
  rows: AttributedRows
  /** YYYY-MM: only this billing period. */
  month?: string
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

export function checkMonth(month: unknown): void {
  if (month !== undefined && (typeof month !== 'string' || !MONTH.test(month))) {
    throw new CurLensError(
      'INVALID_QUERY',
      `A side's month is a billing period as YYYY-MM; got ${JSON.stringify(month)}.`,
    )
  }
}

/**
 * Dimensions and filters with every `tag:<label>` as the stored key of either side, each side's
 * filters with its month and with Bedrock values spelled as that side's data spells them.
 */
export async function resolveSides(
  sides: readonly SideRows[],
  query: { dimensions: Dimension[]; filters?: Filter[] },
  signal?: AbortSignal,
): Promise<{ dimensions: Dimension[]; filters: Filter[][] }> {
  const filters = query.filters ?? []
  const named = [...query.dimensions, ...filters.map((f) => f.dimension)]
  const split = named.find((d) => d === 'user' || d.startsWith(LOG_TAG_PREFIX))
  if (split !== undefined) {
    throw new CurLensError(
      'INVALID_QUERY',
      `A comparison cannot group or filter by ${split}: usage logs split only the open export, ` +
        'so its sides would mix logged end users with unsplit principals. Use principal, person ' +
        'or a tag instead.',
    )
  }
  let present: string[] = []
  if (named.some((d) => d.startsWith(TAG_PREFIX))) {
    const keys = await Promise.all(sides.map((s) => s.rows.presentTagKeys(signal)))
    present = [...new Set(keys.flat())].sort()
  }
  const resolve = (d: Dimension): Dimension =>
    d.startsWith(TAG_PREFIX) ? `tag:${resolveTagKey(d.slice(TAG_PREFIX.length), present)}` : d
  const resolved = filters.map((f) => ({ ...f, dimension: resolve(f.dimension) }))
  return {
    dimensions: query.dimensions.map(resolve),
    filters: await Promise.all(
      sides.map(async (side) => {
        const month: Filter[] = side.month ? [{ dimension: 'month', values: [side.month] }] : []
        return (await resolveFilterValues(side.rows, [...resolved, ...month], signal)) ?? month
      }),
    ),
  }
}
