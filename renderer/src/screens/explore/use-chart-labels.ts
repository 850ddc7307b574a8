// How the breakdown chart names and colours its bars and series: groups as the formats show them
// (principals and roles by their readable labels, days short, long names clipped in the middle), "(other)" and the no-value group in their own
// muted colours, every other series from the palette in a stable order.
import { useTheme } from '@mui/material/styles'
import type { Dimension } from '../../../../core/api.js'
import { formatDayShort } from '../../../../core/format/period.js'
import { OTHER_SERIES, TOTAL_SERIES, type ChartModel } from '../../model/chart-data.js'
import { clipMiddle } from '../../model/clip-label.js'
import { OTHER_LABEL } from '../../model/dimensions.js'
import type { ChartStack } from '../../model/explore-state.js'
import type { PrincipalLabelLookup } from '../../model/principal-labels.js'
import { decodeGroupId, groupId } from '../../model/group-id.js'
import { useFormats } from '../../state/FormatProvider.js'
import { OTHER_COLOR, SERIES_COLORS } from '../../theme/theme.js'

const MAX_LABEL = 28

export function clip(text: string): string {
  return clipMiddle(text, MAX_LABEL)
}

export function useChartLabels(
  dimensions: readonly Dimension[],
  stack: ChartStack,
  model: ChartModel,
  labels: PrincipalLabelLookup,
) {
  const formats = useFormats()
  const theme = useTheme()
  const [first, second] = dimensions as [Dimension, Dimension | undefined]

  const barLabel = (id: string) => {
    const decoded = decodeGroupId(id)
    if (decoded.kind === 'other') return OTHER_LABEL
    return (
      labels.label(first, decoded.value) ?? formats.group(first, decoded.value, { short: true })
    )
  }
  const tickLabel = (id: string) => {
    const decoded = decodeGroupId(id)
    if ((first === 'day' || first === 'week') && decoded.kind === 'value' && decoded.value !== null)
      return formatDayShort(decoded.value, formats.locale)
    return clip(barLabel(id))
  }
  const seriesLabel = (key: string) => {
    if (key === TOTAL_SERIES) return ''
    if (key === OTHER_SERIES) return OTHER_LABEL
    if (stack === 'month') return formats.period(key)
    const decoded = decodeGroupId(key)
    if (!second || decoded.kind !== 'value') return key
    return (
      labels.label(second, decoded.value) ?? formats.group(second, decoded.value, { short: true })
    )
  }
  const nullColor = theme.palette.mode === 'dark' ? '#5d6778' : '#c3cad6'
  const colored = model.keys.filter((k) => k !== OTHER_SERIES && k !== groupId(null))
  const colorOf = (key: string, bar?: string) => {
    if (key === TOTAL_SERIES) {
      if (bar === groupId(null, true)) return OTHER_COLOR
      return bar === groupId(null) ? nullColor : theme.palette.primary.main
    }
    if (key === OTHER_SERIES) return OTHER_COLOR
    if (key === groupId(null)) return nullColor
    return SERIES_COLORS[colored.indexOf(key) % SERIES_COLORS.length]
  }
  return { barLabel, tickLabel, seriesLabel, colorOf }
}
