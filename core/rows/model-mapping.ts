// Which Bedrock model (and provider) a CUR line bills, kept as inspectable data: an ordered rule list
// (MODEL_RULES) whose rules each read the raw name one source gives (the product map, the marketplace
// product name, a model id or a billing name in the usage type; the four billing shapes are in
// BEDROCK-USAGE-TYPES.md §1). The first raw name the model catalog knows decides the model, so one
// model has one key and one name whichever columns billed it. When the catalog knows none, the
// first raw name stays the model, with no key: shown as billed, never merged by guess. Lines no rule
// reads get no model: the visible "(unknown)" group.
import { findModel } from './model-catalog.js'
import { splitRegionPrefix } from './region-codes.js'

export interface BedrockLine {
  productCode: string | null
  productName: string | null
  usageType: string | null
  pricingUnit: string | null
  productProvider: string | null
  productModel: string | null
  productInferenceType: string | null
}

/** A model as one source names it, and the provider that source (or the name) gives. */
export interface RawModel {
  name: string
  provider: string | null
}

export interface ModelRule {
  id: string
  description: string
  read(line: BedrockLine): RawModel | null
}

/** Products whose usage types carry a billing name or model id (shapes A, B, D). */
export const FIRST_PARTY_PRODUCT_CODES: readonly string[] = [
  'AmazonBedrock',
  'AmazonBedrockService',
  'AmazonBedrockFoundationModels',
]

/** Providers of models the catalog does not know, by the start of their name. */
export const PROVIDER_PREFIXES: readonly { pattern: RegExp; provider: string }[] = [
  { pattern: /^claude/i, provider: 'Anthropic' },
  { pattern: /^(nova|titan|amazon)/i, provider: 'Amazon' },
  { pattern: /^llama/i, provider: 'Meta' },
  {
    pattern: /^(mistral|mixtral|pixtral|magistral|ministral|devstral|voxtral|codestral)/i,
    provider: 'Mistral AI',
  },
  { pattern: /^qwen/i, provider: 'Qwen' },
  { pattern: /^deepseek/i, provider: 'DeepSeek' },
  { pattern: /^gpt/i, provider: 'OpenAI' },
  { pattern: /^(cohere|command|embed|rerank)/i, provider: 'Cohere' },
  { pattern: /^(jamba|jurassic|ai21)/i, provider: 'AI21 Labs' },
  { pattern: /^gemma/i, provider: 'Google' },
  { pattern: /^kimi/i, provider: 'Moonshot AI' },
  { pattern: /^minimax/i, provider: 'MiniMax' },
  { pattern: /^(palmyra|writer)/i, provider: 'Writer' },
  { pattern: /^(stable|stability|sd3|sdxl)/i, provider: 'Stability AI' },
  { pattern: /^ray(-|\s|$)/i, provider: 'Luma AI' },
  { pattern: /^(marengo|pegasus|twelvelabs)/i, provider: 'TwelveLabs' },
  { pattern: /^grok/i, provider: 'xAI' },
]

/** Vendor prefixes of model ids in usage types (`openai.gpt-oss-120b`, `cohere.rerank-…`). */
export const MODEL_ID_VENDORS: Readonly<Record<string, string>> = {
  anthropic: 'Anthropic',
  amazon: 'Amazon',
  openai: 'OpenAI',
  xai: 'xAI',
  qwen: 'Qwen',
  meta: 'Meta',
  mistral: 'Mistral AI',
  deepseek: 'DeepSeek',
  google: 'Google',
  cohere: 'Cohere',
  moonshot: 'Moonshot AI',
  moonshotai: 'Moonshot AI',
  minimax: 'MiniMax',
  writer: 'Writer',
  ai21: 'AI21 Labs',
  stability: 'Stability AI',
  twelvelabs: 'TwelveLabs',
  luma: 'Luma AI',
  nvidia: 'NVIDIA',
  zai: 'Z.ai',
}

/**
 * Where the model part of a first-party usage type ends: the first dash-separated segment that
 * starts a meter. Billing names contain dashes (`Llama4-Maverick-17B`, `TitanEmbeddingV2-Text`),
 * so the model is everything before the meter, not the second segment.
 */
export const METER_START =
  /^(input|output|cache|text|speech|image|audio|video|mantle|reserved|search|nova-grounding|ProvisionedThroughput|Customization|CustomModelImport|RFT|T2I|T2V)(-|$)/

/** Usage-type heads that are Bedrock features, not models. */
export const NOT_A_MODEL = /^(Guardrails?|DataAutomation|OSS|AgentCore|KnowledgeBases?|Flows?)$/i

const MARKETPLACE_EDITION = /^(.*?)\s*\(Amazon Bedrock Edition\)\s*$/i

export const MODEL_RULES: readonly ModelRule[] = [
  {
    id: 'product-attributes',
    description: "product['model'] and product['provider'] (present since 2026-07)",
    read: (line) => {
      const name = clean(line.productModel)
      return name ? { name, provider: clean(line.productProvider) ?? providerOf(name) } : null
    },
  },
  {
    id: 'marketplace-product-name',
    description:
      'marketplace product name "<model> (Amazon Bedrock Edition)", on lines with a usage ' +
      'type (tax and credit lines have none)',
    read: (line) => {
      if (!clean(line.usageType)) return null
      const name = clean(MARKETPLACE_EDITION.exec(line.productName ?? '')?.[1])
      return name ? { name, provider: clean(line.productProvider) ?? providerOf(name) } : null
    },
  },
  {
    id: 'usage-type-model-id',
    description: 'vendor.model id in a first-party usage type (mantle endpoint, rerank)',
    read: (line) => {
      const id = firstPartyModelPart(line)
      const dot = id?.indexOf('.') ?? -1
      if (!id || dot <= 0) return null
      const vendor = id.slice(0, dot).toLowerCase()
      if (!Object.hasOwn(MODEL_ID_VENDORS, vendor)) return null
      return { name: id, provider: MODEL_ID_VENDORS[vendor] }
    },
  },
  {
    id: 'usage-type-billing-name',
    description: 'billing name in a first-party usage type (Claude4.6Sonnet, NovaPro, …)',
    read: (line) => {
      const name = firstPartyModelPart(line)
      if (!name || NOT_A_MODEL.test(name)) return null
      return { name, provider: providerOf(name) }
    },
  },
]

export interface ModelMatch {
  /** The catalog's key (`amazon.nova-pro-v1`); null when the catalog does not know the model. */
  key: string | null
  /** The catalog's name, or the raw name as billed when the catalog does not know it. */
  model: string
  provider: string | null
  /** The MODEL_RULES id whose raw name decided the model. */
  rule: string
}

export function mapModel(line: BedrockLine): ModelMatch | null {
  let unknown: ModelMatch | null = null
  for (const rule of MODEL_RULES) {
    const raw = rule.read(line)
    if (!raw) continue
    const known = findModel(raw.name)
    if (known) return { key: known.key, model: known.name, provider: known.provider, rule: rule.id }
    unknown ??= { key: null, model: raw.name, provider: raw.provider, rule: rule.id }
  }
  return unknown
}

/** The model part of a first-party usage type, or null (marketplace, no meter found, other products). */
export function firstPartyModelPart(line: BedrockLine): string | null {
  if (!line.productCode || !FIRST_PARTY_PRODUCT_CODES.includes(line.productCode)) return null
  const rest = splitRegionPrefix(line.usageType ?? '').rest
  if (rest.startsWith('MP:')) return null
  const segments = rest.split('-')
  for (let i = 1; i < segments.length; i++) {
    if (METER_START.test(segments.slice(i).join('-'))) return segments.slice(0, i).join('-')
  }
  return null
}

export function providerOf(model: string): string | null {
  return PROVIDER_PREFIXES.find((p) => p.pattern.test(model))?.provider ?? null
}

function clean(value: string | null | undefined): string | null {
  const text = value?.trim()
  return text ? text : null
}
