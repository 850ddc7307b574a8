// How much Bedrock cost the model catalog does not name: the unblended cost of Bedrock line items
// whose model is shown under its raw name because the catalog does not know it, beside all Bedrock
// cost. One grouped read by model and catalog key; its sums are exact DECIMALs from the engine.
import type { ModelCoverage } from '../api.js'
import { compareDecimal } from '../format/decimal.js'
import { formatUnits, parseUnits, sum } from '../format/exact-money.js'
import type { AttributedRows } from '../rows/attributed-rows.js'

type ModelRow = { model: string | null; known: boolean; cost: string }

export async function modelCoverage(rows: AttributedRows): Promise<ModelCoverage> {
  const groups = await rows.read<ModelRow>(
    {
      columns: [
        { name: 'model', read: { column: 'model' } },
        { name: 'model_key', read: { column: 'model_key' } },
      ],
      filters: [{ dimension: 'service', values: ['Amazon Bedrock'] }],
      metrics: ['unblended'],
    },
    (groups) => `SELECT model, model_key IS NOT NULL AS known,
  CAST(COALESCE(SUM(unblended), 0) AS DECIMAL(38, 10)) AS cost
FROM (${groups})
GROUP BY ALL`,
  )
  const total = (list: ModelRow[]) => formatUnits(sum(list.map((r) => parseUnits(r.cost))))
  const unknown = groups
    .filter((g) => g.model !== null && !g.known)
    .sort(
      (a, b) => compareDecimal(b.cost, a.cost) || String(a.model).localeCompare(String(b.model)),
    )
  return {
    bedrockCost: total(groups),
    unknownCost: total(unknown),
    unknownModels: unknown.map((g) => g.model as string),
  }
}
