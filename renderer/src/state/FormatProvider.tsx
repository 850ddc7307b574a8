// Formatting in the user's locale and the open report's currency, shared by every screen.
import { createContext, useContext, useMemo, type ReactNode } from 'react'
import type { Dimension, GroupValue, Metric } from '../../../core/api.js'
import { createMetricFormatter, type MetricFormatter } from '../../../core/format/metric.js'
import { createMoneyFormatter, type MoneyFormatter } from '../../../core/format/money.js'
import { formatPeriodOrDay } from '../../../core/format/period.js'
import { groupLabel } from '../model/dimensions.js'

export interface Formats {
  locale: string
  currency: string
  money: MoneyFormatter
  metric(metric: Metric): MetricFormatter
  period(value: string): string
  group(dimension: Dimension, value: GroupValue, options?: { short?: boolean }): string
}

const FormatContext = createContext<Formats | null>(null)

export function FormatProvider(props: { locale: string; currency: string; children: ReactNode }) {
  const { locale, currency } = props
  const value = useMemo<Formats>(() => {
    const options = { locale, currency }
    const metricFormatters = new Map<Metric, MetricFormatter>()
    const period = (v: string) => formatPeriodOrDay(v, locale)
    return {
      locale,
      currency,
      money: createMoneyFormatter(options),
      metric(metric) {
        let formatter = metricFormatters.get(metric)
        if (!formatter) {
          formatter = createMetricFormatter(metric, options)
          metricFormatters.set(metric, formatter)
        }
        return formatter
      },
      period,
      group: (dimension, v, o) =>
        groupLabel(dimension, v, { formatPeriod: period, shortArns: o?.short }),
    }
  }, [locale, currency])
  return <FormatContext.Provider value={value}>{props.children}</FormatContext.Provider>
}

export function useFormats(): Formats {
  const value = useContext(FormatContext)
  if (!value) throw new Error('useFormats() needs a <FormatProvider> above it')
  return value
}
