// One Bedrock line shape (product code, product name, usage type, pricing unit, product-map fields)
// → model, provider, token type, token scale and the region its usage-type prefix names. Pure; it is
// applied to the few distinct shapes of a dataset, never row by row (see lookup-tables.ts).
import { mapModel, type BedrockLine } from './model-mapping.js'
import { splitRegionPrefix } from './region-codes.js'
import { classifyTokens, type TokenType } from './token-type.js'

export interface BedrockClassification {
  model: string | null
  provider: string | null
  /** The MODEL_RULES id that named the model, for inspection. */
  modelRule: string | null
  tokenType: TokenType | null
  /** `usage_amount × tokenScale` = tokens; null when the line counts no tokens. */
  tokenScale: number | null
  /** Region named by the usage-type prefix (`EU-` → eu-west-1); null when absent or unknown. */
  usageRegion: string | null
}

export function classifyBedrockLine(line: BedrockLine): BedrockClassification {
  const model = mapModel(line)
  const tokens = classifyTokens(line.usageType, line.productInferenceType, line.pricingUnit)
  const prefix = splitRegionPrefix(line.usageType ?? '')
  return {
    model: model?.model ?? null,
    provider: model?.provider ?? nonEmpty(line.productProvider),
    modelRule: model?.rule ?? null,
    tokenType: tokens.tokenType,
    tokenScale: tokens.scale,
    usageRegion: prefix.region,
  }
}

function nonEmpty(value: string | null): string | null {
  const text = value?.trim()
  return text ? text : null
}
