// One Bedrock line shape (product code, product name, usage type, pricing unit, product-map fields)
// → model (its catalog key and name), provider, token type, token scale (and the unit assumed when
// the row has none) and the region its usage-type prefix names. Pure; it is
// applied to the few distinct shapes of a dataset, never row by row (see lookup-tables.ts).
import { mapModel, type BedrockLine } from './model-mapping.js'
import { splitRegionPrefix } from './region-codes.js'
import { classifyTokens, type TokenType } from './token-type.js'

export interface BedrockClassification {
  /** The model catalog's key; null when the line has no model or the catalog does not know it. */
  modelKey: string | null
  /** The catalog's name for the model, or its raw name when the catalog does not know it. */
  model: string | null
  provider: string | null
  /** The MODEL_RULES id that named the model, for inspection. */
  modelRule: string | null
  tokenType: TokenType | null
  /** `usage_amount × tokenScale` = tokens; null when the line counts no tokens. */
  tokenScale: number | null
  /** The pricing unit `tokenScale` assumes because the line has none; null when it states one. */
  assumedUnit: string | null
  /** Region named by the usage-type prefix (`EU-` → eu-west-1); null when absent or unknown. */
  usageRegion: string | null
}

export function classifyBedrockLine(line: BedrockLine): BedrockClassification {
  const model = mapModel(line)
  const tokens = classifyTokens(line.usageType, line.productInferenceType, line.pricingUnit)
  const prefix = splitRegionPrefix(line.usageType ?? '')
  return {
    modelKey: model?.key ?? null,
    model: model?.model ?? null,
    provider: model?.provider ?? nonEmpty(line.productProvider),
    modelRule: model?.rule ?? null,
    tokenType: tokens.tokenType,
    tokenScale: tokens.scale,
    assumedUnit: tokens.assumedUnit,
    usageRegion: prefix.region,
  }
}

function nonEmpty(value: string | null): string | null {
  const text = value?.trim()
  return text ? text : null
}
