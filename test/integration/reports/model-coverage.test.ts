// How much Bedrock cost sits on models the model catalog does not know: the hand-built rows plus
// rows of a model it cannot name (a billing name, then a product-map name after 2026-07-20, both
// new), whose figures are summed here by hand.
import { afterEach, describe, expect, it } from 'vitest'
import { breakdown } from '../../../core/reports/breakdown.js'
import { modelCoverage } from '../../../core/reports/model-coverage.js'
import {
  ROWS,
  decimal,
  openAttributedHandDataset,
  units,
  type HandRows,
  type HandRow,
} from '../rows/hand-built-cur.js'

let ds: HandRows | undefined

afterEach(async () => {
  await ds?.close()
  ds = undefined
})

const unknown = (fields: Partial<HandRow>): HandRow => ({
  ...ROWS[0],
  usage_type: 'USE1-Claude9Sonnet-input-tokens',
  description: 'a model the catalog does not know',
  ...fields,
})

const UNKNOWN_ROWS: HandRow[] = [
  unknown({ unblended_cost: '4.25', amortized_cost: '4.25' }),
  unknown({ unblended_cost: '1.75', amortized_cost: '1.75' }),
  unknown({
    usage_start: '2026-07-22 00:00:00',
    product_model: 'Claude Sonnet 9',
    product_provider: 'Anthropic',
    unblended_cost: '10.00',
    amortized_cost: '10.00',
  }),
]

describe('model coverage', () => {
  it('says how much Bedrock cost is on models the catalog does not know, and names them as billed', async () => {
    ds = await openAttributedHandDataset([...ROWS, ...UNKNOWN_ROWS])
    const bedrock = [...ROWS, ...UNKNOWN_ROWS].filter((r) => r.service === 'Amazon Bedrock')
    const total = (rows: HandRow[]) =>
      decimal(rows.reduce((s, r) => s + units(r.unblended_cost), 0n))
    expect(await modelCoverage(ds)).toEqual({
      bedrockCost: total(bedrock),
      unknownCost: total(UNKNOWN_ROWS),
      unknownModels: ['Claude Sonnet 9', 'Claude9Sonnet'],
    })
    // They stay their own groups, merged with no known model.
    const byModel = await breakdown(ds, { dimensions: ['model'], metric: 'unblended' })
    const value = (model: string) => byModel.rows.find((r) => r.keys[0] === model)?.value
    expect(value('Claude9Sonnet')).toBe('6.0000000000')
    expect(value('Claude Sonnet 9')).toBe('10.0000000000')
  })

  it('reports nothing unknown when the catalog knows every model', async () => {
    ds = await openAttributedHandDataset()
    const bedrock = ROWS.filter((r) => r.service === 'Amazon Bedrock')
    expect(await modelCoverage(ds)).toEqual({
      bedrockCost: decimal(bedrock.reduce((s, r) => s + units(r.unblended_cost), 0n)),
      unknownCost: '0.0000000000',
      unknownModels: [],
    })
  })
})
