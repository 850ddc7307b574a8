// How much of the export's Bedrock cost the loaded usage logs split among end users: the unblended
// cost of Bedrock line items whose usage-log bucket has records, beside all Bedrock cost. One
// grouped read through the split (core/rows/split-read.ts); exact DECIMAL sums from the engine.
import { formatUnits, parseUnits } from '../format/exact-money.js'
import type { AttributedRows } from '../rows/attributed-rows.js'

export interface LogCoverage {
  bedrockCost: string
  splitCost: string
  /** splitCost / bedrockCost; null without Bedrock cost. */
  coverage: number | null
}

export async function logCoverage(
  rows: AttributedRows,
  signal?: AbortSignal,
): Promise<LogCoverage> {
  const groups = await rows.read<{ split: string | null; cost: string }>(
    {
      columns: [{ name: 'split', read: { column: 'log_split' } }],
      filters: [{ dimension: 'service', values: ['Amazon Bedrock'] }],
      metrics: ['unblended'],
    },
    (groups) => `SELECT split, CAST(COALESCE(unblended, 0) AS DECIMAL(38, 10)) AS cost
FROM (${groups})`,
    {},
    { signal },
  )
  const total = groups.reduce((sum, g) => sum + parseUnits(g.cost), 0n)
  const split = groups.reduce((sum, g) => sum + (g.split ? parseUnits(g.cost) : 0n), 0n)
  return {
    bedrockCost: formatUnits(total),
    splitCost: formatUnits(split),
    coverage: total === 0n ? null : Number((split * 1_000_000n) / total) / 1_000_000,
  }
}
