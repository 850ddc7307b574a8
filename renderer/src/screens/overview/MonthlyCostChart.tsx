// Cost by month as grouped bars, unblended beside amortized.
import type { SummaryResult } from '../../../../core/api.js'
import { PairedBarChart } from '../../components/PairedBarChart.js'

export function MonthlyCostChart({ byMonth }: { byMonth: SummaryResult['byMonth'] }) {
  return (
    <PairedBarChart
      bars={byMonth.map((m) => ({ period: m.period, amounts: [m.unblended, m.amortized] }))}
      keys={['Unblended', 'Amortized']}
      label="Cost by month, unblended and amortized"
    />
  )
}
