// How much Bedrock cost the model catalog does not name: the unblended cost of Bedrock line items
// whose model is shown under its raw name because the catalog does not know it, beside all Bedrock
// cost. The unknown names come from `bedrock_dim` (a few rows); their cost is a breakdown filtered to
// them, run only when there are any. Both sums are exact DECIMALs from the engine.
import type { Filter, ModelCoverage } from '../api.js'
import type { AttributedRows } from '../rows/attributed-rows.js'
import { breakdown } from './breakdown.js'

const BEDROCK: Filter = { dimension: 'service', values: ['Amazon Bedrock'] }

export async function modelCoverage(rows: AttributedRows): Promise<ModelCoverage> {
  await rows.complete()
  const unknown = (
    await rows.engine.query<{ model: string }>(
      'SELECT DISTINCT model FROM bedrock_dim WHERE model IS NOT NULL AND model_key IS NULL',
    )
  ).map((r) => r.model)
  const bedrock = await breakdown(rows, {
    dimensions: ['service'],
    metric: 'unblended',
    filters: [BEDROCK],
  })
  if (unknown.length === 0) {
    return { bedrockCost: bedrock.total, unknownCost: '0.0000000000', unknownModels: [] }
  }
  const onUnknown = await breakdown(rows, {
    dimensions: ['model'],
    metric: 'unblended',
    filters: [BEDROCK, { dimension: 'model', values: unknown }],
  })
  return {
    bedrockCost: bedrock.total,
    unknownCost: onUnknown.total,
    unknownModels: onUnknown.rows.map((r) => r.keys[0] ?? ''),
  }
}
