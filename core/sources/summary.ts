// Totals of an open dataset by line item type, month and service, read from the totals built on open
// (totals.ts: the view's own values, summed), reconciled to the source files: their own unblended
// total, read from the raw column by a separate query, must equal the view's to the last decimal.
// Money stays DECIMAL end to end.
import type { LineItemTypeTotal, SummaryResult } from '../api.js'
import { compareDecimal } from '../format/decimal.js'
import type { Dataset } from './dataset.js'
import { keptSourceTotal, saveOpen } from './open-cache.js'
import { sourceUnblendedTotal } from './reconcile.js'
import { ROLLUP_VIEW } from './totals.js'

type GroupRow = {
  by_type: number
  by_month: number
  by_service: number
  line_item_type: string | null
  billing_period: string | null
  service: string | null
  rows: string
  unblended: string
  net: string
  amortized: string
  ondemand: string
}

const sum = (column: string) => `CAST(coalesce(sum(${column}), 0) AS DECIMAL(38,10))`

const SUMMARY_SQL = `SELECT
  grouping(line_item_type) = 0 AS by_type,
  grouping(billing_period) = 0 AS by_month,
  grouping(service) = 0 AS by_service,
  line_item_type, billing_period, service,
  CAST(sum(rows) AS VARCHAR) AS rows,
  ${sum('unblended_cost')} AS unblended,
  ${sum('net_unblended_cost')} AS net,
  ${sum('amortized_cost')} AS amortized,
  ${sum('ondemand_cost')} AS ondemand
FROM ${ROLLUP_VIEW}
GROUP BY GROUPING SETS ((line_item_type), (billing_period), (service), ())`

export async function summarize(dataset: Dataset): Promise<SummaryResult> {
  const kept = await keptSourceTotal(dataset.engine)
  const [groups, sourceUnblended] = await Promise.all([
    dataset.engine.query<GroupRow>(SUMMARY_SQL),
    kept ?? sourceUnblendedTotal(dataset.engine),
  ])
  // Keeping them only saves time next open: a failure to write is no failure of the summary.
  if (kept === null && dataset.cache) {
    await saveOpen(dataset.engine, dataset.cache, sourceUnblended).catch(() => undefined)
  }
  const total = groups.find((g) => !g.by_type && !g.by_month && !g.by_service)
  const zero = '0.0000000000'
  const byLineItemType: LineItemTypeTotal[] = groups
    .filter((g) => g.by_type)
    .map((g) => ({
      lineItemType: g.line_item_type ?? '',
      rows: Number(g.rows),
      unblended: g.unblended,
      net: g.net,
      amortized: g.amortized,
      ondemand: g.ondemand,
    }))
    .sort(
      (a, b) =>
        compareDecimal(b.unblended, a.unblended) || a.lineItemType.localeCompare(b.lineItemType),
    )
  const byMonth = groups
    .filter((g) => g.by_month)
    .map((g) => ({
      period: g.billing_period ?? '',
      unblended: g.unblended,
      amortized: g.amortized,
    }))
    .sort((a, b) => a.period.localeCompare(b.period))
  const byService = groups
    .filter((g) => g.by_service)
    .map((g) => ({ service: g.service ?? '', unblended: g.unblended, amortized: g.amortized }))
    .sort((a, b) => compareDecimal(b.unblended, a.unblended) || a.service.localeCompare(b.service))
  const viewUnblended = total?.unblended ?? zero
  const { info } = dataset
  return {
    format: info.format,
    rows: Number(total?.rows ?? 0),
    billingPeriods: info.billingPeriods,
    currency: info.currency,
    totals: {
      unblended: viewUnblended,
      net: total?.net ?? zero,
      amortized: total?.amortized ?? zero,
      ondemand: total?.ondemand ?? zero,
    },
    byLineItemType,
    byMonth,
    byService,
    reconciliation: {
      sourceUnblended,
      viewUnblended,
      matches: compareDecimal(sourceUnblended, viewUnblended) === 0,
    },
  }
}
