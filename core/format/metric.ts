// One place that knows how each metric reads: cost metrics are money in the bill's currency,
// usage is a quantity in the row's pricing unit, tokens and line-item counts are whole counts.
import type { Metric } from '../api.js'
import { createMoneyFormatter, type MoneyFormatOptions } from './money.js'
import { formatCompactNumber, formatNumber } from './number.js'

export const METRIC_LABELS: Record<Metric, string> = {
  unblended: 'Unblended cost',
  net: 'Net unblended cost',
  amortized: 'Amortized cost',
  ondemand: 'On-demand equivalent',
  usage: 'Usage quantity',
  tokens: 'Tokens',
  count: 'Line items',
}

/** The same, short, where the choice already says it is a metric. */
export const METRIC_SHORT_LABELS: Record<Metric, string> = {
  unblended: 'Unblended',
  net: 'Net',
  amortized: 'Amortized',
  ondemand: 'On-demand',
  usage: 'Usage',
  tokens: 'Tokens',
  count: 'Line items',
}

export function isCostMetric(metric: Metric): boolean {
  return metric !== 'usage' && metric !== 'tokens' && metric !== 'count'
}

export interface MetricFormatter {
  format(value: string): string
  compact(value: string | number): string
}

export function createMetricFormatter(
  metric: Metric,
  options: MoneyFormatOptions,
): MetricFormatter {
  if (isCostMetric(metric)) return createMoneyFormatter(options)
  const digits = metric === 'usage' ? 2 : 0
  return {
    format: (value) => formatNumber(value, options.locale, digits),
    compact: (value) => formatCompactNumber(value, options.locale),
  }
}
