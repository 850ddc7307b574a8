// Which Bedrock model (and provider) a CUR line bills, kept as inspectable data: an ordered rule
// list (MODEL_RULES, first match wins) over tables of billing names, vendor prefixes and providers.
// The four billing shapes are in BEDROCK-USAGE-TYPES.md §1. Lines no rule reads get a null model:
// the visible "(unknown)" group. Readable names follow the product map's spelling
// (`Claude Sonnet 4.6`), so one model reads the same whichever shape billed it.
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

export interface ModelName {
  model: string
  provider: string | null
}

export interface ModelRule {
  id: string
  description: string
  apply(line: BedrockLine): ModelName | null
}

/** Products whose usage types carry a billing name or model id (shapes A, B, D). */
export const FIRST_PARTY_PRODUCT_CODES: readonly string[] = [
  'AmazonBedrock',
  'AmazonBedrockService',
  'AmazonBedrockFoundationModels',
]

/** Providers by the start of a readable or billing model name. */
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

/** Billing names (shapes A, B) to readable names; unknown names are shown as billed. */
export const BILLING_NAME_RULES: readonly {
  pattern: RegExp
  name(m: RegExpExecArray): string
}[] = [
  {
    // Claude 4+ reads "Claude Sonnet 4.6"; Claude 3.x reads "Claude 3.5 Haiku".
    pattern: /^Claude(\d+)(?:[.-](\d+))?(Opus|Sonnet|Haiku)$/,
    name: ([, major, minor, family]) => {
      const version = minor ? `${major}.${minor}` : major
      return Number(major) >= 4 ? `Claude ${family} ${version}` : `Claude ${version} ${family}`
    },
  },
  { pattern: /^ClaudeInstant/, name: () => 'Claude Instant' },
  { pattern: /^Claude(\d+)(?:[.-](\d+))?$/, name: ([, a, b]) => `Claude ${b ? `${a}.${b}` : a}` },
  {
    pattern: /^Nova(\d+(?:\.\d+)?)?([A-Z][A-Za-z]*)$/,
    name: ([, version, tier]) =>
      version ? `Nova ${version.replace(/\.0$/, '')} ${tier}` : `Nova ${tier}`,
  },
  {
    pattern: /^Llama(\d+)(?:-(\d+))?-(.+)$/,
    name: ([, major, minor, rest]) =>
      `Llama ${minor ? `${major}.${minor}` : major} ${rest.replaceAll('-', ' ')}`,
  },
  {
    pattern: /^Titan(.+)$/,
    name: ([, rest]) => `Titan ${rest.replace(/([a-z])([A-Z])/g, '$1 $2').replaceAll('-', ' ')}`,
  },
]

/** Model ids (after the vendor prefix) to the product map's names; other ids are shown as billed. */
export const MODEL_ID_RULES: readonly { pattern: RegExp; name(m: RegExpExecArray): string }[] = [
  {
    pattern: /^claude-(opus|sonnet|haiku)-(\d+)(?:-(\d+))?(?:-v\d+(?::\d+)?)?$/,
    name: ([, family, major, minor]) =>
      `Claude ${family[0].toUpperCase()}${family.slice(1)} ${minor ? `${major}.${minor}` : major}`,
  },
  { pattern: /^grok-(\d+(?:\.\d+)*)$/, name: ([, version]) => `Grok ${version}` },
]

const MARKETPLACE_EDITION = /^(.*?)\s*\(Amazon Bedrock Edition\)\s*$/i

export const MODEL_RULES: readonly ModelRule[] = [
  {
    id: 'product-attributes',
    description: "product['model'] and product['provider'] (present since 2026-07)",
    apply: (line) => {
      const model = clean(line.productModel)
      return model ? { model, provider: clean(line.productProvider) ?? providerOf(model) } : null
    },
  },
  {
    id: 'marketplace-product-name',
    description:
      'marketplace product name "<model> (Amazon Bedrock Edition)", on lines with a usage ' +
      'type (tax and credit lines have none)',
    apply: (line) => {
      if (!clean(line.usageType)) return null
      const model = clean(MARKETPLACE_EDITION.exec(line.productName ?? '')?.[1])
      return model ? { model, provider: clean(line.productProvider) ?? providerOf(model) } : null
    },
  },
  {
    id: 'usage-type-model-id',
    description: 'vendor.model id in a first-party usage type (mantle endpoint, rerank)',
    apply: (line) => {
      const id = firstPartyModelPart(line)
      const dot = id?.indexOf('.') ?? -1
      if (!id || dot <= 0) return null
      const vendor = id.slice(0, dot).toLowerCase()
      if (!Object.hasOwn(MODEL_ID_VENDORS, vendor)) return null
      return { model: readableModelId(id.slice(dot + 1)), provider: MODEL_ID_VENDORS[vendor] }
    },
  },
  {
    id: 'usage-type-billing-name',
    description: 'billing name in a first-party usage type (Claude4.6Sonnet, NovaPro, …)',
    apply: (line) => {
      const name = firstPartyModelPart(line)
      if (!name || NOT_A_MODEL.test(name)) return null
      for (const rule of BILLING_NAME_RULES) {
        const match = rule.pattern.exec(name)
        if (match) return { model: rule.name(match), provider: providerOf(name) }
      }
      return { model: name, provider: providerOf(name) }
    },
  },
]

export interface ModelMatch extends ModelName {
  rule: string
}

export function mapModel(line: BedrockLine): ModelMatch | null {
  for (const rule of MODEL_RULES) {
    const found = rule.apply(line)
    if (found) return { ...found, rule: rule.id }
  }
  return null
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

function readableModelId(id: string): string {
  for (const rule of MODEL_ID_RULES) {
    const match = rule.pattern.exec(id)
    if (match) return rule.name(match)
  }
  return id
}

function clean(value: string | null | undefined): string | null {
  const text = value?.trim()
  return text ? text : null
}
