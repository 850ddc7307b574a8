// Billed Bedrock cost by day beside the usage logs' own estimate (where the logs have one), as
// grouped bars; a day whose logs carry no estimate shows the billed bar alone.
import type { ReconcileRow } from '../../../../core/api.js'
import { PairedBarChart } from '../../components/PairedBarChart.js'

export function BilledEstimatedChart({ byDay }: { byDay: readonly ReconcileRow[] }) {
  return (
    <PairedBarChart
      bars={byDay.map((r) => ({
        period: String(r.keys[0]),
        amounts: [r.billedCost, r.estimatedCost],
      }))}
      keys={['Billed', 'Estimated']}
      label="Billed and estimated cost by day"
      missing="no estimate in the logs"
    />
  )
}
